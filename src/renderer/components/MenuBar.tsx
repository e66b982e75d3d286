/**
 * The in-window menu bar of browser mode (the desktop app uses the native menu, which sends the
 * same command ids), after the WAI-ARIA menubar pattern and desktop habits: Alt (pressed alone)
 * or F10 focuses it, Alt+<letter> opens a menu by its underlined access key; Left/Right move
 * between menus, Down/Enter/Space open one, Up/Down/Home/End move in it, Enter runs an item,
 * a letter runs the item whose access key it is, Escape closes the menu and a second Escape
 * returns to where the user was (the editor at the same caret).
 */
import { Fragment, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { focusEditor, inEditor } from '../a11y/focus.js';
import { t } from '../i18n/index.js';

/** A menu item: a command id, its label and the shortcut shown. */
export interface MenuItemSpec {
  id: string;
  label: string;
  keys?: string;
}

/** A top-level menu. */
export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
}

/**
 * Access keys for labels: the first letter of each label not taken by an earlier one (then any
 * later letter of it), lower-cased; '' when none is free. Leading marks such as "✓ " are skipped.
 */
export function accessKeys(labels: readonly string[]): { key: string; index: number }[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const letters = [...label].map((ch, index) => ({ ch: ch.toLowerCase(), index })).filter((l) => /\p{L}|\p{N}/u.test(l.ch));
    const pick = letters.find((l) => !used.has(l.ch));
    if (!pick) return { key: '', index: -1 };
    used.add(pick.ch);
    return { key: pick.ch, index: pick.index };
  });
}

/** A label with its access key underlined. */
function Mnemonic({ label, index }: { label: string; index: number }) {
  if (index < 0) return <>{label}</>;
  const chars = [...label];
  return (
    <Fragment>
      {chars.slice(0, index).join('')}
      <u className="access-key">{chars[index]}</u>
      {chars.slice(index + 1).join('')}
    </Fragment>
  );
}

