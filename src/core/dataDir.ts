/**
 * Where the store lives when nobody says: the per-user folder Electron calls
 * `userData` for an app named "Plenary", plus `store/`. Both hosts use this, so
 * `npm run serve` and the desktop app see the same workshops and sessions.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Plenary';

/** The folder Electron's `app.getPath('userData')` gives an app named Plenary. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** The store folder: PLENARY_DATA_DIR if set, else `<userData>/store`. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.PLENARY_DATA_DIR ?? join(userDataDir(env), 'store');
}
