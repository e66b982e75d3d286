/**
 * The renderer's side of the command registry (src/shared/commands.ts): the browser menu bar's
 * menus, the app-level keymap, the palette's rows and the shortcut list, all generated from it,
 * and the one typed dispatcher over the handler map.
 */
import { useEffect } from 'react';
import {
  appCommandForKey,
  commandLabel,
  commandsFor,
  displayKeys,
  isCommandId,
  keysFor,
  menuModel,
  MENU_TITLES,
  type CommandContext,
  type CommandId,
  type Platform,
  type Translate,
} from '../../shared/commands.js';
import type { MenuSpec } from '../components/MenuBar.js';
import { i18n, t } from '../i18n/index.js';

/**
 * The registry's labels through the interface catalogue (`command.<id>`, `menu.<name>`) in the
 * current interface language; undefined for a key no catalogue has, so the registry's English stands.
 */
export const uiTranslate: Translate = (key, vars) => (i18n.exists(key) ? t(key, vars) : undefined);

/** What every command does: one handler per registry id, so none can be missing. */
export type CommandHandlers = { readonly [K in CommandId]: (arg?: string) => void };

/** The platform whose keys apply (⌘ on macOS). */
export function currentPlatform(): Platform {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';
}

/** The shell the page runs in. */
export type Shell = 'browser' | 'electron';

/**
 * The browser menu bar's menus: File, Edit, View, Help from the registry, checked commands marked
 * "✓ ", keys shown as read on the platform. Items stay in registry order (groups flattened).
 */
export function browserMenus(ctx: CommandContext, platform: Platform, t?: Translate): MenuSpec[] {
  return menuModel('browser').map((mm) => ({
    label: t?.(`menu.${mm.name}`) ?? MENU_TITLES[mm.name],
    items: mm.groups.flat().map((c) => {
      const keys = keysFor(c, platform)[0];
      const label = `${c.checked?.(ctx) ? '✓ ' : ''}${commandLabel(c, t)}`;
      return keys ? { id: c.id, label, keys: displayKeys(keys, platform) } : { id: c.id, label };
    }),
  }));
}

/** A row of the command palette. */
export interface PaletteRow {
  id: CommandId;
  label: string;
  keys: string;
  enabled: boolean;
  checked: boolean;
}

/** Every command the palette offers in this shell (all but those that need an argument). */
export function paletteRows(ctx: CommandContext, platform: Platform, shell: Shell, t?: Translate): PaletteRow[] {
  return commandsFor(shell)
    .filter((c) => c.palette !== false)
    .map((c) => ({
      id: c.id as CommandId,
      label: commandLabel(c, t),
      keys: keysFor(c, platform)[0] ? displayKeys(keysFor(c, platform)[0]!, platform) : '',
      enabled: c.enabled?.(ctx) ?? true,
      checked: c.checked?.(ctx) ?? false,
    }));
}

/**
 * Runs a command by id. Ids from the native menu arrive as strings: an unknown one is reported
 * (a mismatch between shell and page), never silently dropped.
 */
export function dispatchCommand(handlers: CommandHandlers, id: string, arg: string | undefined, onUnknown: (id: string) => void): void {
  if (isCommandId(id)) handlers[id](arg);
  else onUnknown(id);
}

/**
 * The app-level keymap of browser mode: keys of `app` commands run them. In the desktop app the
 * native menu's accelerators carry the same keys (every app command is in the menu), so nothing
 * listens here there.
 */
export function useAppKeymap(run: (id: CommandId) => void, shell: Shell): void {
  useEffect(() => {
    if (shell === 'electron') return;
    const platform = currentPlatform();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const id = appCommandForKey(e, platform, shell);
      if (!id) return;
      e.preventDefault();
      run(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, shell]);
}
