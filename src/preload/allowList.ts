/**
 * What the preload lets through, without importing the contract at run time.
 *
 * WARNING: src/shared/contract.ts builds its zod schemas when loaded, electron-vite
 * leaves `zod` (a dependency) as `require('zod')`, and a sandboxed preload can
 * require nothing but Electron's few built-ins. So the main process, which has
 * the contract, hands the command names down as one argument of the window's
 * `additionalArguments` (`--plenary-commands=a,b,...`), and the channel names are
 * repeated here with types that make `tsc` fail if they ever differ.
 */
import type { IPC_EVENT_CHANNEL as EventChannel, IPC_INVOKE_CHANNEL as InvokeChannel } from '../shared/contract';

export const IPC_INVOKE: typeof InvokeChannel = 'plenary:invoke';
export const IPC_EVENT: typeof EventChannel = 'plenary:event';

/** Must match COMMANDS_ARGUMENT in src/main/security.ts (both are pinned by unit tests). */
export const COMMANDS_ARGUMENT = '--plenary-commands=';

/**
 * The command names the main process passed in `argv`. None (so every call is
 * refused) when the argument is missing: the bridge fails closed.
 */
export function commandsFromArgv(argv: readonly string[]): Set<string> {
  const argument = argv.find((arg) => arg.startsWith(COMMANDS_ARGUMENT));
  if (argument === undefined) return new Set();
  return new Set(
    argument
      .slice(COMMANDS_ARGUMENT.length)
      .split(',')
      .filter((name) => /^[a-z]+\.[A-Za-z]+$/.test(name)),
  );
}
