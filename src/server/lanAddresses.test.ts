import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isBindableAddress, lanAddresses } from './lanAddresses';

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  'Wi-Fi': [info('fe80::1', 'IPv6'), info('192.168.1.20', 'IPv4')],
  eth0: [info('10.0.0.5', 'IPv4')],
  empty: undefined,
};

describe('lanAddresses', () => {
  it('lists non-internal IPv4 addresses with their interface', () => {
    expect(lanAddresses(interfaces)).toEqual([
      { interface: 'Wi-Fi', address: '192.168.1.20' },
      { interface: 'eth0', address: '10.0.0.5' },
    ]);
  });

  it('accepts the numeric family of old Node versions', () => {
    expect(lanAddresses({ x: [{ address: '10.1.1.1', family: 4, internal: false } as unknown as NetworkInterfaceInfo] })).toHaveLength(1);
  });
});

describe('isBindableAddress', () => {
  it('allows own addresses and the wildcard only', () => {
    expect(isBindableAddress('192.168.1.20', interfaces)).toBe(true);
    expect(isBindableAddress('127.0.0.1', interfaces)).toBe(true);
    expect(isBindableAddress('0.0.0.0', interfaces)).toBe(true);
    expect(isBindableAddress('8.8.8.8', interfaces)).toBe(false);
    expect(isBindableAddress('', interfaces)).toBe(false);
  });
});
