/**
 * A person's own leader/manager profile, worked out on their phone and never sent
 * anywhere: from the votes this phone kept (question id → option id) and the
 * profile key the host gives every phone alike (the revealed scenarios, each
 * option's lean, the room's totals). Pure, so it is tested on its own.
 *
 * Measures, as the room's profile (src/shared/profile.ts) words them:
 * - a scenario "leans leader" for this person when the option they chose is tagged
 *   leader (manager, neutral likewise);
 * - for the room, when more of the room chose leader-tagged options than
 *   manager-tagged ones (a tie leans neither way);
 * - per dimension, the person's leader-tagged choices of their answered scenarios
 *   beside the room's leader share (leader votes over all votes) on the same
 *   scenarios, so both rest on the same questions.
 */
import type { ParticipantProfileKey, ProfileKeyScenario } from '../../shared/participant';

export type Lean = 'leader' | 'manager' | 'neutral';

export interface MyScenario {
  id: string;
  prompt: string;
  dimensionId: string;
  /** What this person chose, and its lean. */
  choice: string;
  lean: Lean;
  /** How the room leaned on it (more leader than manager votes, or fewer, or even). */
  roomLean: Lean;
  /** The room's leader-tagged votes over all its votes; null without votes. */
  roomLeaderShare: number | null;
}

export interface MyDimension {
  id: string;
  name: string;
  /** Scenarios of this dimension this person answered (and the room's were revealed). */
  answered: number;
  leader: number;
  manager: number;
  neutral: number;
  /** The room's leader share over those same scenarios; null without votes. */
  roomLeaderShare: number | null;
}

export interface MyProfile {
  /** Revealed scenarios this phone voted on. */
  answered: number;
  /** Of those, where this person chose the leader-tagged answer. */
  leaderCount: number;
  /** Of those, where the room leaned leader. */
  roomLeaderCount: number;
  /** Revealed scenarios this phone has no vote for. */
  unanswered: number;
  /** Dimensions with at least one answered scenario, in the workshop's order. */
  dimensions: MyDimension[];
  scenarios: MyScenario[];
  /** "You leaned leader on 7 of 9 scenarios; the room on 5." */
  summary: string;
}

function own<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function roomCounts(scenario: ProfileKeyScenario): { leader: number; manager: number; total: number } {
  const counts = { leader: 0, manager: 0, total: 0 };
  for (const option of scenario.options) {
    const n = own(scenario.totals, option.id);
    const count = typeof n === 'number' && n > 0 ? n : 0;
    if (option.style === 'leader') counts.leader += count;
    if (option.style === 'manager') counts.manager += count;
    counts.total += count;
  }
  return counts;
}

function scenariosText(n: number): string {
  return n === 1 ? '1 scenario' : `${n} scenarios`;
}

/** The person's profile from their own votes; `vote(questionId)` reads this phone's storage. */
export function myProfile(key: ParticipantProfileKey, vote: (questionId: string) => string | null): MyProfile {
  const scenarios: MyScenario[] = [];
  let unanswered = 0;
  const byDimension = new Map<string, { leader: number; manager: number; neutral: number; answered: number; roomLeader: number; roomTotal: number }>();
  for (const scenario of key.scenarios) {
    const chosen = vote(scenario.id);
    const option = chosen === null ? undefined : scenario.options.find((o) => o.id === chosen);
    if (!option) {
      unanswered += 1;
      continue;
    }
    const room = roomCounts(scenario);
    const roomLean: Lean = room.leader > room.manager ? 'leader' : room.manager > room.leader ? 'manager' : 'neutral';
    scenarios.push({
      id: scenario.id,
      prompt: scenario.prompt,
      dimensionId: scenario.dimensionId,
      choice: option.label,
      lean: option.style,
      roomLean,
      roomLeaderShare: room.total > 0 ? room.leader / room.total : null,
    });
    const entry = byDimension.get(scenario.dimensionId) ?? { leader: 0, manager: 0, neutral: 0, answered: 0, roomLeader: 0, roomTotal: 0 };
    entry[option.style] += 1;
    entry.answered += 1;
    entry.roomLeader += room.leader;
    entry.roomTotal += room.total;
    byDimension.set(scenario.dimensionId, entry);
  }
  const names = new Map(key.dimensions.map((d) => [d.id, d.name]));
  const order = [...key.dimensions.map((d) => d.id), ...[...byDimension.keys()].filter((id) => !names.has(id))];
  const dimensions: MyDimension[] = [];
  for (const id of order) {
    const entry = byDimension.get(id);
    if (!entry) continue;
    dimensions.push({
      id,
      name: names.get(id) ?? id,
      answered: entry.answered,
      leader: entry.leader,
      manager: entry.manager,
      neutral: entry.neutral,
      roomLeaderShare: entry.roomTotal > 0 ? entry.roomLeader / entry.roomTotal : null,
    });
  }
  const leaderCount = scenarios.filter((s) => s.lean === 'leader').length;
  const roomLeaderCount = scenarios.filter((s) => s.roomLean === 'leader').length;
  const summary =
    scenarios.length === 0
      ? key.scenarios.length === 0
        ? 'Your profile appears here once the facilitator reveals the first scenario.'
        : 'You have not voted on a revealed scenario from this phone yet.'
      : `You leaned leader on ${leaderCount} of ${scenariosText(scenarios.length)}; the room on ${roomLeaderCount}.`;
  return { answered: scenarios.length, leaderCount, roomLeaderCount, unanswered, dimensions, scenarios, summary };
}