/** The menu bar. */
export function MenuBar({ menus, onCommand, title }: { menus: MenuSpec[]; onCommand: (id: string) => void; title: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  /** Which item of the open menu takes focus when it opens: first, last or none (mouse). */
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last' | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const tops = useRef<(HTMLButtonElement | null)[]>([]);
  const list = useRef<HTMLUListElement>(null);
  /** Where focus was before the menu bar took it, to give it back. */
  const returnTo = useRef<Element | null>(null);
  // Whether the Alt key went down alone and nothing came between it and its release. A ref, not a
  // variable of the effect below: that effect is set up again at every render, and a render
  // between Alt's keydown and keyup (autosave, the Matches panel) used to lose the press.
  const altAlone = useRef(false);
  const topKeys = accessKeys(menus.map((m) => m.label));

  const giveBack = () => {
    setOpen(null);
    const to = returnTo.current;
    returnTo.current = null;
    if (!to || inEditor(to) || !(to as HTMLElement).isConnected) focusEditor();
    else (to as HTMLElement).focus();
  };
  const openMenu = (i: number, where: 'first' | 'last' | null) => {
    setActive(i);
    setOpen(i);
    setFocusOnOpen(where);
    if (where === null) tops.current[i]?.focus();
  };
  const run = (id: string) => {
    giveBack();
    onCommand(id);
  };

  // Focus the first/last item of a menu opened from the keyboard.
  useEffect(() => {
    if (open === null || !focusOnOpen) return;
    const items = list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    if (items?.length) (focusOnOpen === 'first' ? items[0] : items[items.length - 1])!.focus();
  }, [open, focusOnOpen]);

  // Mouse down outside closes the menu; focus leaving the bar closes it too.
  useEffect(() => {
    if (open === null) return;
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  // Alt alone, F10 and Alt+<access key>, from anywhere in the window.
  useEffect(() => {
    const enter = () => {
      if (!bar.current?.contains(document.activeElement)) returnTo.current = document.activeElement;
    };
    const down = (e: KeyboardEvent) => {
      altAlone.current = e.key === 'Alt' && !e.ctrlKey && !e.metaKey && !e.shiftKey;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if (e.key === 'F10' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        if (bar.current?.contains(document.activeElement)) giveBack();
        else {
          enter();
          setOpen(null);
          tops.current[active]?.focus();
        }
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.key.length === 1) {
        const i = topKeys.findIndex((k) => k.key === e.key.toLowerCase());
        if (i >= 0) {
          e.preventDefault();
          enter();
          openMenu(i, 'first');
        }
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.key !== 'Alt' || !altAlone.current) return;
      altAlone.current = false;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      if (bar.current?.contains(document.activeElement)) giveBack();
      else {
        enter();
        tops.current[active]?.focus();
      }
    };
    const anyMouse = () => (altAlone.current = false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('mousedown', anyMouse);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('mousedown', anyMouse);
    };
  });

  const onTopKey = (e: ReactKeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = menus.length;
    const go = (j: number) => (open !== null ? openMenu(j, 'first') : (setActive(j), tops.current[j]?.focus()));
    if (e.key === 'ArrowRight') go((i + 1) % n);
    else if (e.key === 'ArrowLeft') go((i - 1 + n) % n);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(n - 1);
    else if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') openMenu(i, 'first');
    else if (e.key === 'ArrowUp') openMenu(i, 'last');
    else if (e.key === 'Escape') giveBack();
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
      const j = topKeys.findIndex((k) => k.key === e.key.toLowerCase());
      if (j < 0) return;
      openMenu(j, 'first');
    } else return;
    e.preventDefault();
  };

  const onItemKey = (e: ReactKeyboardEvent<HTMLUListElement>, menu: MenuSpec, keys: { key: string }[]) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const n = menus.length;
    const i = open ?? 0;
    if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'ArrowRight') openMenu((i + 1) % n, 'first');
    else if (e.key === 'ArrowLeft') openMenu((i - 1 + n) % n, 'first');
    else if (e.key === 'Escape') {
      setOpen(null);
      tops.current[i]?.focus();
    } else if (e.key === 'Tab') {
      giveBack();
    } else if (e.key === 'Enter' || e.key === ' ') {
      const id = (document.activeElement as HTMLElement | null)?.dataset.command;
      if (id) run(id);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const j = keys.findIndex((k) => k.key === e.key.toLowerCase());
      if (j < 0) return;
      run(menu.items[j]!.id);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <nav className="menubar" aria-label={t('menu.application')} ref={bar}>
      <span className="brand">Plenary</span>
      <div role="menubar" aria-label={t('menu.bar')} className="menubar-items">
        {menus.map((m, i) => {
          const itemKeys = accessKeys(m.items.map((it) => it.label));
          return (
            <div key={m.label} className="menu" role="none">
              <button
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={open === i}
                aria-keyshortcuts={topKeys[i]!.key ? `Alt+${topKeys[i]!.key.toUpperCase()}` : undefined}
                tabIndex={i === active ? 0 : -1}
                ref={(el) => {
                  tops.current[i] = el;
                }}
                className={open === i ? 'open' : ''}
                onFocus={(e) => {
                  if (!bar.current?.contains(e.relatedTarget as Node | null)) returnTo.current ??= e.relatedTarget as Element | null;
                  setActive(i);
                }}
                onClick={() => (open === i ? setOpen(null) : openMenu(i, null))}
                onMouseEnter={() => open !== null && open !== i && openMenu(i, null)}
                onKeyDown={(e) => onTopKey(e, i)}
              >
                <Mnemonic label={m.label} index={topKeys[i]!.index} />
              </button>
              {open === i ? (
                <ul className="menu-list" role="menu" aria-label={m.label} ref={list} onKeyDown={(e) => onItemKey(e, m, itemKeys)}>
                  {m.items.map((it, j) => (
                    <li key={it.id} role="none">
                      <button type="button" role="menuitem" tabIndex={-1} data-command={it.id} aria-keyshortcuts={it.keys?.replace(/Ctrl/g, 'Control')} onClick={() => run(it.id)}>
                        <span>
                          <Mnemonic label={it.label} index={itemKeys[j]!.index} />
                        </span>
                        {it.keys ? <kbd>{it.keys}</kbd> : null}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
      <span className="doc-title">{title}</span>
    </nav>
  );
}
