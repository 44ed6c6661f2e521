/**
 * The layer rule of docs/architecture.md, checked twice, as the build checks it:
 * by ESLint (eslint-plugin-boundaries, on the RESOLVED path of every import,
 * dynamic `import()` included) and by the type-check (tsconfig.core.json compiles
 * the plain-Node layers with `electron` resolving to an empty module).
 */
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

/**
 * Type-checks one extra file, `code` at `filePath`, under a tsconfig, as if it were
 * in the tree (the file never touches the disk). Returns the errors in that file.
 */
function typeErrors(tsconfig: string, filePath: string, code: string): string[] {
  const configPath = join(root, tsconfig);
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const probe = join(root, filePath);
  const host = ts.createCompilerHost({ ...parsed.options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => (path === probe ? code : readFile(path));
  host.fileExists = (path) => path === probe || fileExists(path);
  host.getSourceFile = (path, language, ...rest) =>
    path === probe ? ts.createSourceFile(path, code, language) : getSourceFile(path, language, ...rest);
  const program = ts.createProgram({ rootNames: [probe], options: { ...parsed.options, noEmit: true, composite: false }, host });
  const sourceFile = program.getSourceFile(probe);
  return [...program.getSemanticDiagnostics(sourceFile), ...program.getSyntacticDiagnostics(sourceFile)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

describe('the lint rule judges resolved paths', () => {
  it('rejects a dynamic import from the renderer into the core', async () => {
    expect(await layerMessages('src/renderer/views/zz.ts', "export const load = () => import('../../core/createCore');\n")).toEqual([
      expect.stringContaining('src/renderer must not import "../../core/createCore" (src/core)'),
    ]);
  });

  it('rejects a type import and a re-export across layers too', async () => {
    expect(await layerMessages('src/renderer/zz.ts', "import type { Core } from '../core/createCore';\nexport type X = Core;\n")).toHaveLength(1);
    expect(await layerMessages('src/core/zz.ts', "export { listen } from '../server/host';\n")).toEqual([
      expect.stringContaining('src/core must not import "../server/host" (src/server)'),
    ]);
  });

  it('rejects a path that only reaches another layer once resolved', async () => {
    expect(await layerMessages('src/renderer/app/zz.ts', "import { openCore } from '../../renderer/../core/createCore';\nexport const x = openCore;\n")).toHaveLength(1);
  });

  it('rejects electron in the core, the server, the shared contract and the renderer', async () => {
    for (const file of ['src/core/zz.ts', 'src/server/zz.ts', 'src/shared/zz.ts', 'src/renderer/zz.ts']) {
      const messages = await layerMessages(file, "import { app } from 'electron';\nexport const x = app;\n");
      expect(messages, file).toEqual([expect.stringMatching(/must not import "electron"/)]);
    }
  });

  it('keeps React out of the core and Node out of the shared contract', async () => {
    expect(await layerMessages('src/core/zz.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toHaveLength(1);
    expect(await layerMessages('src/shared/zz.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toHaveLength(1);
  });

  it('allows electron in the main process and the preload', async () => {
    for (const file of ['src/main/zz.ts', 'src/preload/zz.ts']) {
      expect(await layerMessages(file, "import { app } from 'electron';\nexport const x = app;\n"), file).toEqual([]);
    }
  });

  it('passes legal imports, including ones whose text names another layer', async () => {
    // src/renderer/main.tsx is the renderer's own entry: "main" in a path is not src/main.
    expect(await layerMessages('src/renderer/app/zz.ts', "export const load = () => import('../main');\n")).toEqual([]);
    expect(await layerMessages('src/renderer/zz.ts', "import { commandNames } from './../shared/contract';\nexport const x = commandNames;\n")).toEqual([]);
    expect(await layerMessages('src/server/zz.ts', "import { openCore } from '../core/createCore';\nexport const x = openCore;\n")).toEqual([]);
    expect(await layerMessages('src/main/zz.ts', "import { listen } from '../server/host';\nexport const x = listen;\n")).toEqual([]);
  });

  it('passes the real code', async () => {
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => `${r.filePath}: ${m.message}`));
    expect(broken).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
    // Lints the whole of src (over 400 files): it took 92 s once at a load of 20 on 2 cores.
  }, 240_000);
});

// Each builds a program over its tsconfig: seconds each on a busy machine.
describe('the type-check keeps electron out of the plain-Node layers', { timeout: 60_000 }, () => {
  it('fails on electron inside the core', () => {
    expect(typeErrors('tsconfig.core.json', 'src/core/zz.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringContaining(`has no exported member 'app'`),
    ]);
  });

  it('fails on electron inside the renderer', () => {
    expect(typeErrors('tsconfig.web.json', 'src/renderer/zz.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toEqual([
      expect.stringContaining(`has no exported member 'ipcRenderer'`),
    ]);
  });

  it('passes a legal core file, and electron where it belongs', () => {
    expect(typeErrors('tsconfig.core.json', 'src/core/zz.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toEqual([]);
    expect(typeErrors('tsconfig.node.json', 'src/main/zz.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
