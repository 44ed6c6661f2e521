/**
 * The event names, in a module of their own with no zod: the renderer's entry
 * needs them to listen, and must not carry the schemas' weight to draw a slide.
 */
import type { EventName } from './contract';

/**
 * Every event once; `satisfies` fails the build when one is missing or unknown.
 * `menu.command` is the desktop shell's alone (the HTTP host never sends it).
 */
const eventNameSet = {
  'session.created': true,
  'slide.changed': true,
  'voting.opened': true,
  'voting.closed': true,
  'voting.revealed': true,
  'vote.cast': true,
  'vote.undone': true,
  'count.set': true,
  'session.updated': true,
  'session.ended': true,
  'session.deleted': true,
  'workshops.changed': true,
  'settings.changed': true,
  'phones.changed': true,
  'phones.admitted': true,
  'menu.command': true,
} as const satisfies Record<EventName, true>;

export const eventNames = Object.keys(eventNameSet) as EventName[];
