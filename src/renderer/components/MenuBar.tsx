/**
 * The in-window menu bar of browser mode (the desktop app uses the native menu, which sends the
 * same command ids). Keyboard: Enter/Space opens, arrows move, Escape closes.
 */
import { useEffect, useRef, useState } from 'react';

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

/** The menu bar. */
export function MenuBar({ menus, onCommand, title }: { menus: MenuSpec[]; onCommand: (id: string) => void; title: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open === null) return;
    const close = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);
  return (
    <div className="menubar" role="menubar" ref={bar}>
      <span className="brand">Plenary</span>
      {menus.map((m, i) => (
        <div key={m.label} className="menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="true"
            aria-expanded={open === i}
            className={open === i ? 'open' : ''}
            onClick={() => setOpen(open === i ? null : i)}
            onMouseEnter={() => open !== null && setOpen(i)}
          >
            {m.label}
          </button>
          {open === i ? (
            <ul className="menu-list" role="menu">
              {m.items.map((it) => (
                <li key={it.id} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    data-command={it.id}
                    onClick={() => {
                      setOpen(null);
                      onCommand(it.id);
                    }}
                  >
                    <span>{it.label}</span>
                    {it.keys ? <kbd>{it.keys}</kbd> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      <span className="doc-title">{title}</span>
    </div>
  );
}
