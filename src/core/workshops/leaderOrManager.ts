/**
 * The built-in "Leader or Manager?" workshop, so a facilitator can run a complete
 * session (about 85 minutes) straight after installing, without writing any content.
 * The content is data: resources/workshops/leader-or-manager.plenary.json, a
 * workshop file like any a facilitator exports, read through the same
 * `decodeWorkshopFile` as an import. The build inlines its text (Vite's `?raw`),
 * so `node out/main/serve.js`, the desktop app and its package carry it inside
 * the main bundle, with no path to find at run time.
 */
import leaderOrManagerFile from '../../../resources/workshops/leader-or-manager.plenary.json?raw';
import type { WorkshopContent } from '../../shared/model';
import { decodeWorkshopFile } from '../../shared/workshopFile';

/** The library id of the built-in workshop. */
export const LEADER_OR_MANAGER_ID = 'leader-or-manager';

/** The shipped file's text, exactly as on disk. */
export const leaderOrManagerFileText: string = leaderOrManagerFile;

/** The workshop's content, as the import path reads it (it throws if the shipped file were ever broken). */
export const leaderOrManagerWorkshop: WorkshopContent = decodeWorkshopFile(leaderOrManagerFileText);
