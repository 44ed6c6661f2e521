// Lint rules, above all the layer rule of ../shared/ARCHITECTURE.md: layers import
// downward only, and `electron` only in src/main and src/preload.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What each layer must not import: folders above or beside it, and electron. */
export const layerRules = {
  shared: ['core', 'server', 'main', 'preload', 'renderer'],
  core: ['server', 'main', 'preload', 'renderer'],
  server: ['main', 'preload', 'renderer'],
  renderer: ['core', 'server', 'main', 'preload'],
  preload: ['core', 'server', 'main', 'renderer'],
  main: ['renderer', 'preload'],
};

const electronAllowed = new Set(['main', 'preload']);

function restrictionsFor(layer) {
  const patterns = layerRules[layer].map((other) => ({
    group: [`**/${other}`, `**/${other}/**`, `src/${other}/**`],
    message: `src/${layer} must not import from src/${other}: layers import downward only (see ../shared/ARCHITECTURE.md).`,
  }));
  const paths = [];
  if (!electronAllowed.has(layer)) {
    paths.push({ name: 'electron', message: 'electron is imported in src/main and src/preload only; keep logic in src/core.' });
  }
  // The core and the contract must also stay free of React and the DOM.
  if (layer === 'core' || layer === 'shared') {
    paths.push({ name: 'react', message: `src/${layer} has no React.` }, { name: 'react-dom', message: `src/${layer} has no React.` });
  }
  return ['error', { paths, patterns }];
}

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
  ...Object.keys(layerRules).map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrictionsFor(layer) },
  })),
);
