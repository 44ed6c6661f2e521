/**
 * docs/workshop.schema.json is generated from the zod schema; this test keeps
 * it true. Run `PLENARY_WRITE_SCHEMA=1 npx vitest run tests/unit/workshopSchemaDoc.test.ts`
 * after changing the model to write it again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { workshopFileSchema } from '../../src/shared/workshopFile';

const path = 'docs/workshop.schema.json';

function generated(): string {
  const schema = z.toJSONSchema(workshopFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'Plenary workshop file (.plenary.json)', ...schema }, null, 2)}\n`;
}

describe('the workshop file JSON Schema in docs/', () => {
  it('matches the zod schema it is generated from', () => {
    if (process.env.PLENARY_WRITE_SCHEMA) writeFileSync(path, generated());
    expect(readFileSync(path, 'utf8')).toBe(generated());
  });
});
