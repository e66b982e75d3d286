// A 300-key random sequence with real key events in Chromium (typing, Enter, Backspace, Delete,
// arrows, Tab/Shift+Tab, Alt+↑/↓, Ctrl+Z/Ctrl+Y), compared with the same keys applied headlessly to
// an EditorState with all the app's plugins (the model). Seeded: the seed is in the test name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { baseKeymap } from 'prosemirror-commands';
import { freshPage, openApp, type E2E } from './harness.js';
import { createEditorState } from '../../src/shared/editor/state.js';
import { indent, moveParagraph, outdent, splitParagraph } from '../../src/shared/editor/commands/index.js';
import { toDoc } from '../../src/shared/resolution/convert.js';
import { emptyDocument } from '../../src/shared/resolution/model.js';
import { newId } from '../../src/shared/ids.js';

const SEED = 20261207;
const KEYS = 300;
const WORDS = ['Requests ', 'Noting ', 'alpha', ' beta', 'x', 'Decides ', 'gamma'];
const PLAIN = ['Enter', 'Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'Tab', 'Shift+Tab', 'Alt+ArrowUp', 'Alt+ArrowDown'] as const;

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

/** The model: one key applied to a headless state, as the browser and the app's keymap do. */
function press(s0: EditorState, key: string): EditorState {
  let s = s0;
  const run = (c: Command) => c(s, (tr) => (s = s.apply(tr)));
  const $h = s.selection.$head;
  switch (key) {
    case 'Enter':
      run(splitParagraph);
      break;
    case 'Backspace':
    case 'Delete': {
      const n = key === 'Backspace' ? $h.nodeBefore : $h.nodeAfter;
      if (s.selection.empty && n) s = s.apply(key === 'Backspace' ? s.tr.delete($h.pos - 1, $h.pos) : s.tr.delete($h.pos, $h.pos + 1));
      else run(baseKeymap[key]!);
      break;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const dir = key === 'ArrowLeft' ? -1 : 1;
      let sel: Selection | null;
      if (dir < 0 ? $h.parentOffset > 0 : $h.parentOffset < $h.parent.content.size) sel = TextSelection.create(s.doc, $h.pos + dir);
      else sel = Selection.findFrom(s.doc.resolve(dir < 0 ? $h.before() : $h.after()), dir, true);
      if (sel) s = s.apply(s.tr.setSelection(sel));
      break;
    }
    case 'Tab':
      run(indent);
      break;
    case 'Shift+Tab':
      run(outdent);
      break;
    case 'Alt+ArrowUp':
      run(moveParagraph(-1));
      break;
    case 'Alt+ArrowDown':
      run(moveParagraph(1));
      break;
    case 'Control+z':
      run(undo);
      break;
    case 'Control+y':
      run(redo);
      break;
    default:
      for (const ch of key.slice(5)) s = s.apply(s.tr.insertText(ch));
  }
  return s;
}

const shown = (s: EditorState) => {
  const out: string[] = [];
  s.doc.forEach((n) => out.push(`${n.type.name}${n.attrs.level as number}:${n.textContent}`));
  return out;
};

/**
 * The sequence, built with the model as it goes: undo and redo come right after a move that
 * changed the document (a closed history event), so which edit they take back does not depend
 * on how fast the keys arrive (typing merges into one step within 700 ms).
 */
function sequence(start: EditorState): { keys: string[]; model: EditorState } {
  // mulberry32: a small seeded generator, so the sequence is the same on every run.
  let t = SEED >>> 0;
  const pickInt = (n: number) => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
  let s = start;
  const keys: string[] = [];
  while (keys.length < KEYS) {
    const r = pickInt(10);
    const key = r < 4 ? `type:${WORDS[pickInt(WORDS.length)]!}` : PLAIN[pickInt(PLAIN.length)]!;
    const next = press(s, key);
    keys.push(key);
    const moved = key.startsWith('Alt+') && !next.doc.eq(s.doc);
    s = next;
    if (moved && pickInt(2) === 0) {
      keys.push('Control+z');
      s = press(s, 'Control+z');
      if (pickInt(2) === 0) {
        keys.push('Control+y');
        s = press(s, 'Control+y');
      }
    }
  }
  return { keys, model: s };
}

describe('real keys in Chromium against the model', () => {
  it(`${KEYS} random keys (seed ${SEED}) give the model's document`, async () => {
    const { page } = app;
    const start = createEditorState(toDoc(emptyDocument({ kind: 'draft', organ: 'ga', language: 'en' }, newId)));
    const at1 = start.apply(start.tr.setSelection(TextSelection.create(start.doc, 1)));
    const { keys, model } = sequence(at1);
    expect(keys.filter((k) => k === 'Control+z').length).toBeGreaterThan(3);
    await freshPage(page);
    await page.locator('.resolution-editor p.pp').first().click();
    for (const k of keys) {
      if (k.startsWith('type:')) await page.keyboard.type(k.slice(5));
      else await page.keyboard.press(k);
    }
    const browser = await page.$$eval('.resolution-editor p.para', (ps) =>
      ps.map((p) => `${p.classList.contains('pp') ? 'pp' : 'op'}${p.getAttribute('data-level') ?? '0'}:${p.textContent ?? ''}`),
    );
    expect(browser).toEqual(shown(model));
  }, 180_000);
});
