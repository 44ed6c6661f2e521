/** Groups and join codes for a new session. */
import type { z } from 'zod';
import type { groupSetupSchema } from '../../shared/contract';
import type { Group } from '../../shared/model';
import { GROUP_PALETTE } from '../../shared/palette';

export { GROUP_PALETTE };

/** Join codes avoid characters that look alike when read off a projector (0/O, 1/I). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

export function makeJoinCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Normalises what a participant typed: case, spaces and dashes do not matter. */
export function normaliseJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

type GroupSetup = string | z.input<typeof groupSetupSchema>;

/** Groups from the facilitator's setup: ids g1..gN (N is the keyboard number), colours from the palette. */
export function buildGroups(setup: readonly GroupSetup[]): Group[] {
  return setup.map((entry, index) => {
    const given = typeof entry === 'string' ? { name: entry } : entry;
    return {
      id: given.id ?? `g${index + 1}`,
      name: given.name.trim(),
      color: given.color ?? GROUP_PALETTE[index % GROUP_PALETTE.length]!,
      size: given.size ?? null,
    };
  });
}

/** Default group names: "Group 1" .. "Group N". */
export function defaultGroupNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Group ${index + 1}`);
}
