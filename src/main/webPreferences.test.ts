import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './webPreferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes every window, with no Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('hands the preload the command names', () => {
    const [argument] = secureWebPreferences('/p.cjs').additionalArguments ?? [];
    expect(argument).toMatch(/^--plenary-commands=app\.info,/);
  });
});
