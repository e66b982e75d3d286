/**
 * One polite live region for the whole window (`#plenary-announcer`, rendered empty in the status
 * bar; React never fills it, only this module does): what a sighted user sees change elsewhere on the
 * screen (a paragraph moved, the paragraphs renumbered) is said to screen-reader users through it.
 */

let region: HTMLElement | null = null;
let timer: number | undefined;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.getElementById('plenary-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'plenary-announcer';
    region.className = 'sr-only';
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    // The app renders the region in its status bar (a landmark); this one is for a window without it.
    document.body.appendChild(region);
  }
  return region;
}

/**
 * Says `text` through the live region. Announcements close together are merged into the last one
 * (a burst of renumbering is said once); the region is emptied first so that the same sentence
 * twice in a row is still spoken.
 */
export function announce(text: string): void {
  const el = liveRegion();
  window.clearTimeout(timer);
  el.textContent = '';
  timer = window.setTimeout(() => {
    el.textContent = text;
  }, 120);
}

/** The text last announced (for tests and for the status bar to mirror). */
export function lastAnnouncement(): string {
  return region?.textContent ?? '';
}
