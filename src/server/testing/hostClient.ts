/**
 * A test's view of a running Node host: the facilitator's RPC (with the token)
 * and a phone's side of the participant protocol, as the pages send them.
 */
import type { ParticipantState } from '../../shared/participant';

export interface HostClient {
  /** A facilitator command; throws `<command> answered <status>: <the error's own words>` unless 200. */
  rpc<T = unknown>(command: string, input?: unknown): Promise<T>;
  /** What a phone sees for a join code, with the HTTP status. */
  phoneGet(code: string): Promise<{ status: number; state: ParticipantState }>;
  /** A phone's vote body; the HTTP status. */
  phonePost(code: string, body: unknown): Promise<number>;
  /** A phone's rating, as the page sends it: on 429 (more than 10 a second) it waits a second and sends it again, as a person would. */
  answer(code: string, deviceId: string, questionId: string, value: number): Promise<void>;
}

export function hostClient(base: string, token: string): HostClient {
  const phonePost = async (code: string, body: unknown): Promise<number> => {
    const res = await fetch(`${base}/api/p/${code}/vote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    return res.status;
  };
  return {
    rpc: async <T = unknown>(command: string, input: unknown = {}): Promise<T> => {
      const res = await fetch(`${base}/api/rpc/${command}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as T;
      if (res.status !== 200) throw new Error(`${command} answered ${res.status}: ${(body as { error?: { message?: string } }).error?.message ?? JSON.stringify(body)}`);
      return body;
    },
    phoneGet: async (code) => {
      const res = await fetch(`${base}/api/p/${code}`);
      return { status: res.status, state: (await res.json()) as ParticipantState };
    },
    phonePost,
    answer: async (code, deviceId, questionId, value) => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const status = await phonePost(code, { deviceId, questionId, value });
        if (status === 200) return;
        if (status !== 429) throw new Error(`answer ${questionId}=${value} from ${deviceId} got ${status}`);
        await new Promise((resolve) => setTimeout(resolve, 1100));
      }
      throw new Error(`answer ${questionId} from ${deviceId} kept getting 429`);
    },
  };
}
