/**
 * The packaging configuration is coherent: every platform's target and icon is
 * there, and the package's entry points at the built main process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, { target?: string[]; icon?: string }> & {
  extraMetadata: { main: string };
  files: string[];
  productName: string;
  asar: boolean;
  electronFuses: Record<string, boolean>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder configuration', () => {
  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.productName).toBe('Plenary');
  });

  it('has the icon at every size each platform needs', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(`resources/icons/${size}x${size}.png`), `${size}px`).toBe(true);
    expect(existsSync(config.win!.icon!)).toBe(true);
    expect(existsSync(config.mac!.icon!)).toBe(true);
    // .ico and .icns start with their magic numbers.
    expect(readFileSync(config.win!.icon!).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(readFileSync(config.mac!.icon!).subarray(0, 4).toString('latin1')).toBe('icns');
  });

  it('flips Electron’s fuses: no running as Node, the app only from its asar, and that asar checked', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // The renderer is served on app:// (src/main/appProtocol.ts): file:// needs nothing extra.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only what runs in the main process as dependencies: Vite bundles the renderer’s libraries', () => {
    for (const name of ['react', 'react-dom', 'react-is', 'recharts', 'qrcode']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
    // naughty-words: the core's word list for open answers (never in a page's bundle).
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@fastify/static', 'fastify', 'lowdb', 'naughty-words', 'zod']);
  });

  it('packs the built app and starts its main process', () => {
    expect(config.files).toContain('out/**');
    expect(config.extraMetadata.main.replace(/^\.\//, '')).toBe(pkg.main.replace(/^\.\//, ''));
    expect(existsSync('src/main/index.ts')).toBe(true);
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.json');
  });
});
