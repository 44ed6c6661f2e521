/**
 * The event names, in a module of their own with no zod: the renderer's entry
 * needs them to listen, and must not carry the schemas' weight to draw a slide.
 */
import type { EventName } from './contract';

export const eventNames: EventName[] = [
  'session.created',
  'slide.changed',
  'voting.opened',
  'voting.closed',
  'voting.revealed',
  'vote.cast',
  'vote.undone',
  'count.set',
  'session.updated',
  'session.ended',
  'session.deleted',
  'workshops.changed',
  'settings.changed',
  'phones.changed',
  'phones.admitted',
];
