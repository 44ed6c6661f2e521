import { z } from 'zod';

/** Ids are short, URL-safe strings; the core makes them, imports may bring their own. */
export const idSchema = z
  .string()
  .min(1, 'needs an id')
  .max(64, 'an id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id uses letters, digits, "-" and "_" only');
