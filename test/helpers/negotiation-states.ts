// Negotiation-mode editor states for tests: a fixed clock and ids, the EU/G77/CANZ delegations,
// cursor placement by text, keyboard-like edits, and the document shown as text with its
// proposals ({+EU:inserted} {-G77:deleted}, brackets as [ ]).
import { expect } from 'vitest';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { undo } from 'prosemirror-history';
import { editorPlugins } from '../../src/shared/editor/state.js';
import { structureKey } from '../../src/shared/editor/plugins/structure.js';
import { proposalsKey, proposalsPlugin, setNegotiationSettings, type NegotiationSettings } from '../../src/shared/editor/negotiation/index.js';
import { schema } from '../../src/shared/resolution/schema.js';
import { doc, op, pp } from './builders.js';

/** Three delegations with their colours. */
export const DELEGATIONS = [
  { name: 'EU', color: '#1f6fb2' },
  { name: 'G77', color: '#b5422d' },
  { name: 'CANZ', color: '#2e7d32' },
];

export function create(d: PMNode, settings: Partial<NegotiationSettings> = {}): EditorState {
  let n = 0;
  return EditorState.create({
    doc: d,
    plugins: [
      // As in the editor, the proposals plugin comes first; here with a fixed clock and ids.
      proposalsPlugin({ enabled: true, delegation: 'EU', delegations: DELEGATIONS, ...settings }, { now: () => '2025-03-01T10:00:00.000Z', newId: () => `s${++n}` }),
      ...editorPlugins({ autoPunctuate: false }).filter((p) => p.spec.key !== proposalsKey),
    ],
  });
}

export function base(): EditorState {
  return create(
    doc(
      {},
      pp({ id: 'pp1' }, 'Recalling its resolutions,'),
      op({ id: 'op1' }, 'Requests the Secretary-General to report;'),
      op({ id: 'op2' }, 'Decides to remain seized of the matter.'),
    ),
  );
}

export function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  const ok = cmd(state, (tr: Transaction) => {
    next = next.apply(tr);
  });
  expect(ok).toBe(true);
  return next;
}

export function as(state: EditorState, delegation: string): EditorState {
  return state.apply(setNegotiationSettings(state, { delegation }));
}

export function pos(state: EditorState, id: string, offset = 0): number {
  const p = structureKey.getState(state)!.structure.byId.get(id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p.pos + 1 + offset;
}

export function offsetOf(state: EditorState, id: string, text: string): number {
  const p = structureKey.getState(state)!.structure.byId.get(id)!;
  const k = p.node.textContent.indexOf(text);
  if (k < 0) throw new Error(`"${text}" not in ${id}`);
  return k;
}

/** Places the cursor (or a selection over `text`) in paragraph `id`. */
export function select(state: EditorState, id: string, text: string, where: 'before' | 'after' | 'over' = 'over'): EditorState {
  const k = offsetOf(state, id, text);
  const a = pos(state, id, k);
  const b = a + text.length;
  const sel = where === 'before' ? TextSelection.create(state.doc, a) : where === 'after' ? TextSelection.create(state.doc, b) : TextSelection.create(state.doc, a, b);
  return state.apply(state.tr.setSelection(sel));
}

/** Types text at the selection, one transaction per character like the keyboard. */
export function type(state: EditorState, text: string): EditorState {
  let s = state;
  for (const ch of text) s = s.apply(s.tr.insertText(ch));
  return s;
}

/** Backspace n times at the cursor (the transaction the browser's Backspace produces). */
export function backspace(state: EditorState, n = 1): EditorState {
  let s = state;
  for (let i = 0; i < n; i++) {
    const p = s.selection.from;
    s = s.apply(s.tr.delete(p - 1, p));
  }
  return s;
}

/** Delete (forward) n times at the cursor. */
export function del(state: EditorState, n = 1): EditorState {
  let s = state;
  for (let i = 0; i < n; i++) {
    const p = s.selection.from;
    s = s.apply(s.tr.delete(p, p + 1));
  }
  return s;
}

/** Deletes the selection (what Backspace does with a selection). */
export function cut(state: EditorState): EditorState {
  return state.apply(state.tr.deleteSelection());
}

/**
 * The document as text with the proposals visible: {+EU:inserted} {-G77:deleted}
 * {+EU-G77:inserted by EU, deletion proposed by G77}, brackets as [ ], and per paragraph its
 * designation and paragraph proposal ((+EU) inserted, (-G77) deleted, (→EU) moved here by EU,
 * (←EU) the old place of EU's move).
 */
export function show(state: EditorState): string[] {
  const out: string[] = [];
  const s = structureKey.getState(state)!.structure;
  let active: string[] = [];
  for (const p of s.paras) {
    const prop = p.node.attrs.proposal as { kind: string; by: string } | null;
    const sign = prop?.kind === 'ins' ? '+' : prop?.kind === 'del' ? '-' : prop?.kind === 'move-to' ? '→' : '←';
    let line = `${p.designation || p.section}${prop ? ` (${sign}${prop.by})` : ''}: `;
    p.node.forEach((n) => {
      const ids = n.marks.filter((m) => m.type === schema.marks.bracket).map((m) => m.attrs.id as string);
      line += ']'.repeat(active.filter((x) => !ids.includes(x)).length) + '['.repeat(ids.filter((x) => !active.includes(x)).length);
      active = ids;
      const ins = n.marks.find((m) => m.type === schema.marks.insertion);
      const d = n.marks.find((m) => m.type === schema.marks.deletion);
      const text = n.text ?? '';
      if (ins && d) line += `{+${ins.attrs.by as string}-${d.attrs.by as string}:${text}}`;
      else if (ins) line += `{+${ins.attrs.by as string}:${text}}`;
      else if (d) line += `{-${d.attrs.by as string}:${text}}`;
      else line += text;
    });
    line += ']'.repeat(active.length);
    active = [];
    out.push(line);
  }
  return out;
}

/** Undoes until there is nothing left, checking the document comes back exactly. */
export function expectUndoToRestore(state: EditorState, original: EditorState): void {
  let s = state;
  for (let i = 0; i < 50 && !s.doc.eq(original.doc); i++) {
    const before = s;
    undo(s, (tr) => (s = s.apply(tr)));
    if (before === s) break;
  }
  expect(s.doc.eq(original.doc)).toBe(true);
}
