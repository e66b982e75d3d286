/**
 * The record of decided proposals: when an accept, reject or withdraw takes proposals out of the
 * document, each one that left is written down (who proposed what, where, and what became of it),
 * so the draft keeps its history (`plenary proposals`, the Notes and proposals panels). Pure.
 */
import type { ResolutionDocument } from '../resolution/model.js';
import { listProposals } from './list.js';
import type { ProposalDecision } from './notes.js';
import { forEachBlock, openProposalIds } from './views.js';

/**
 * The decisions an action made: every proposal open in `before` and gone from `after` gets
 * `status` (a proposal on a rejected or withdrawn proposal leaves with it, and shares its fate).
 * `paragraph` is the paragraph id the proposal was in.
 */
export function decisionsBetween(before: ResolutionDocument, after: ResolutionDocument, status: ProposalDecision['status'], at: string): ProposalDecision[] {
  const still = new Set(openProposalIds(after));
  const where = paragraphOfProposals(before);
  return listProposals(before)
    .proposals.filter((p) => p.status === 'open' && !still.has(p.id))
    .map((p) => ({
      id: p.id,
      delegation: p.delegation,
      type: p.type,
      paragraph: where.get(p.id) ?? '',
      text: p.text,
      status,
      ...(p.parent ? { parent: p.parent } : {}),
      at,
    }));
}

/** `record` with `added` in it: a later decision on the same proposal (after an undo) replaces the earlier. */
export function withDecisions(record: readonly ProposalDecision[], added: readonly ProposalDecision[]): ProposalDecision[] {
  const ids = new Set(added.map((d) => d.id));
  return [...record.filter((d) => !ids.has(d.id)), ...added];
}

/** Proposal id → id of the paragraph where it first occurs. */
function paragraphOfProposals(doc: ResolutionDocument): Map<string, string> {
  const out = new Map<string, string>();
  forEachBlock(doc, (b) => {
    if (b.proposal && !out.has(b.proposal.id)) out.set(b.proposal.id, b.id);
    for (const i of [...b.content, ...b.tail]) {
      if (i.t !== 'text') continue;
      for (const p of [i.ins, i.del]) if (p && !out.has(p.id)) out.set(p.id, b.id);
    }
  });
  return out;
}