/** A share as a whole percent, or "–". */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** "Leader 2 of 3" for a dimension, in plain words. */
export function dimensionText(dimension: MyDimension): string {
  return `You: leader on ${dimension.leader} of ${dimension.answered}. Room: ${percent(dimension.roomLeaderShare)} leader.`;
}

/**
 * Merges what the host said of the revealed scenarios into what the phone kept:
 * newer figures replace older ones, scenarios the phone saw before stay (the key
 * is kept so the profile still shows once the session has ended).
 */
export function mergeProfileKey(kept: ParticipantProfileKey | null, fresh: ParticipantProfileKey): ParticipantProfileKey {
  if (!kept) return fresh;
  const freshIds = new Set(fresh.scenarios.map((s) => s.id));
  return {
    dimensions: fresh.dimensions.length > 0 ? fresh.dimensions : kept.dimensions,
    scenarios: [...kept.scenarios.filter((s) => !freshIds.has(s.id)), ...fresh.scenarios],
    ...(fresh.selfCheck ? { selfCheck: fresh.selfCheck } : kept.selfCheck ? { selfCheck: kept.selfCheck } : {}),
  };
}

/** Reads a kept or received profile key defensively: null when it is not one. */
export function parseProfileKey(json: unknown): ParticipantProfileKey | null {
  if (typeof json !== 'object' || json === null) return null;
  const value = json as { dimensions?: unknown; scenarios?: unknown };
  if (!Array.isArray(value.dimensions) || !Array.isArray(value.scenarios)) return null;
  const dimensions = value.dimensions.flatMap((d: unknown) => {
    const dim = d as { id?: unknown; name?: unknown };
    return typeof dim?.id === 'string' && typeof dim.name === 'string' ? [{ id: dim.id, name: dim.name }] : [];
  });
  const scenarios: ProfileKeyScenario[] = [];
  for (const raw of value.scenarios as unknown[]) {
    const s = raw as Partial<ProfileKeyScenario> | null;
    if (!s || typeof s.id !== 'string' || typeof s.dimensionId !== 'string' || !Array.isArray(s.options) || typeof s.totals !== 'object' || s.totals === null) continue;
    const options = s.options.filter((o) => typeof o?.id === 'string' && typeof o.label === 'string' && (o.style === 'leader' || o.style === 'manager' || o.style === 'neutral'));
    const totals = Object.create(null) as Record<string, number>;
    for (const id of Object.keys(s.totals)) {
      const n = (s.totals as Record<string, unknown>)[id];
      totals[id] = typeof n === 'number' && isFinite(n) && n > 0 ? n : 0;
    }
    scenarios.push({ id: s.id, prompt: typeof s.prompt === 'string' ? s.prompt : '', dimensionId: s.dimensionId, options, totals });
  }
  const mean = (n: unknown) => (typeof n === 'number' && isFinite(n) ? n : null);
  const selfCheck = Array.isArray((value as { selfCheck?: unknown }).selfCheck)
    ? ((value as { selfCheck: unknown[] }).selfCheck as { dimensionId?: unknown; before?: unknown; after?: unknown; then?: unknown }[])
        .filter((line) => typeof line?.dimensionId === 'string')
        .map((line) => ({ dimensionId: line.dimensionId as string, before: mean(line.before), after: mean(line.after), then: mean(line.then) }))
    : undefined;
  return { dimensions, scenarios, ...(selfCheck ? { selfCheck } : {}) };
}

/** A revealed scenario as its frame tells it (results and answer key), for the kept profile key; null before the reveal. */
export function scenarioFromFrame(question: {
  id: string;
  prompt: string;
  options: { id: string; label: string }[];
  results: Record<string, number> | null;
  answerKey?: { dimension: { id: string; name: string }; styles: Record<string, Lean> } | undefined;
}): { scenario: ProfileKeyScenario; dimension: { id: string; name: string } } | null {
  const key = question.answerKey;
  if (!question.results || !key) return null;
  const options = question.options.flatMap((o) => {
    const style = own(key.styles, o.id);
    return style ? [{ id: o.id, label: o.label, style }] : [];
  });
  return { scenario: { id: question.id, prompt: question.prompt, dimensionId: key.dimension.id, options, totals: question.results }, dimension: key.dimension };
}
