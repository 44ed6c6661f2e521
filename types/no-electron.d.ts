/**
 * What `electron` resolves to when the plain-Node layers (src/core, src/server,
 * src/shared, bench) are type-checked (tsconfig.core.json): a module with nothing
 * in it, so `import { app } from 'electron'` there fails `npm run typecheck` with
 * "Module "electron" has no exported member 'app'". Electron belongs to src/main
 * and src/preload alone (docs/architecture.md).
 */
export {};
