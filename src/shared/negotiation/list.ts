/**
 * The list of a draft's proposals and notes, as `plenary proposals --json` prints it and the Notes
 * and proposals panels can show it: open proposals read from the document (text marks and
 * paragraph proposals), decided ones from the file's record, notes from the file. Pure.
 */
import type { Block, Inline, ParagraphProposal, ResolutionDocument } from '../resolution/model.js';
import { toDoc } from '../resolution/convert.js';
import { computeStructure } from '../resolution/structure.js';
import type { ParagraphNote, ProposalDecision, ProposalStatus, ProposalType } from './notes.js';

/** One proposal in the list. */
export interface ListedProposal {
  id: string;
  delegation: string;
  type: ProposalType;
  /** Designation of the paragraph ("OP3", "PP2bis", "OP7 (a)"); for a move, where it goes. */
  paragraph: string;
  text: string;
  status: ProposalStatus;
  /** The proposal this one amends, or null. */
  parent: string | null;
}

/** One note in the list. */
export interface ListedNote {
  paragraph: string;
  author: string;
  text: string;
  resolved: boolean;
}

/** The whole list: exactly the shape of `plenary proposals --json`. */
export interface ProposalList {
  proposals: ListedProposal[];
  notes: ListedNote[];
}

/** The type of a whole-paragraph proposal. */
export function paragraphProposalType(p: ParagraphProposal): ProposalType {
  if (p.kind === 'ins') return 'insert-paragraph';
  if (p.kind === 'del') return 'delete-paragraph';
  return p.as === 'convert' ? 'convert' : p.as === 'level' ? 'level' : 'move';
}

/** Paragraph id → designation ("OP3", "OP7 (a)"), from the same structure code as the editor. */
export function designations(doc: ResolutionDocument): Map<string, string> {
  const s = computeStructure(toDoc(doc), doc.meta.language);
  const out = new Map<string, string>();
  for (const p of s.paras) if (!out.has(p.id)) out.set(p.id, p.designation);
  return out;
}

interface Entry extends ListedProposal {
  /** Key of the last piece added (paragraph and inline index), to join distant pieces with " … ". */
  lastKey: string;
  paragraphId: string;
}

/**
 * Every open proposal of `doc` in document order (where it first occurs), then the decided ones
 * from `decisions`, and the notes. Text pieces of one proposal that are not adjacent are joined
 * by " … "; a whole-paragraph proposal's text is the paragraph's text.
 */
export function listProposals(doc: ResolutionDocument, notes: readonly ParagraphNote[] = [], decisions: readonly ProposalDecision[] = []): ProposalList {
  const names = designations(doc);
  const byId = new Map<string, Entry>();
  const add = (e: Omit<Entry, 'lastKey'>) => {
    if (!byId.has(e.id)) byId.set(e.id, { ...e, lastKey: '' });
    return byId.get(e.id)!;
  };
  const inlines = (b: Block, part: 'c' | 't', list: readonly Inline[]) => {
    list.forEach((i, k) => {
      if (i.t !== 'text') return;
      for (const [p, type] of [
        [i.ins, 'insert'],
        [i.del, 'delete'],
      ] as const) {
        if (!p) continue;
        const e = add({ id: p.id, delegation: p.by, type, paragraph: names.get(b.id) ?? b.id, paragraphId: b.id, text: '', status: 'open', parent: p.parent ?? null });
        if (e.type === 'insert-paragraph' || e.type === 'delete-paragraph' || e.type === 'move' || e.type === 'convert' || e.type === 'level') continue;
        const key = `${b.id}:${part}:${k}`;
        const prev = e.lastKey.split(':');
        const adjacent = prev[0] === b.id && prev[1] === part && Number(prev[2]) === k - 1;
        e.text += e.lastKey && !adjacent ? ` … ${i.text}` : i.text;
        e.lastKey = key;
      }
    });
  };
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      const p = b.proposal;
      if (p) {
        const e = add({ id: p.id, delegation: p.by, type: paragraphProposalType(p), paragraph: names.get(b.id) ?? b.id, paragraphId: b.id, text: '', status: 'open', parent: p.parent ?? null });
        // A move is listed where the paragraph goes.
        if (p.kind === 'move-to') e.paragraph = names.get(b.id) ?? b.id;
        if (!e.text) e.text = plain(b.content);
      }
      inlines(b, 'c', b.content);
      walk(b.children);
      inlines(b, 't', b.tail);
    }
  };
  walk(doc.preambular);
  walk(doc.operative);
  for (const a of doc.annexes) walk(a.paragraphs);
  const proposals: ListedProposal[] = [...byId.values()].map(({ lastKey: _k, paragraphId: _p, ...e }) => e);
  for (const d of decisions) {
    if (byId.has(d.id)) continue;
    proposals.push({ id: d.id, delegation: d.delegation, type: d.type, paragraph: names.get(d.paragraph) ?? d.paragraph, text: d.text, status: d.status, parent: d.parent ?? null });
  }
  return {
    proposals,
    notes: notes.map((n) => ({ paragraph: names.get(n.paragraph) ?? n.paragraph, author: n.author, text: n.text, resolved: n.resolved })),
  };
}

function plain(list: readonly Inline[]): string {
  let s = '';
  for (const i of list) if (i.t === 'text') s += i.text;
  return s;
}
