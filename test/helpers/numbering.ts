// The numbering invariant of pending moves, for tests: the living paragraphs of a document carry
// the labels, designations and roles they have once every move is accepted, and each ghost
// (move-from) those it has once every move is rejected.
import type { Node as PMNode } from 'prosemirror-model';
import { computeStructure, type ParaInfo } from '../../src/shared/resolution/structure.js';
import { fromDoc, toDoc } from '../../src/shared/resolution/convert.js';
import { acceptedView, baseView } from '../../src/shared/negotiation/views.js';
import { decideMove } from '../../src/shared/editor/negotiation/structural.js';
import { paraMove } from '../../src/shared/editor/negotiation/moves.js';
import type { FrontMatter } from '../../src/shared/resolution/model.js';

const shown = (p: ParaInfo) => `${p.label}|${p.designation}|${p.role}`;
const isGhost = (p: ParaInfo) => paraMove(p.node)?.kind === 'move-from';

/** '' when `doc`'s numbering agrees with that of `accepted` (moves accepted) and `base` (moves rejected), else what differs. */
export function numberingAgrees(doc: PMNode, accepted: PMNode, base: PMNode): string {
  const lang = (doc.attrs.meta as FrontMatter).language;
  const s = computeStructure(doc, lang);
  const acc = computeStructure(accepted, lang).paras;
  const rejected = computeStructure(base, lang).byId;
  const accById = new Map(acc.map((p) => [p.id, p]));
  // Accepting gives each new place its ghost's id back.
  const back = new Map([...s.movedTo].map(([ghost, to]) => [to, ghost]));
  const living = s.paras.filter((p) => !isGhost(p));
  if (living.length !== acc.length) return `${living.length} living paragraphs, ${acc.length} accepted`;
  for (const p of living) {
    const a = accById.get(back.get(p.id) ?? p.id);
    if (!a || shown(p) !== shown(a)) return `${p.id}: ${shown(p)} ≠ accepted ${a ? shown(a) : '(missing)'}`;
  }
  for (const g of s.paras.filter(isGhost)) {
    const b = rejected.get(g.id);
    if (!b || shown(g) !== shown(b)) return `ghost ${g.id}: ${shown(g)} ≠ base ${b ? shown(b) : '(missing)'}`;
  }
  return '';
}

/** {@link numberingAgrees} against the export views (for a document whose only paragraph proposals are moves). */
export function numberingAgreesWithViews(doc: PMNode): string {
  return numberingAgrees(doc, toDoc(acceptedView(fromDoc(doc))), toDoc(baseView(fromDoc(doc))));
}

/** {@link numberingAgrees} against the editor's own decisions: every move accepted, every move rejected. */
export function numberingAgreesWithDecisions(doc: PMNode): string {
  const ids = new Set<string>();
  doc.descendants((n) => {
    const m = paraMove(n);
    if (m) ids.add(m.id);
    return !n.isTextblock;
  });
  let accepted = doc;
  let base = doc;
  for (const id of ids) {
    accepted = decideMove(accepted, id, 'accept');
    base = decideMove(base, id, 'reject');
  }
  return numberingAgrees(doc, accepted, base);
}
