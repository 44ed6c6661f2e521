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

/** The chunks of the chart pages, whose code the boot script fetches ahead on a page opened straight at one. */
const bootPreloadedViews: Record<string, string> = {
  results: 'src/renderer/views/results/ResultsView.tsx',
  report: 'src/renderer/views/report/ReportView.tsx',
};
const chartsModule = 'src/renderer/components/charts/index.ts';

/**
 * The files a chunk needs to run: itself and what it imports, statically, all the
 * way down (the build's own record of it).
 */
function chunkFiles(bundle: Record<string, { type: string; fileName: string; imports?: string[] }>, fileName: string, seen = new Set<string>()): Set<string> {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const imported of bundle[fileName]?.imports ?? []) chunkFiles(bundle, imported, seen);
  return seen;
}

/**
 * Puts the boot script (src/renderer/boot.ts, its own entry) first in the app
 * page's head, `async`: it runs as soon as it has arrived, not after the app's
 * bundle as a deferred module would, and its requests are the page's first.
 * Before it, a <meta> lists the files of each chart page (its view and the
 * charts), which the boot script fetches ahead on such a page: the page is not
 * cached (no-store), so the list always matches the build.
 */
export function bootScript(): Plugin {
  return {
    name: 'plenary-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        if (!context.filename.endsWith('index.html')) return html;
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).flatMap((chunk) => (chunk.type === 'chunk' ? [chunk] : []));
        const boot = context.server ? './boot.ts' : chunks.find((chunk) => chunk.isEntry && chunk.name === 'boot')?.fileName;
        if (!boot) throw new Error('plenary-boot-script: the boot entry is missing from the build');
        // The chunk that holds the module (the charts' index is merged into recharts' chunk, which has no facade).
        const fileOf = (module: string) => chunks.find((chunk) => chunk.moduleIds.includes(resolve(root, module)))?.fileName;
        const charts = fileOf(chartsModule);
        const app = chunks.find((chunk) => chunk.isEntry && chunk.name === 'index')?.fileName;
        // What the page loads anyway is left out: the charts first, they are the most to download.
        const loaded = app ? chunkFiles(bundle, app) : new Set<string>();
        const views: Record<string, string[]> = {};
        for (const [view, module] of Object.entries(bootPreloadedViews)) {
          const file = fileOf(module);
          if (!file || !charts) continue;
          views[view] = [...new Set([...chunkFiles(bundle, charts), ...chunkFiles(bundle, file)])].filter((name) => !loaded.has(name)).map((name) => `./${name}`);
        }
        const meta = context.server ? '' : `\n    <meta name="plenary-view-chunks" content="${JSON.stringify(views).replace(/"/g, '&quot;')}" />`;
        // After the charset and the CSP, before the bundle and its preloads.
        return html.replace(/(<meta charset="UTF-8" \/>)/, `$1${meta}\n    <script type="module" async crossorigin src="./${boot.replace(/^\.\//, '')}"></script>`);
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
