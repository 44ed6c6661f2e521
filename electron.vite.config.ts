import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src/main/csp';

const root = import.meta.dirname;

/**
 * The app page's CSP as a <meta>, written from the one policy (src/main/csp.ts):
 * strict in the build; while `npm run dev` serves it, relaxed just enough for
 * Vite's inline React-refresh preamble and its hot-reload websocket.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'plenary-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, context) =>
        context.filename.endsWith('index.html')
          ? [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy(Boolean(context.server)) }, injectTo: 'head-prepend' }]
          : [],
    },
  };
}

/**
 * Puts the boot script (src/renderer/boot.ts, its own entry) first in the app
 * page's head, `async`: it runs as soon as it has arrived, not after the app's
 * bundle as a deferred module would, and its requests are the page's first.
 */
export function bootScript(): Plugin {
  return {
    name: 'plenary-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        if (!context.filename.endsWith('index.html')) return html;
        const boot = context.server
          ? './boot.ts'
          : Object.values(context.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'boot')?.fileName;
        if (!boot) throw new Error('plenary-boot-script: the boot entry is missing from the build');
        // After the charset and the CSP, before the bundle and its preloads.
        return html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <script type="module" async crossorigin src="./${boot.replace(/^\.\//, '')}"></script>`);
      },
    },
  };
}

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
    plugins: [react(), contentSecurityPolicyMeta(), bootScript()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Smaller bundles paint the first slide sooner, from disk or over the room's Wi-Fi.
      // PLENARY_NO_MINIFY=1 keeps names readable in a browser profile (docs/benchmarks.md).
      minify: !process.env.PLENARY_NO_MINIFY,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/renderer/index.html'),
          boot: resolve(root, 'src/renderer/boot.ts'),
          participant: resolve(root, 'src/renderer/participant.html'),
        },
        output: {
          // V8's explicit compile hint for the charts: compile all their functions
          // as the file streams in, on a background thread, instead of one by one
          // on the main thread the first time each runs (a chart page runs nearly
          // all of them at once). Measured on the results view: about a third less
          // main-thread time. Not on the main bundle: there it made the first page
          // slower, the compiling landing on the main thread at start-up.
          postBanner: (chunk) => (chunk.name === 'charts' ? '//# allFunctionsCalledOnLoad' : ''),
        },
      },
    },
  },
});
