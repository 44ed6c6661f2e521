import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract';
import { commandsFromArgv, IPC_EVENT, IPC_INVOKE } from './allowList';

describe('commandsFromArgv', () => {
  it('reads the names the main process passed', () => {
    const names = commandsFromArgv(['/x/electron', '--type=renderer', '--plenary-commands=app.info,workshops.list']);
    expect([...names]).toEqual(['app.info', 'workshops.list']);
  });

  it('fails closed without the argument', () => {
    expect(commandsFromArgv(['--type=renderer']).size).toBe(0);
  });

  it('drops anything that is not a command name', () => {
    expect([...commandsFromArgv(['--plenary-commands=app.info,,__proto__,a.b.c,x'])]).toEqual(['app.info']);
  });
});

describe('channel names', () => {
  it('are the contract’s', () => {
    expect(IPC_INVOKE).toBe(IPC_INVOKE_CHANNEL);
    expect(IPC_EVENT).toBe(IPC_EVENT_CHANNEL);
  });
});
