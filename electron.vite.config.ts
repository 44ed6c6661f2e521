import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  // The main build also carries the Node host and the benchmark: plain Node
  // programs that share the core, so `npm run serve` needs no Electron.
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          serve: resolve(root, 'src/server/serve.ts'),
          bench: resolve(root, 'bench/index.ts'),
        },
      },
    },
  },
  // WARNING: a sandboxed window can only load a CommonJS preload.
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Smaller bundles paint the first slide sooner, from disk or over the room's Wi-Fi.
      minify: process.env.PLENARY_NO_MINIFY ? false : true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/renderer/index.html'),
          participant: resolve(root, 'src/renderer/participant.html'),
        },
      },
    },
  },
});
