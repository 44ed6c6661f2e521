/**
 * `npm run dev` and the build write the app page's CSP from one policy: the built
 * index.html is strict, the page Vite's dev server serves lets its inline
 * React-refresh preamble and its hot-reload websocket through.
 */
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyMeta } from '../../electron.vite.config';

function metaFor(filename: string, dev: boolean): string | undefined {
  const hook = contentSecurityPolicyMeta().transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => HtmlTagDescriptor[] };
  const context = { filename, path: '/', ...(dev ? { server: {} } : {}) } as unknown as IndexHtmlTransformContext;
  const [tag] = hook.handler('<html></html>', context);
  return tag?.attrs?.content as string | undefined;
}

describe('the app page’s CSP <meta>', () => {
  it('is strict in the build', () => {
    const policy = metaFor('/x/src/renderer/index.html', false);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
  });

  it('allows the dev server’s preamble and websocket under `npm run dev`', () => {
    const policy = metaFor('/x/src/renderer/index.html', true);
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain('ws://localhost:*');
  });

  it('leaves the phone page to the host’s header', () => {
    expect(metaFor('/x/src/renderer/participant.html', false)).toBeUndefined();
  });

  it('is no longer written by hand in index.html', () => {
    expect(readFileSync('src/renderer/index.html', 'utf8')).not.toContain('Content-Security-Policy');
  });
});
