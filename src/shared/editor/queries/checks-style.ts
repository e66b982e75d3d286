/**
 * The style part of the checks panel: the UN editorial style check of English text
 * (src/shared/text/un-style.ts: spelling, capitalised UN names, dates) and, in every language whose
 * quotation marks are known (plugins/quotes.ts), the straight quotes left in the text (pasted, or
 * typed where the rule does not apply). Each finding has the replacement its Fix applies.
 */
import type { Language } from '../../resolution/model.js';
import { unStyleIssues, type StyleIssue, type StyleRule } from '../../text/un-style.js';
import { quoteReplacement } from '../plugins/quotes.js';

/** A style finding in a paragraph's text; `rule` 'quote' is a straight quotation mark. */
export interface StyleFinding extends Omit<StyleIssue, 'rule'> {
  rule: StyleRule | 'quote';
}

/** The straight quotes of `text` with the typographic mark each should be, decided in reading order. */
function straightQuotes(text: string, lang: Language): StyleFinding[] {
  const out: StyleFinding[] = [];
  let i = text.search(/["']/u);
  if (i < 0) return out;
  let before = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '"' && c !== "'") {
      before += c;
      continue;
    }
    // No space is replaced: the finding is the mark alone (French adds its no-break space inside).
    const r = quoteReplacement(c, before, lang, false);
    if (!r) {
      before += c;
      continue;
    }
    out.push({ rule: 'quote', from: i, to: i + 1, found: c, replacement: r.text, message: `Straight quotation mark: the UN writes “${r.text.trim()}”.` });
    before += r.text;
  }
  return out;
}

/** The style findings of a paragraph's (accepted) text in document language `lang`, in text order. */
export function styleFindings(text: string, lang: Language): StyleFinding[] {
  const quotes = straightQuotes(text, lang);
  const style: StyleFinding[] = unStyleIssues(text, lang);
  if (!quotes.length) return style;
  return [...style, ...quotes].sort((a, b) => a.from - b.from || a.to - b.to);
}
