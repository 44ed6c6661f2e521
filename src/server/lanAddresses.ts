/**
 * The addresses phones can reach this computer on. No Electron here.
 */
import type { NetworkInterfaceInfo } from 'node:os';

export interface LanAddress {
  /** The interface's name, e.g. `Wi-Fi` or `en0`, so the facilitator can pick the room's network. */
  interface: string;
  address: string;
}

/** Every non-internal IPv4 address, in the order the OS lists its interfaces. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // WARNING: Node 18.0-18.3 reported `family` as a number; accept both.
      const family = info.family as string | number;
      if ((family === 'IPv4' || family === 4) && !info.internal) found.push({ interface: name, address: info.address });
    }
  }
  return found;
}

/** Addresses the LAN server may bind: the listed ones, loopback, or every interface. */
export function isBindableAddress(address: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): boolean {
  if (address === '0.0.0.0') return true;
  return Object.values(interfaces).some((infos) => (infos ?? []).some((info) => info.address === address));
}
