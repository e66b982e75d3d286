/**
 * The WAI-ARIA tabs pattern with automatic activation: Left/Right (Up/Down too) move to the
 * previous/next tab and select it, Home/End to the first/last; only the selected tab is in the
 * Tab order (roving tabindex: the caller sets tabIndex 0 on it and -1 on the others).
 */
import type { KeyboardEvent } from 'react';

/** Handles a key on a tab of `ids` (the selected one is `current`); selects and focuses the new tab. */
export function onTablistKey<T extends string>(e: KeyboardEvent<HTMLElement>, ids: readonly T[], current: T, select: (id: T) => void): void {
  const at = ids.indexOf(current);
  const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
  let next = -1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (at + (rtl && e.key === 'ArrowRight' ? -1 : 1) + ids.length) % ids.length;
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (at + (rtl && e.key === 'ArrowLeft' ? 1 : -1) + ids.length) % ids.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = ids.length - 1;
  if (next === -1) return;
  e.preventDefault();
  const id = ids[next]!;
  select(id);
  // The tab element stays mounted (only its attributes change), so it can take focus now.
  e.currentTarget.querySelector<HTMLElement>(`[role="tab"][data-panel="${id}"]`)?.focus();
}
