/**
 * The page's one transport, chosen once: the preload's bridge if present, else
 * HTTP with the tab's token. The boot script (src/renderer/boot.ts) and the app's
 * client both ask here, so the page has one token read and one event stream.
 */
import { takeTokenFromUrl } from './token';
import { httpTransport, ipcTransport, type Transport } from './transport';

let chosen: Transport | null = null;

export function pageTransport(): Transport {
  chosen ??= window.plenary ? ipcTransport(window.plenary) : httpTransport(takeTokenFromUrl());
  return chosen;
}
