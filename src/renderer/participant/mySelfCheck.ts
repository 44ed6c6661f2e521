/**
 * A person's own self-check, before and after, as their phone kept it
 * (storage.ts readOwnSelfChecks; src/shared/selfCheck.ts ownSelfCheckProfile),
 * beside the room's means when the host gave them. Worked out and shown here only.
 */
import { ownSelfCheckProfile } from '../../shared/ownSelfCheck';
import type { ParticipantProfileKey } from '../../shared/participant';
import type { StoredSelfChecks } from './storage';

export interface MySelfCheckLine {
  id: string;
  name: string;
  /** "Before 2, after 4 (looking back: 1). Room: before 2.6, after 3.4." */
  text: string;
}

export interface MySelfCheck {
  lines: MySelfCheckLine[];
  /** "You rated yourself higher after on 5 of 12 contrasts." */
  summary: string;
}

const one = (n: number) => (Math.round(n * 10) / 10).toString();

export function mySelfCheck(own: StoredSelfChecks, key: ParticipantProfileKey | null): MySelfCheck | null {
  const lines = ownSelfCheckProfile(own.checks, own.order);
  if (lines.length === 0) return null;
  const names = new Map((key?.dimensions ?? []).map((d) => [d.id, d.name]));
  const room = new Map((key?.selfCheck ?? []).map((line) => [line.dimensionId, line]));
  const order = key ? key.dimensions.map((d) => d.id) : [];
  const sorted = [...lines].sort((a, b) => (order.indexOf(a.dimensionId) + 1 || 999) - (order.indexOf(b.dimensionId) + 1 || 999));
  let higher = 0;
  let both = 0;
  const out = sorted.map((line) => {
    const parts: string[] = [];
    if (line.before !== null) parts.push(`before ${line.before}`);
    if (line.after !== null) parts.push(`after ${line.after}`);
    let text = parts.length ? parts.join(', ').replace(/^./, (c) => c.toUpperCase()) : '';
    if (line.then !== null) text += ` (looking back: ${line.then})`;
    const r = room.get(line.dimensionId);
    const roomParts: string[] = [];
    if (r?.before != null) roomParts.push(`before ${one(r.before)}`);
    if (r?.after != null) roomParts.push(`after ${one(r.after)}`);
    if (roomParts.length) text += `. Room: ${roomParts.join(', ')}.`;
    else text += '.';
    if (line.afterMinusBefore !== null) {
      both += 1;
      if (line.afterMinusBefore > 0) higher += 1;
    }
    return { id: line.dimensionId, name: names.get(line.dimensionId) ?? line.dimensionId, text };
  });
  const summary = both > 0 ? `You rated yourself higher after than before on ${higher} of ${both} contrasts.` : 'Your before answers are kept; the after self-check comes at the end.';
  return { lines: out, summary };
}
