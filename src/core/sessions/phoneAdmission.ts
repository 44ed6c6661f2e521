/**
 * Which phones a session lets vote (PROTOCOL.md, "Integrity on the room's
 * network"): a phone is admitted by its first accepted vote, up to the session's
 * limit, at most PHONES_PER_ADDRESS from one network address unless the
 * facilitator lifts that; a phone the facilitator removed stays out. One client
 * rotating device ids thus fills the limit and no more, and the presenter sees
 * how many were turned away.
 */
import type { AdmissionStatus } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { PHONES_PER_ADDRESS, type AdmittedPhone, type SessionRecord } from '../../shared/model';
import type { EventBus } from '../events';

interface PhoneIndex {
  devices: Set<string>;
  byAddress: Map<string, number>;
}

/** The laptop itself: a browser tab on the host is not a phone behind a shared address. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** How often, at most, admission news goes to the facilitator per session: a flood of refusals makes a few events. */
export const ADMISSION_EVENT_MS = 250;

export class PhoneGate {
  // Keyed by the arrays themselves: a list read anew or rolled back after a failed write gets a fresh index.
  private readonly indexes = new WeakMap<AdmittedPhone[], PhoneIndex>();
  private readonly removed = new WeakMap<string[], Set<string>>();
  private readonly turnedAway = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date,
    private readonly sessionOf: (id: string) => SessionRecord | undefined,
  ) {}

  private indexOf(phones: AdmittedPhone[]): PhoneIndex {
    let index = this.indexes.get(phones);
    if (!index) {
      index = { devices: new Set(), byAddress: new Map() };
      for (const phone of phones) {
        index.devices.add(phone.deviceId);
        index.byAddress.set(phone.address, (index.byAddress.get(phone.address) ?? 0) + 1);
      }
      this.indexes.set(phones, index);
    }
    return index;
  }

  private isRemoved(record: SessionRecord, deviceId: string): boolean {
    if (record.removedDevices.length === 0) return false;
    let set = this.removed.get(record.removedDevices);
    if (!set || set.size !== record.removedDevices.length) {
      set = new Set(record.removedDevices);
      this.removed.set(record.removedDevices, set);
    }
    return set.has(deviceId);
  }

  /**
   * Checks a phone's vote against admission. Returns the phone to admit with this
   * vote, or null when it is admitted already; throws 403 (session_full,
   * address_full, phone_removed) and counts the refusal otherwise. Changes nothing.
   */
  check(record: SessionRecord, deviceId: string, address: string): AdmittedPhone | null {
    const index = this.indexOf(record.phones);
    if (index.devices.has(deviceId)) return null;
    if (this.isRemoved(record, deviceId)) {
      this.refuse(record, 'phone_removed', 'The facilitator removed this phone from the session.');
    }
    if (record.phones.length >= record.phoneLimit) {
      this.refuse(record, 'session_full', `This session is full: it takes ${record.phoneLimit} phone${record.phoneLimit === 1 ? '' : 's'}. Ask the facilitator to let more in.`);
    }
    // No address: a caller inside the host (tests, the laptop's own core), not a phone on the network.
    if (!record.phoneAddressCapLifted && address !== '' && !isLoopback(address) && (index.byAddress.get(address) ?? 0) >= PHONES_PER_ADDRESS) {
      this.refuse(record, 'address_full', `Only ${PHONES_PER_ADDRESS} phones may join from one network address. Ask the facilitator to allow more.`);
    }
    return { deviceId, address, admittedAt: this.now().toISOString() };
  }

  /** Records in the index a phone the store has just added to `record.phones`. */
  admitted(record: SessionRecord, phone: AdmittedPhone): void {
    const index = this.indexOf(record.phones);
    if (!index.devices.has(phone.deviceId)) {
      index.devices.add(phone.deviceId);
      index.byAddress.set(phone.address, (index.byAddress.get(phone.address) ?? 0) + 1);
    }
    this.announce(record.id);
  }

  private refuse(record: SessionRecord, code: 'session_full' | 'address_full' | 'phone_removed', message: string): never {
    this.turnedAway.set(record.id, (this.turnedAway.get(record.id) ?? 0) + 1);
    this.announce(record.id);
    throw new ApiError(code, message);
  }

  status(record: SessionRecord): AdmissionStatus {
    return {
      limit: record.phoneLimit,
      admitted: record.phones.length,
      turnedAway: this.turnedAway.get(record.id) ?? 0,
      addressCapLifted: record.phoneAddressCapLifted,
    };
  }

  /** Tells the facilitator where admission stands, at most every ADMISSION_EVENT_MS per session. */
  announce(sessionId: string): void {
    if (this.timers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(sessionId);
      const record = this.sessionOf(sessionId);
      if (record) this.events.emit('phones.admitted', { sessionId, ...this.status(record) });
    }, ADMISSION_EVENT_MS);
    timer.unref?.();
    this.timers.set(sessionId, timer);
  }

  forget(sessionId: string): void {
    this.turnedAway.delete(sessionId);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
