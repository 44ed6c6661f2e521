import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RecoveryNotice } from '../../shared/contract';
import { fixedDeps } from '../deps';
import { decodeDocument, readDocument, type DocumentSpec } from './versionedDocument';

/**
 * A made-up format at version 2: version 1 kept a single `name`, version 2 splits
 * it into `first` and `last`; version 0 (no schemaVersion at all) was a bare `who`.
 */
const v2Schema = z.object({
  schemaVersion: z.literal(2),
  first: z.string(),
  last: z.string(),
  tags: z.array(z.string()),
});
type V2 = z.infer<typeof v2Schema>;

const spec: DocumentSpec<V2> = {
  label: 'The test file',
  schema: v2Schema,
  currentVersion: 2,
  migrations: {
    0: (old) => ({ name: String(old.who ?? ''), tags: [] }),
    1: (old) => {
      const [first = '', ...rest] = String(old.name).split(' ');
      return { first, last: rest.join(' '), tags: old.tags };
    },
  },
};

describe('decodeDocument', () => {
  it('reads a current file as it is', () => {
    const doc = { schemaVersion: 2, first: 'Ada', last: 'Lovelace', tags: ['x'] };
    expect(decodeDocument(JSON.stringify(doc), spec)).toEqual(doc);
  });

  it('upgrades a version-1 file to version 2', () => {
    const text = JSON.stringify({ schemaVersion: 1, name: 'Grace Brewster Hopper', tags: ['navy'] });
    expect(decodeDocument(text, spec)).toEqual({ schemaVersion: 2, first: 'Grace', last: 'Brewster Hopper', tags: ['navy'] });
  });

  it('treats a file without schemaVersion as version 0 and runs every step', () => {
    const text = JSON.stringify({ who: 'Alan Turing' });
    expect(decodeDocument(text, spec)).toEqual({ schemaVersion: 2, first: 'Alan', last: 'Turing', tags: [] });
  });

  it('refuses a version it has no migration for', () => {
    const noZero: DocumentSpec<V2> = { ...spec, migrations: { 1: spec.migrations[1]! } };
    expect(() => decodeDocument(JSON.stringify({ who: 'x' }), noZero)).toThrow('no way to upgrade format 0');
  });

  it('refuses a file written by a newer version, saying so', () => {
    expect(() => decodeDocument(JSON.stringify({ schemaVersion: 3, first: 'a' }), spec)).toThrow(
      'it was written by a newer Plenary (format 3; this one reads up to 2)',
    );
  });

  it('refuses what is not JSON, or not an object', () => {
    expect(() => decodeDocument('{', spec)).toThrow('it is not valid JSON');
    expect(() => decodeDocument('[1,2]', spec)).toThrow('it is not a JSON object');
    expect(() => decodeDocument('null', spec)).toThrow('it is not a JSON object');
  });

  it('refuses a migrated file that still fails the schema, naming the place', () => {
    const text = JSON.stringify({ schemaVersion: 1, name: 'Ada Lovelace', tags: [42] });
    expect(() => decodeDocument(text, spec)).toThrow(/does not match the expected shape \(tags\[0\]: /);
  });
});

describe('readDocument with migrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-doc-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an old file in its new shape without moving it or raising a notice', async () => {
    const path = join(dir, 'doc.json');
    const original = JSON.stringify({ schemaVersion: 1, name: 'Ada Lovelace', tags: [] });
    await writeFile(path, original);
    const notices: RecoveryNotice[] = [];
    expect(await readDocument(path, spec, fixedDeps().now, notices)).toEqual({ schemaVersion: 2, first: 'Ada', last: 'Lovelace', tags: [] });
    expect(notices).toEqual([]);
    // The upgrade is written by the next save, not on read: the old file is untouched.
    expect(await readFile(path, 'utf8')).toBe(original);
  });

  it('returns null for a file that does not exist, with no notice', async () => {
    const notices: RecoveryNotice[] = [];
    expect(await readDocument(join(dir, 'absent.json'), spec, fixedDeps().now, notices)).toBeNull();
    expect(notices).toEqual([]);
  });
});
