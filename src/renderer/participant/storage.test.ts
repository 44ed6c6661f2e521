// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEVICE_ID_PATTERN, deviceIdFrom, makeDeviceId, openStorage, type SimpleStorage } from './storage';

function memory(): SimpleStorage & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return { data, get: (k) => (k in data ? data[k]! : null), set: (k, v) => void (data[k] = v), remove: (k) => void delete data[k] };
}

const throwing = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
  removeItem: () => {
    throw new Error('denied');
  },
} as unknown as Storage;

describe('device id', () => {
  it('is 22 base64url characters from 16 random bytes', () => {
    for (let i = 0; i < 50; i++) {
      const id = makeDeviceId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(id).toMatch(DEVICE_ID_PATTERN);
    }
    expect(makeDeviceId((bytes) => bytes.fill(255))).toBe('_____________________w');
    expect(makeDeviceId((bytes) => bytes.fill(0))).toBe('AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('is made once and kept', () => {
    const store = memory();
    const first = deviceIdFrom(store);
    expect(deviceIdFrom(store)).toBe(first);
    expect(store.data['plenary.deviceId']).toBe(first);
  });

  it('replaces a stored id of the wrong shape', () => {
    const store = memory();
    store.set('plenary.deviceId', 'bad id!');
    const id = deviceIdFrom(store);
    expect(id).toMatch(DEVICE_ID_PATTERN);
    expect(id).not.toBe('bad id!');
  });
});

describe('storage', () => {
  it('uses localStorage when it works', () => {
    localStorage.clear();
    const store = openStorage(window);
    store.set('k', 'v');
    expect(localStorage.getItem('k')).toBe('v');
    expect(store.get('k')).toBe('v');
    store.remove('k');
    expect(store.get('k')).toBeNull();
  });

  it('falls back to sessionStorage, then memory, when storage throws', () => {
    sessionStorage.clear();
    const session = openStorage({ localStorage: throwing, sessionStorage: window.sessionStorage });
    session.set('k', 'v');
    expect(sessionStorage.getItem('k')).toBe('v');

    const mem = openStorage({ localStorage: throwing, sessionStorage: throwing });
    mem.set('k', 'v');
    expect(mem.get('k')).toBe('v');
    expect(deviceIdFrom(mem)).toBe(deviceIdFrom(mem));
  });
});
