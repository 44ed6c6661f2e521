/**
 * What this phone keeps of its own person, in its own storage, per session code:
 * the profile key (revealed scenarios' leans and the room's totals, so the profile
 * still shows once the session has ended) and the commitments written here.
 * Nothing of it is sent anywhere but the commitments themselves, once each.
 */
import type { ParticipantProfileKey } from '../../shared/participant';
import { mergeProfileKey, parseProfileKey, scenarioFromFrame } from './myProfile';
import type { SimpleStorage } from './storage';
import type { ParticipantQuestion } from './types';

/** One commitment as the phone keeps it. */
export interface KeptCommitment {
  text: string;
  dimensionId: string;
  dimensionName: string;
  /** When it was written (ISO), for the file's date. */
  at: string;
}

export const keyKey = (code: string) => 'plenary.profileKey.' + code;
export const commitmentsKey = (code: string) => 'plenary.commitments.' + code;

function readJson(storage: SimpleStorage, key: string): unknown {
  const raw = storage.get(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** The profile key this phone kept for a session, or null. */
export function keptProfileKey(storage: SimpleStorage, code: string): ParticipantProfileKey | null {
  return parseProfileKey(readJson(storage, keyKey(code)));
}

/** Merges fresh figures into the kept key and keeps the result. */
export function keepProfileKey(storage: SimpleStorage, code: string, fresh: ParticipantProfileKey): ParticipantProfileKey {
  const merged = mergeProfileKey(keptProfileKey(storage, code), fresh);
  storage.set(keyKey(code), JSON.stringify(merged));
  return merged;
}

/** A revealed scenario's frame, kept into the profile key (nothing happens before the reveal). */
export function keepRevealedFrame(storage: SimpleStorage, code: string, question: ParticipantQuestion | null): void {
  if (!question || question.type !== 'choice') return;
  const found = scenarioFromFrame(question);
  if (!found) return;
  const kept = keptProfileKey(storage, code);
  const dimensions = kept?.dimensions ?? [];
  const known = dimensions.some((d) => d.id === found.dimension.id);
  keepProfileKey(storage, code, { dimensions: known ? dimensions : [...dimensions, found.dimension], scenarios: [found.scenario] });
}

/** The commitments written on this phone for a session, oldest first. */
export function keptCommitments(storage: SimpleStorage, code: string): KeptCommitment[] {
  const value = readJson(storage, commitmentsKey(code));
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const c = item as Partial<KeptCommitment> | null;
    return c && typeof c.text === 'string' && typeof c.dimensionId === 'string'
      ? [{ text: c.text, dimensionId: c.dimensionId, dimensionName: typeof c.dimensionName === 'string' ? c.dimensionName : c.dimensionId, at: typeof c.at === 'string' ? c.at : '' }]
      : [];
  });
}

export function keepCommitment(storage: SimpleStorage, code: string, commitment: KeptCommitment): KeptCommitment[] {
  const list = [...keptCommitments(storage, code), commitment];
  storage.set(commitmentsKey(code), JSON.stringify(list));
  return list;
}
