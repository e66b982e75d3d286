/**
 * Paragraph notes and the record of decided proposals, as the .plenary file stores them.
 *
 * A note (facilitator's or a delegation's) is attached to a paragraph by id: author, time, text,
 * resolved. Notes are exported as Word comments in the compilation and tracked exports, never in
 * the base or accepted text. A decision records a proposal that was accepted, rejected or
 * withdrawn (the document itself holds only the open ones), so `plenary proposals` can list the
 * whole history.
 */
import { z } from 'zod';

/** A note on a paragraph. */
export interface ParagraphNote {
  id: string;
  /** Id of the paragraph (block) the note is attached to. */
  paragraph: string;
  author: string;
  /** ISO 8601. */
  at: string;
  text: string;
  resolved: boolean;
}

/** What a proposal does, in the words of `plenary proposals --json`. */
export type ProposalType = 'insert' | 'delete' | 'insert-paragraph' | 'delete-paragraph' | 'move' | 'convert' | 'level';

/** Where a proposal stands. */
export type ProposalStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';

/** A decided proposal, kept after it left the document. */
export interface ProposalDecision {
  id: string;
  delegation: string;
  type: ProposalType;
  /** Paragraph id the proposal was in. */
  paragraph: string;
  text: string;
  status: Exclude<ProposalStatus, 'open'>;
  parent?: string;
  /** When it was decided, ISO 8601. */
  at: string;
}

/** Schema of a note in the file. */
export const noteSchema = z.object({
  id: z.string().min(1),
  paragraph: z.string().min(1),
  author: z.string(),
  at: z.string(),
  text: z.string(),
  resolved: z.boolean(),
});

/** Schema of a decision in the file. */
export const decisionSchema = z.object({
  id: z.string().min(1),
  delegation: z.string(),
  type: z.enum(['insert', 'delete', 'insert-paragraph', 'delete-paragraph', 'move', 'convert', 'level']),
  paragraph: z.string(),
  text: z.string(),
  status: z.enum(['accepted', 'rejected', 'withdrawn']),
  parent: z.string().optional(),
  at: z.string(),
});
