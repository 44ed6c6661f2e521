import { describe, expect, it } from 'vitest';
import { commandNames } from '../shared/contract';
import { commandsArgument } from './preloadArgs';

describe('commandsArgument', () => {
  it('carries every command of the contract, in the form the preload reads', () => {
    expect(commandsArgument(['app.info', 'workshops.list'])).toBe('--plenary-commands=app.info,workshops.list');
    const names = commandsArgument().slice('--plenary-commands='.length).split(',');
    expect(names).toEqual(commandNames);
    // The preload accepts only `domain.verb` names; a contract name outside that form would be dropped.
    for (const name of names) expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
  });
});
