/**
 * How proposals and brackets are shown: the markup, clean and one-delegation views are
 * decorations only (class names, a `--by-color` custom property, tag and bracket widgets); the
 * document is the same in every view. Widgets are drawn with the document of the view that shows
 * them, never a global one, so states stay headless.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { settingsOf, type NegotiationSettings } from './settings.js';
import { BRACKET, INS, delOf, insOf, isPara, paraProposal } from './marks.js';
import { paraMove } from './moves.js';

type Shown = 'proposal-shown' | 'proposal-plain' | 'proposal-hidden';

function shownAs(kind: 'ins' | 'del', by: string, s: NegotiationSettings): Shown {
  if (s.view === 'clean') return kind === 'ins' ? 'proposal-plain' : 'proposal-hidden';
  if (s.view === 'only' && by !== s.only) return kind === 'ins' ? 'proposal-hidden' : 'proposal-plain';
  return 'proposal-shown';
}

function tagWidget(by: string, kind: 'ins' | 'del', color: string) {
  return (view: EditorView) => {
    const span = view.dom.ownerDocument.createElement('span');
    span.className = `proposal-tag proposal-tag-${kind}`;
    span.contentEditable = 'false';
    span.textContent = kind === 'del' ? `${by}: delete` : by;
    if (color) span.style.setProperty('--by-color', color);
    return span;
  };
}

function bracketWidget(text: string, kind: 'open' | 'close') {
  return (view: EditorView) => {
    const span = view.dom.ownerDocument.createElement('span');
    span.className = `bracket-mark bracket-${kind}`;
    span.contentEditable = 'false';
    span.textContent = text;
    return span;
  };
}

/**
 * The decorations of the current view: proposals by class, delegation tags, bracket signs (the
 * class names are listed at `proposalsPlugin`).
 */
export function buildDecorations(doc: PMNode, s: NegotiationSettings): DecorationSet {
  const colors = new Map(s.delegations.map((d) => [d.name, d.color]));
  const decos: Decoration[] = [];
  const styleOf = (by: string) => (colors.get(by) ? `--by-color: ${colors.get(by)}` : '');
  // Open proposal runs: id → where the run ends, for the tag at its end.
  const runEnds = new Map<string, { end: number; by: string; kind: 'ins' | 'del'; shown: Shown }>();
  const flushRuns = (pos: number, keep: Set<string>) => {
    for (const [id, r] of runEnds) {
      if (keep.has(id) && r.end === pos) continue;
      if (r.shown === 'proposal-shown') decos.push(Decoration.widget(r.end, tagWidget(r.by, r.kind, colors.get(r.by) ?? ''), { side: -1, ignoreSelection: true, key: `tag-${id}-${r.end}-${r.by}` }));
      runEnds.delete(id);
    }
  };
  let active: string[] = [];
  let lastEnd = 0;
  const brackets = (pos: number, next: string[]) => {
    const closing = active.filter((id) => !next.includes(id)).length;
    const opening = next.filter((id) => !active.includes(id)).length;
    if (closing) decos.push(Decoration.widget(lastEnd, bracketWidget(']'.repeat(closing), 'close'), { side: -1, ignoreSelection: true, key: `bc-${lastEnd}-${closing}` }));
    if (opening) decos.push(Decoration.widget(pos, bracketWidget('['.repeat(opening), 'open'), { side: 1, ignoreSelection: true, key: `bo-${pos}-${opening}` }));
    active = next;
  };
  doc.descendants((node, pos) => {
    if (isPara(node)) {
      // A move shows like a paragraph deleted at its old place and inserted at its new one.
      const mv = paraMove(node);
      const p = paraProposal(node) ?? (mv ? { by: mv.by, kind: mv.kind === 'move-from' ? ('del' as const) : ('ins' as const) } : null);
      if (p) {
        const shown = shownAs(p.kind, p.by, s);
        const attrs: Record<string, string> = { class: `proposal-para proposal-para-${p.kind}${mv ? ` proposal-${mv.kind}` : ''} ${shown}`, 'data-by': p.by };
        const style = styleOf(p.by);
        if (style) attrs.style = style;
        decos.push(Decoration.node(pos, pos + node.nodeSize, attrs));
      }
      if (node.content.size === 0) flushRuns(-1, new Set());
      return true;
    }
    if (!node.isInline) return true;
    const end = pos + node.nodeSize;
    const ids = new Set<string>();
    for (const m of [insOf(node), delOf(node)]) {
      if (!m) continue;
      const kind = m.type === INS ? 'ins' : 'del';
      const by = m.attrs.by as string;
      const id = m.attrs.id as string;
      const shown = shownAs(kind, by, s);
      const attrs: Record<string, string> = { class: `proposal proposal-${kind} ${shown}`, 'data-by': by };
      const style = styleOf(by);
      if (style) attrs.style = style;
      decos.push(Decoration.inline(pos, end, attrs));
      ids.add(id);
    }
    flushRuns(pos, ids);
    for (const m of [insOf(node), delOf(node)]) {
      if (!m) continue;
      const kind = m.type === INS ? 'ins' : 'del';
      runEnds.set(m.attrs.id as string, { end, by: m.attrs.by as string, kind, shown: shownAs(kind, m.attrs.by as string, s) });
    }
    const bids = node.marks.filter((m) => m.type === BRACKET).map((m) => m.attrs.id as string);
    brackets(pos, bids);
    lastEnd = end;
    return false;
  });
  flushRuns(-1, new Set());
  brackets(lastEnd, []);
  return DecorationSet.create(doc, decos);
}

/** Key of the decorations plugin; its state is the DecorationSet of the current document and view. */
export const proposalDecorationsKey = new PluginKey<DecorationSet>('plenary-proposal-decorations');

/**
 * The decorations of negotiation's views as plugin state: rebuilt when the document or the
 * negotiation settings change, kept otherwise, so every state carries its own (no cache shared
 * between states or views). Must come after the proposals plugin, whose settings it reads.
 */
export function proposalDecorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: proposalDecorationsKey,
    state: {
      init: (_config, state) => buildDecorations(state.doc, settingsOf(state)),
      apply: (tr, prev, oldState, state) => {
        const settings = settingsOf(state);
        return tr.docChanged || settings !== settingsOf(oldState) ? buildDecorations(state.doc, settings) : prev;
      },
    },
    props: {
      decorations: (state) => proposalDecorationsKey.getState(state) ?? null,
    },
  });
}
