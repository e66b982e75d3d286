/**
 * The window's keyboard regions, after desktop habits: F6 / Shift+F6 cycle menu bar → editor →
 * side panel → status bar; Escape in the side panel or the status bar returns to the editor at the
 * same caret; Ctrl+M toggles whether Tab in the editor demotes a paragraph (the default) or moves
 * focus out of the editor, as in VS Code.
 */
import { useEffect, useState } from 'react';
import { focusEditor, focusables, inEditor } from './focus.js';
import { announce } from './announcer.js';
import { t } from '../i18n/index.js';

/** The regions F6 visits, in order; each is found by a selector and focused by `enter`. */
const REGIONS: { name: string; selector: string; enter: (root: HTMLElement) => boolean }[] = [
  {
    name: 'menu bar',
    selector: '.menubar',
    enter: (root) => focusFirst(root.querySelector<HTMLElement>('[role="menubar"] > * > [role="menuitem"][tabindex="0"]') ?? root.querySelector<HTMLElement>('[role="menuitem"]')),
  },
  { name: 'editor', selector: '.page-scroll', enter: () => focusEditor() },
  { name: 'side panel', selector: '.side-panel', enter: (root) => focusFirst(root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? focusables(root)[0] ?? null) },
  { name: 'status bar', selector: '.status-bar', enter: (root) => focusFirst(focusables(root)[0] ?? root) },
];

function focusFirst(el: HTMLElement | null): boolean {
  if (!el) return false;
  el.focus();
  return document.activeElement === el;
}

/** Moves focus to the next (or previous) region present on screen; returns the region's name. */
export function cycleRegion(backwards: boolean): string | null {
  const present = REGIONS.map((r) => ({ ...r, root: document.querySelector<HTMLElement>(r.selector) })).filter((r) => r.root);
  if (!present.length) return null;
  const active = document.activeElement;
  let at = present.findIndex((r) => r.root!.contains(active));
  if (at === -1) at = backwards ? 0 : present.length - 1;
  for (let step = 1; step <= present.length; step++) {
    const r = present[(at + (backwards ? -step : step) + present.length * 2) % present.length]!;
    if (r.enter(r.root!)) return r.name;
  }
  return null;
}

/** Whether a dialog is open (regions and Escape-to-editor stand aside while one is). */
function dialogOpen(): boolean {
  return Boolean(document.querySelector('[role="dialog"][aria-modal="true"]'));
}

/**
 * Installs the window-level keys (F6, Shift+F6, Escape back to the editor, Ctrl+M) and returns
 * whether Tab currently moves focus (shown in the status bar) and a setter for it.
 */
export function useKeyboardRegions(): [boolean, (on: boolean) => void] {
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey && !dialogOpen()) {
        e.preventDefault();
        cycleRegion(e.shiftKey);
        return;
      }
      if ((e.key === 'm' || e.key === 'M') && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        const on = !tabMovesFocus;
        setTabMovesFocus(on);
        announce(on ? t('a11y.tabMovesFocus') : t('a11y.tabDemotes'));
        return;
      }
      if (e.key === 'Tab' && tabMovesFocus && inEditor(target) && !e.ctrlKey && !e.altKey && !e.metaKey) {
        // The browser's own focus move happens; the editor's demote/promote does not see the key.
        e.stopPropagation();
        return;
      }
      if (e.key === 'Escape' && !dialogOpen() && target?.closest('.side-panel, .status-bar')) {
        // A control that uses Escape itself (an open select, a search box clearing) prevents default first.
        e.preventDefault();
        focusEditor();
      }
    };
    // Capture for Tab (before ProseMirror sees it); bubble would be too late for the editor's keymap.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [tabMovesFocus]);
  return [tabMovesFocus, setTabMovesFocus];
}

/**
 * The window's own keys, listed in Help › Keyboard shortcuts after the editor's (same shape as
 * SHORTCUTS). Labels are getters so that the dialog reads them in the current interface language.
 */
export const WINDOW_SHORTCUTS: { readonly keys: string; readonly label: string }[] = [
  { keys: 'F6', get label() { return t('a11y.key.nextRegion'); } },
  { keys: 'Shift-F6', get label() { return t('a11y.key.previousRegion'); } },
  { keys: 'F10', get label() { return t('a11y.key.menuBar'); } },
  { keys: 'Escape', get label() { return t('a11y.key.escape'); } },
  { keys: 'Mod-m', get label() { return t('a11y.key.tabMode'); } },
  { keys: '← / →', get label() { return t('a11y.key.panelTabs'); } },
];
