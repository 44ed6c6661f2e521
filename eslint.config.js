// Lint rules, above all the layer rule (docs/architecture.md): layers import
// downward only, and `electron` only in src/main and src/preload. The rule is
// eslint-plugin-boundaries' `dependencies`, judged on the RESOLVED path of every
// import, re-export, type import and dynamic `import()`, not on the import's text.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What each layer may import, besides itself. `resources` is the data the app
 * ships (the built-in workshop), read by the core.
 */
export const layerImports = {
  shared: [],
  core: ['shared', 'resources'],
  server: ['core', 'shared'],
  main: ['core', 'server', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
};

/** Packages a layer may not import however they are named: Electron and React stay where they belong. */
const forbiddenPackages = {
  shared: ['electron', 'react', 'react-dom', 'node:*', 'fs', 'path'],
  core: ['electron', 'react', 'react-dom'],
  server: ['electron', 'react', 'react-dom'],
  main: ['react', 'react-dom'],
  preload: ['react', 'react-dom'],
  renderer: ['electron'],
};

const layers = Object.keys(layerImports);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...layers.map((layer) => ({ type: layer, pattern: `src/${layer}` })),
        { type: 'resources', pattern: 'resources' },
      ],
      // Static imports, `export ... from`, and dynamic import(): a lazy import is still an import.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // `?raw` (Vite's text import) is not part of the path on disk.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // Packages and Node's built-ins are judged too, not only our own files.
          checkAllOrigins: true,
          message:
            'src/{{from.type}} must not import "{{dependency.source}}"{{#if to.type}} (src/{{to.type}}){{/if}}: layers import downward only, electron in src/main and src/preload alone (docs/architecture.md).',
          policies: [
            // Inside a layer anything goes; packages are judged below.
            ...layers.map((layer) => ({ from: { element: { type: layer } }, allow: { to: { element: { type: layer } } } })),
            ...layers.map((layer) => ({
              from: { element: { type: layer } },
              allow: { to: { element: { types: layerImports[layer].length ? layerImports[layer] : ['-none-'] } } },
            })),
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            ...layers.map((layer) => ({
              from: { element: { type: layer } },
              disallow: { to: { module: { origin: ['external', 'core'], source: forbiddenPackages[layer] } } },
            })),
          ],
        },
      ],
    },
  },
);
