import { describe, expect, it } from 'vitest';
import { connectionLimitFor, descriptorLimit, HostNameCheck, interfaceHostNames } from './connectionGuards';

describe('the connection limit', () => {
  it('keeps an eighth of the descriptors (at least 256) back for the store', () => {
    expect(connectionLimitFor(20_000)).toBe(17_500);
    expect(connectionLimitFor(1024)).toBe(768);
    expect(connectionLimitFor(300)).toBe(44);
    expect(connectionLimitFor(null)).toBe(4000);
  });

  it('reads the soft limit from /proc/self/limits', () => {
    const text = 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n';
    expect(descriptorLimit(text)).toBe(20_000);
    expect(descriptorLimit('Max open files            unlimited            unlimited            files')).toBeNull();
    expect(descriptorLimit('nothing here')).toBeNull();
  });
});

describe('the Host check', () => {
  it('takes the listening address, loopback names and interface addresses, each with the port, in any case', () => {
    let now = 0;
    const check = new HostNameCheck('192.168.1.20', () => 4800, () => ['10.0.0.5', '[fe80::1]'], () => now);
    for (const name of ['192.168.1.20:4800', 'LOCALHOST:4800', '127.0.0.1:4800', '[::1]:4800', '10.0.0.5:4800']) expect(check.allows(name), name).toBe(true);
    for (const name of ['evil.example:4800', '192.168.1.20', '192.168.1.20:80', 'localhost.evil.example:4800', '', undefined]) expect(check.allows(name), String(name)).toBe(false);
    now += 5000;
    expect(check.allows('10.0.0.5:4800')).toBe(true);
  });

  it('answers a bare name on port 80 only', () => {
    const check = new HostNameCheck('127.0.0.1', () => 80, () => []);
    expect(check.allows('localhost')).toBe(true);
    expect(check.allows('localhost:80')).toBe(true);
  });

  it('sees an address the laptop gained after starting (looked up again on a miss, at most every 2 s)', () => {
    let now = 0;
    let addresses = ['10.0.0.5'];
    const check = new HostNameCheck('0.0.0.0', () => 4800, () => addresses, () => now);
    expect(check.allows('10.0.0.5:4800')).toBe(true);
    addresses = ['10.0.0.5', '192.168.7.7'];
    expect(check.allows('192.168.7.7:4800')).toBe(false);
    now += 2500;
    expect(check.allows('192.168.7.7:4800')).toBe(true);
  });

  it('writes IPv6 interface addresses in brackets and leaves out zoned link-local ones', () => {
    const names = interfaceHostNames({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null }],
      eth0: [
        { address: 'FD00::5', netmask: 'ffff::', family: 'IPv6', mac: '00:00:00:00:00:01', internal: false, cidr: null, scopeid: 0 },
        { address: 'fe80::1%eth0', netmask: 'ffff::', family: 'IPv6', mac: '00:00:00:00:00:01', internal: false, cidr: null, scopeid: 2 },
      ],
    });
    expect(names).toEqual(['127.0.0.1', '[fd00::5]']);
  });
});
