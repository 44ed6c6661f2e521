/** The participant protocol over HTTP: the state, votes and the event stream. */
import { parseState, type ParticipantState } from './types';
import type { ParticipantEventName, ParticipantVote } from '../../shared/participant';

const TIMEOUT_MS = 10000;

export type FetchStateResult =
  | { kind: 'ok'; state: ParticipantState }
  | { kind: 'not-found' }
  | { kind: 'network' }
  | { kind: 'failed'; status: number };

export type VoteOutcome = 'received' | 'closed' | 'slow' | 'full' | 'invalid' | 'not-found' | 'network' | 'failed';

/** PROTOCOL.md "Question types on phones": one of optionId (choice), text (open answer) or value (rating). */
export type VoteBody = ParticipantVote;

function base(code: string): string {
  return '/api/p/' + encodeURIComponent(code);
}

/** fetch with a time limit, so a dropped Wi-Fi fails in seconds rather than minutes. */
function fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  if (controller) init.signal = controller.signal;
  return new Promise<Response>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (controller) controller.abort();
      reject(new Error('timeout'));
    }, TIMEOUT_MS);
    fetch(url, init).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export async function fetchState(code: string): Promise<FetchStateResult> {
  let response: Response;
  try {
    response = await fetchWithTimeout(base(code), { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'failed', status: response.status };
  try {
    const state = parseState(await response.json());
    return state ? { kind: 'ok', state } : { kind: 'failed', status: response.status };
  } catch {
    return { kind: 'network' };
  }
}

/** Maps an answer to a vote onto what the page says; "received" only for 200 {ok:true}. */
export function voteOutcomeOf(status: number, json: unknown): VoteOutcome {
  if (status === 200) {
    return typeof json === 'object' && json !== null && (json as { ok?: unknown }).ok === true ? 'received' : 'failed';
  }
  if (status === 409) return 'closed';
  if (status === 429) return 'slow';
  // The session's phone limit, its limit per network address, or the facilitator removed this phone.
  if (status === 403) return 'full';
  if (status === 400 || status === 413) return 'invalid';
  if (status === 404) return 'not-found';
  return 'failed';
}

/** A commitment: its words and the dimension it is about (docs/protocol.md "Commitments"). */
export interface CommitmentBody {
  deviceId: string;
  questionId: string;
  text: string;
  dimensionId: string;
  groupId?: string;
}

export async function sendVote(code: string, body: VoteBody | CommitmentBody): Promise<VoteOutcome> {
  let response: Response;
  try {
    response = await fetchWithTimeout(base(code) + '/vote', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return 'network';
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A 200 without {ok:true} is not a received vote.
    if (response.status === 200) return 'network';
  }
  return voteOutcomeOf(response.status, json);
}

/** `GET /api/p/<code>/profile-key`: the revealed scenarios' leans and the room's totals, or null when it cannot be had. */
export async function fetchProfileKey(code: string): Promise<unknown> {
  try {
    const response = await fetchWithTimeout(base(code) + '/profile-key', { cache: 'no-store', headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

export interface StreamHandlers {
  onState(state: ParticipantState): void;
  onOpen(): void;
  /** `closed`: the browser gave up and will not reconnect by itself. */
  onError(closed: boolean): void;
}

export interface Stream {
  close(): void;
}

/** Whether this browser has EventSource; very old ones poll instead. */
export function hasEventSource(): boolean {
  return typeof EventSource === 'function';
}

/** Opens `/api/p/<code>/events`; EventSource reconnects by itself (the server sends retry: 2000). */
export function openStream(code: string, handlers: StreamHandlers): Stream {
  const source = new EventSource(base(code) + '/events');
  source.addEventListener('state' satisfies ParticipantEventName, (event) => {
    let state: ParticipantState | null = null;
    try {
      state = parseState(JSON.parse((event as MessageEvent<string>).data));
    } catch {
      return;
    }
    if (state) handlers.onState(state);
  });
  source.onopen = () => handlers.onOpen();
  source.onerror = () => handlers.onError(source.readyState === 2);
  return { close: () => source.close() };
}
