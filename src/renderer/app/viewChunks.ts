/**
 * On a chart page opened straight (`#/results/<id>`, `#/report/<id>`), starts
 * downloading its code (the view's chunk and the charts', 400 KiB and more) from
 * the boot script, beside the app's bundle rather than after it. The build lists
 * the files in index.html (`plenary-view-chunks`, electron.vite.config.ts); the
 * app's own imports then find them fetched. No list (the dev server), nothing done.
 */
export function preloadViewChunks(view: string): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="plenary-view-chunks"]');
  if (!meta) return;
  let files: unknown;
  try {
    files = (JSON.parse(meta.content) as Record<string, unknown>)[view];
  } catch {
    return;
  }
  if (!Array.isArray(files)) return;
  for (const file of files) {
    if (typeof file !== 'string') continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = file;
    document.head.append(link);
  }
}
