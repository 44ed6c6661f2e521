/**
 * The app's version: package.json's, read when the app is built (Vite inlines the
 * one field; vitest reads the same file), so there is one number to change.
 */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
