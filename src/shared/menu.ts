/**
 * The desktop menu's commands to the page, typed once: the shell's menu sends
 * them (src/main/menu.ts) as `menu.command` events on the contract's event
 * channel, and the renderer does each (src/renderer/app/useMenuCommands.ts).
 * docs/desktop.md says what each means. No dependencies: the preload's side may read it.
 */

/** What the desktop menu can ask of the page. */
export type MenuCommand =
  | 'new-workshop'
  | 'workshop-imported'
  | 'export-pdf'
  | 'show-presenter'
  | 'open-audience'
  | 'start-session'
  | 'voting-keys'
  | 'keyboard-shortcuts';

/** Every command once; `satisfies` fails the build when one is missing or unknown. */
const menuCommandSet = {
  'new-workshop': true,
  'workshop-imported': true,
  'export-pdf': true,
  'show-presenter': true,
  'open-audience': true,
  'start-session': true,
  'voting-keys': true,
  'keyboard-shortcuts': true,
} as const satisfies Record<MenuCommand, true>;

export const MENU_COMMANDS = Object.keys(menuCommandSet) as MenuCommand[];

/** The `menu.command` event's data. */
export interface MenuCommandData {
  command: MenuCommand;
  /** With `workshop-imported`: the workshop the shell's import dialog added. */
  workshopId?: string;
}
