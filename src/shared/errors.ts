/**
 * The errors a command can answer with. Both transports map a code to the same
 * meaning: HTTP to a status (see `httpStatusOf`), IPC to a serialised error.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'session_full'
  | 'address_full'
  | 'phone_removed'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Where the input went wrong, e.g. `slides[3].question.options`. */
  path?: string;
}

/** A failure the user can act on; the message is written for them. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly path: string | undefined;

  constructor(code: ApiErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path;
  }

  toBody(): ApiErrorBody {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

const statusByCode: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  // Phone admission (PROTOCOL.md, "Integrity on the room's network"): a phone the session will not take.
  session_full: 403,
  address_full: 403,
  phone_removed: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status docs/protocol.md gives each error. */
export function httpStatusOf(code: ApiErrorCode): number {
  return statusByCode[code];
}

/** Rebuilds an ApiError from a body that crossed a transport. */
export function apiErrorFromBody(body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) {
    const { code, message, path } = body as ApiErrorBody;
    if (typeof code === 'string' && Object.hasOwn(statusByCode, code) && typeof message === 'string') {
      return new ApiError(code, message, typeof path === 'string' ? path : undefined);
    }
  }
  return new ApiError('internal', 'Something went wrong on the host.');
}
