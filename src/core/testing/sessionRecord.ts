/**
 * A complete, valid SessionRecord for tests and benchmarks that need one without
 * going through `sessions.create`; pass only what the case is about.
 */
import type { SessionRecord } from '../../shared/model';

export const SAMPLE_TIME = '2026-01-15T09:00:00.000Z';

export function sampleSessionRecord(overrides: Partial<SessionRecord> & Pick<SessionRecord, 'id'>): SessionRecord {
  return {
    workshopId: 'w1',
    workshopTitle: 'A workshop',
    title: 'A session',
    facilitator: '',
    status: 'active',
    joinCode: 'ABCDEF',
    slideIndex: 0,
    votingMode: 'groups',
    groups: [],
    slides: [],
    dimensions: [],
    questions: {},
    votes: [],
    handCounts: {},
    notes: {},
    blackout: false,
    resultsByGroup: false,
    createdAt: SAMPLE_TIME,
    startedAt: SAMPLE_TIME,
    endedAt: null,
    updatedAt: SAMPLE_TIME,
    phoneLimit: 100,
    phoneAddressCapLifted: false,
    phones: [],
    removedDevices: [],
    ...overrides,
  };
}
