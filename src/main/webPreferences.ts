/**
 * What every window of ours runs with. Only types come from Electron, so this is
 * unit-tested (Electron 45 has no getter for a window's preferences).
 */
import type { WebPreferences } from 'electron';
import { commandsArgument } from './preloadArgs';

/**
 * Isolated, sandboxed, no Node: the page reaches the shell through the preload's
 * bridge alone. The preload is CommonJS: a sandboxed window loads no ESM preload.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    additionalArguments: [commandsArgument()],
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}
