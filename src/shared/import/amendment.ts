/**
 * Amendment documents ("Belarus: amendment to draft resolution A/80/L.27"): the body is a list of
 * instructions, each an instruction paragraph ("After operative paragraph 89, insert a new
 * paragraph reading:", "In operative paragraph 1, replace “Welcomes” with “Takes note of”.")
 * and, where the instruction ends with a colon, the paragraph(s) it quotes, words exactly as
 * printed. The parser reads such a body as ordinary paragraphs; this module marks the quoted
 * ones (Block.quoted) and puts every instruction among the operative paragraphs, so that the
 * editor, the exports and `parse --json` ("amendments") can tell instruction from quoted text.
 *
 * Model decision: a quoted paragraph is an attribute on a paragraph (not a node of its own). It
 * stands right after its instruction in the operative list, unnumbered, as a part's preamble
 * does; the editor holds it in a `pp` node with `quoted: true`, so numbering, editing, undo and
 * the exports' paragraph layout work unchanged, and the official look (the quoted paragraph set
 * as a paragraph of its own under the instruction, A/80/L.19) is what they already print.
 */
import { blockText, isParagraph, type Block, type Inline, type ResolutionDocument } from '../resolution/model.js';

/** The verb of an amendment instruction, after an optional "In operative paragraph 2," / "After …,". */
const RE_INSTRUCTION = /^(?:(?:in|after|before|at the end of|following)\b[^:“"]{0,160}?,\s*)?(?:insert|add|delete|replace|amend|reword|renumber|move|merge)\b/i;

/** True for the text of an instruction of an amendment ("Delete operative paragraphs 5, 6, 10 and 13."). */
export function isInstruction(text: string): boolean {
  return RE_INSTRUCTION.test(text.trim());
}

/**
 * Marks the paragraphs an amendment document's instructions quote (those after an instruction
 * that ends with a colon, up to the next instruction) and moves every instruction and quoted
 * paragraph into the operative list, in reading order. A document with no instruction is left as
 * it is. Words and their order never change.
 */
export function markAmendment(doc: ResolutionDocument): void {
  const body = [...doc.preambular, ...doc.operative];
  const first = body.findIndex((b) => isParagraph(b) && isInstruction(blockText(b)));
  if (first < 0) return;
  // "…insert a new paragraph reading: “89 bis. Decides …”" read as one paragraph: the quotation
  // becomes the paragraph it is.
  for (let k = body.length - 1; k >= first; k--) {
    const b = body[k]!;
    const at = isParagraph(b) && b.children.length === 0 && b.tail.length === 0 ? quoteAfterColon(blockText(b)) : -1;
    if (at < 0) continue;
    const [head, rest] = splitInlines(b.content, at);
    b.content = head;
    body.splice(k + 1, 0, { id: `${b.id}-q`, content: rest, children: [], tail: [] });
  }
  let quoting = false;
  for (const b of body.slice(first)) {
    if (!isParagraph(b)) {
      quoting = false;
      continue;
    }
    const t = blockText(b).trim();
    if (isInstruction(t)) {
      delete b.preambular;
      delete b.quoted;
      quoting = /:$/.test(t) && b.children.length === 0;
    } else if (quoting) {
      delete b.preambular;
      b.quoted = true;
    }
  }
  doc.operative = body.slice(first);
  doc.preambular = body.slice(0, first);
}

/**
 * Takes out of an amendment's body lines its notes set without a rule at the foot of the page
 * ("* Any changes to the list of sponsors …", "** United Nations, Treaty Series, …"): a line that
 * opens with stars after a blank line, and the lines under it up to the next blank line. Returns
 * the lines left and the notes (mark, text); only star marks, which an instruction never opens with.
 */
export function takeStarNotes(lines: readonly string[], isBreak: (l: string) => boolean): { lines: string[]; notes: { mark: string; text: string }[] } {
  const out: string[] = [];
  const notes: { mark: string; text: string }[] = [];
  let inNote = false;
  for (const l of lines) {
    const m = /^(\*{1,3})\s+(\S.*)$/.exec(l.trim());
    if (m && (out.length === 0 || isBreak(out[out.length - 1]!) || inNote)) {
      notes.push({ mark: m[1]!, text: m[2]! });
      inNote = true;
      continue;
    }
    if (inNote && !isBreak(l)) {
      notes[notes.length - 1]!.text += ` ${l.trim()}`;
      continue;
    }
    inNote = false;
    out.push(l);
  }
  return { lines: out, notes };
}

/**
 * Where the quotation starts in an instruction that runs on into it ("… reading: “89 bis. …”"):
 * the offset of the opening quotation mark, or -1.
 */
function quoteAfterColon(t: string): number {
  if (!isInstruction(t)) return -1;
  const m = /:\s+(?=[“"])/.exec(t);
  return m ? m.index + m[0].length : -1;
}

/** Inline runs cut at a character offset of their text (references count as no characters). */
function splitInlines(content: readonly Inline[], at: number): [Inline[], Inline[]] {
  const head: Inline[] = [];
  const rest: Inline[] = [];
  let seen = 0;
  for (const i of content) {
    if (i.t !== 'text') {
      (seen < at ? head : rest).push(i);
      continue;
    }
    const cut = at - seen;
    if (cut >= i.text.length) head.push(i);
    else if (cut <= 0) rest.push(i);
    else {
      const a = i.text.slice(0, cut).trimEnd();
      if (a) head.push({ ...i, text: a });
      rest.push({ ...i, text: i.text.slice(cut) });
    }
    seen += i.text.length;
  }
  return [head, rest];
}

/** An instruction with the text it quotes, as `parse --json` gives them. */
export interface AmendmentJson {
  /** The instruction as printed ("Delete the thirty-eighth preambular paragraph reading:"). */
  instruction: string;
  /** The quoted paragraphs, one per line, words as printed; "" when the instruction quotes inline. */
  text: string;
}

/**
 * The instructions of an amendment document with their quoted text (see the module comment);
 * `flat` gives a paragraph's text with its subparagraphs. [] for a document without instructions.
 */
export function amendmentsOf(doc: ResolutionDocument, flat: (b: Block) => string): AmendmentJson[] {
  const out: AmendmentJson[] = [];
  for (const b of doc.operative) {
    if (!isParagraph(b)) continue;
    if (b.quoted && out.length > 0) {
      const last = out[out.length - 1]!;
      last.text = last.text ? `${last.text}\n${flat(b)}` : flat(b);
    } else if (isInstruction(blockText(b))) out.push({ instruction: flat(b), text: '' });
  }
  return out;
}
