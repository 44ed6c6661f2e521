/**
 * Turning zod's findings into one message a person can act on, naming the place:
 * `slides[3].question.options: needs at least 2 options`.
 */
import type { z } from 'zod';
import { ApiError } from './errors';

/** Formats a zod path the way a JavaScript reader writes it: `slides[3].question`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The first issue of a failed parse, as an ApiError with a readable message and its path. */
export function invalidInput(error: z.ZodError, what = 'The input'): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('invalid_input', `${what} is not valid.`);
  const path = formatPath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  const message = path ? `${path}: ${issue.message}${more}` : `${what}: ${issue.message}${more}`;
  return new ApiError('invalid_input', message, path);
}

/** Parses `value` with `schema`, or throws the ApiError a user should see. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, what);
  return result.data;
}
