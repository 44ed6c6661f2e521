/**
 * The layer rule of ../shared/ARCHITECTURE.md, checked through ESLint itself: a
 * wrong import in a real layer's path is an error, a right one is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers import downward only', () => {
  it('rejects electron in the core, the server, the shared contract and the renderer', async () => {
    for (const file of ['src/core/zz.ts', 'src/server/zz.ts', 'src/shared/zz.ts', 'src/renderer/zz.ts']) {
      const messages = await ruleMessages(file, "import { app } from 'electron';\nexport const x = app;\n");
      expect(messages.join('\n'), file).toMatch(/electron is imported in src\/main and src\/preload only/);
    }
  });

  it('allows electron in the main process and the preload', async () => {
    for (const file of ['src/main/zz.ts', 'src/preload/zz.ts']) {
      expect(await ruleMessages(file, "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    }
  });

  it('rejects an upward import: core from server, renderer from core, shared from core', async () => {
    expect(await ruleMessages('src/core/zz.ts', "import { listen } from '../server/host';\nexport const x = listen;\n")).toEqual([
      expect.stringContaining('src/core must not import from src/server'),
    ]);
    expect(await ruleMessages('src/renderer/views/zz.ts', "import { openCore } from '../../core/createCore';\nexport const x = openCore;\n")).toEqual([
      expect.stringContaining('src/renderer must not import from src/core'),
    ]);
    expect(await ruleMessages('src/shared/zz.ts', "import { openStore } from '../core/store/store';\nexport const x = openStore;\n")).toEqual([
      expect.stringContaining('src/shared must not import from src/core'),
    ]);
  });

  it('accepts downward imports', async () => {
    expect(await ruleMessages('src/server/zz.ts', "import { openCore } from '../core/createCore';\nexport const x = openCore;\n")).toEqual([]);
    expect(await ruleMessages('src/renderer/zz.ts', "import { commandNames } from '../shared/contract';\nexport const x = commandNames;\n")).toEqual([]);
  });
});
