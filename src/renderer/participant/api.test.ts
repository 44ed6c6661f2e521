import { describe, expect, it } from 'vitest';
import { voteOutcomeOf } from './api';
import { pictureSource } from './model';
import { parseState } from './types';

describe('vote answers', () => {
  it('counts a vote as received only for 200 {ok:true}', () => {
    expect(voteOutcomeOf(200, { ok: true })).toBe('received');
    expect(voteOutcomeOf(200, { ok: false })).toBe('failed');
    expect(voteOutcomeOf(200, null)).toBe('failed');
    expect(voteOutcomeOf(409, { error: {} })).toBe('closed');
    expect(voteOutcomeOf(429, null)).toBe('slow');
    expect(voteOutcomeOf(403, { error: { code: 'session_full', message: 'full' } })).toBe('full');
    expect(voteOutcomeOf(400, null)).toBe('invalid');
    expect(voteOutcomeOf(404, null)).toBe('not-found');
    expect(voteOutcomeOf(503, null)).toBe('failed');
  });
});

describe('parseState', () => {
  it('reads the protocol state', () => {
    const state = parseState({
      session: { title: 'Team day', groups: [{ id: 'g1', name: 'Blue' }] },
      question: { id: 'q1', type: 'choice', prompt: 'Who?', options: [{ id: 'a', label: 'Ann' }], status: 'open', results: null },
    });
    expect(state).toEqual({
      session: { title: 'Team day', groups: [{ id: 'g1', name: 'Blue' }] },
      question: { id: 'q1', type: 'choice', prompt: 'Who?', options: [{ id: 'a', label: 'Ann' }], status: 'open', results: null },
    });
  });

  it('reads the slide picture, only as a hash, and the page loads it from the code’s own address', () => {
    const asset = 'ab'.repeat(32);
    const question = (picture: unknown) => parseState({ session: { title: 'T' }, question: { id: 'q', prompt: 'P', options: [], status: 'open', results: null, picture } })!.question;
    expect(question({ asset, alt: 'A flag' })?.picture).toEqual({ asset, alt: 'A flag' });
    expect(question({ asset: '../../api/rpc/sessions.list', alt: 'x' })?.picture).toBeUndefined();
    expect(question('nothing')?.picture).toBeUndefined();
    expect(pictureSource('ABC234', asset)).toBe(`/api/p/ABC234/picture/${asset}`);
  });

  it('keeps the ended flag and tolerates missing groups', () => {
    expect(parseState({ session: { title: 'T' }, question: null, ended: true })).toEqual({
      session: { title: 'T', groups: [] },
      question: null,
      ended: true,
    });
  });

  it('reads results and treats anything but "open" as closed', () => {
    const state = parseState({
      session: { title: 'T', groups: [] },
      question: { id: 'q', prompt: 'P', options: [], status: 'weird', results: { a: 3, b: 'x' } },
    });
    expect(state && state.question).toMatchObject({ status: 'closed', results: { a: 3, b: 0 } });
  });

  it('refuses what is not a state', () => {
    expect(parseState(null)).toBeNull();
    expect(parseState([])).toBeNull();
    expect(parseState({ question: null })).toBeNull();
  });
});
