/**
 * Focus plumbing shared by the window's regions and dialogs: where the editor is (so that Escape
 * anywhere returns to it at the same caret), what counts as focusable, and the dialog hook that
 * traps Tab inside a dialog and gives focus back when it closes.
 */
import { useEffect, type RefObject } from 'react';

/** Elements a keyboard user can reach with Tab (visible, enabled, not taken out of the order). */
export const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/** The focusable elements inside `root`, in tab order (hidden ones left out). */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden && el.getClientRects().length > 0);
}

let editorFocuser: (() => boolean) | null = null;

/** Registers how to focus the editor (the app passes `() => view.focus()`); null unregisters. */
export function registerEditorFocus(fn: (() => boolean) | null): void {
  editorFocuser = fn;
}

/**
 * Puts focus back in the editor with its selection as it was (ProseMirror restores the caret from
 * its state). Returns false when there is no editor.
 */
export function focusEditor(): boolean {
  return editorFocuser ? editorFocuser() : false;
}

/** Whether `el` is inside the editor's text (the ProseMirror element or its footnote editors). */
export function inEditor(el: Element | null): boolean {
  return Boolean(el?.closest('.resolution-editor'));
}

/**
 * Makes the element in `ref` behave as a modal dialog for the keyboard: focus moves to its first
 * control when it opens (or to `initial` if given), Tab and Shift+Tab cycle inside it, Escape
 * calls `onClose`, focus leaving it by other means (an iframe, a click behind) is brought back,
 * and when it closes focus returns to where it was — to the editor at the same
 * caret when it came from there.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, onClose: () => void, initial?: RefObject<HTMLElement | null>): void {
  // The trap is declared first so that it is removed first: giving focus back on close must not
  // be taken for focus escaping.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(root);
      if (!items.length) {
        e.preventDefault();
        return;
      }
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === -1 || i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]!.focus();
    };
    // Focus that escapes another way (out of an iframe, a click on the page behind) comes back.
    const onFocusIn = (e: FocusEvent) => {
      const t = e.target as Node | null;
      if (t && !root.contains(t) && root.isConnected) (focusables(root)[0] ?? root).focus();
    };
    root.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [ref, onClose]);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = document.activeElement as HTMLElement | null;
    const cameFromEditor = inEditor(before);
    const body = root.querySelector<HTMLElement>('.modal-body');
    const first = initial?.current ?? (body && focusables(body)[0]) ?? focusables(root)[0] ?? root;
    first.focus();
    return () => {
      // Only when focus is still inside the dialog or was lost with it: a dialog that opened another
      // thing (a file picker, the next dialog) must not pull focus back.
      const now = document.activeElement;
      if (now && now !== document.body && !root.contains(now)) return;
      if (cameFromEditor) focusEditor();
      else if (before?.isConnected) before.focus();
      else focusEditor();
    };
    // The first focus is taken once, when the dialog opens (not again on each render).
  }, []);
}

/**
 * Puts a scrolling element in the Tab order while (and only while) its content overflows, so that
 * a keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function useScrollableFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      if (scrolls) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    for (const child of el.children) ro.observe(child);
    return () => ro.disconnect();
  });
}
