import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/assets/assetStore';
import { makePng, makeSvg } from '../core/testing/pictures';
import { APP_ORIGIN, appResponse, assetOfAppUrl, contentTypeOf, resolveAppFile } from './appProtocol';

const root = resolve('/opt/plenary/out/renderer');

describe('the app:// protocol’s traversal guard', () => {
  it('serves files of the renderer folder', () => {
    expect(resolveAppFile(`${APP_ORIGIN}/index.html`, root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(`${APP_ORIGIN}/`, root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(`${APP_ORIGIN}/assets/My%20Font.woff2`, root)).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it('never leaves the folder, however the path is written', () => {
    const inside = (file: string | null) => file === null || file.startsWith(root + '/');
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd', '/%2e%2e/renderer-evil/x.js']) {
      // The URL parser folds these dot segments away: what is left is looked for inside the folder.
      expect(inside(resolveAppFile(`${APP_ORIGIN}${path}`, root)), path).toBe(true);
    }
    expect(resolveAppFile(`${APP_ORIGIN}/../../../etc/passwd`, root)).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses encoded separators, NUL bytes and broken escapes', () => {
    // Decoded, these would climb out (..%2f..%2f is ../../) or cut the name short.
    for (const path of ['/..%2f..%2fetc/passwd', '/assets/..%2F..%2F..%2Fetc%2Fpasswd', '/..%5c..%5cwindows%5cwin.ini', '/index.html%00.png', '/%E0%A4%A']) {
      expect(resolveAppFile(`${APP_ORIGIN}${path}`, root), path).toBeNull();
    }
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///opt/plenary/out/renderer/index.html', root)).toBeNull();
    expect(resolveAppFile('app://user:pw@plenary/index.html', root)).toBeNull();
    expect(resolveAppFile('not a url', root)).toBeNull();
  });

  it('names each served file’s type, and runs nothing it does not know', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/a.exe')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol’s pictures', () => {
  const png = makePng(8, 4);
  const hash = sha256Hex(png);
  const svg = makeSvg();
  const svgHash = sha256Hex(svg);
  const readAsset = async (asset: string) =>
    asset === hash ? { mediaType: 'image/png' as const, bytes: png } : asset === svgHash ? { mediaType: 'image/svg+xml' as const, bytes: svg } : null;

  it('names a picture only by app://plenary/api/assets/<sha256>', () => {
    expect(assetOfAppUrl(`${APP_ORIGIN}/api/assets/${hash}`)).toBe(hash);
    expect(assetOfAppUrl(`${APP_ORIGIN}/api/assets/${hash}?x=1`)).toBe(hash);
    expect(assetOfAppUrl(`${APP_ORIGIN}/api/assets/${hash.toUpperCase()}`)).toBeNull();
    expect(assetOfAppUrl(`${APP_ORIGIN}/api/assets/../library.json`)).toBeNull();
    expect(assetOfAppUrl(`app://other/api/assets/${hash}`)).toBeNull();
    expect(assetOfAppUrl(`https://plenary/api/assets/${hash}`)).toBeNull();
  });

  it('answers a kept picture with its bytes and type, an SVG under a policy that runs nothing, and 404 for any other', async () => {
    const options = { rendererDir: root, csp: "default-src 'self'", readAsset };
    const picture = await appResponse(`${APP_ORIGIN}/api/assets/${hash}`, options);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await picture.arrayBuffer()).equals(png)).toBe(true);
    const drawing = await appResponse(`${APP_ORIGIN}/api/assets/${svgHash}`, options);
    expect(drawing.headers.get('content-type')).toBe('image/svg+xml');
    expect(drawing.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect((await appResponse(`${APP_ORIGIN}/api/assets/${'0'.repeat(64)}`, options)).status).toBe(404);
    expect((await appResponse(`${APP_ORIGIN}/../../etc/passwd`, options)).status).toBe(404);
  });
});
