/**
 * How the preload learns the contract's command names: it cannot load the contract
 * at run time (see src/preload/allowList.ts), so they come down as one argument in
 * the window's `additionalArguments`. No Electron here.
 */
import { commandNames } from '../shared/contract';

/** Must match COMMANDS_ARGUMENT in src/preload/allowList.ts; both are pinned by unit tests. */
export const COMMANDS_ARGUMENT = '--plenary-commands=';

/** `--plenary-commands=app.info,workshops.list,...` */
export function commandsArgument(names: readonly string[] = commandNames): string {
  return `${COMMANDS_ARGUMENT}${names.join(',')}`;
}
