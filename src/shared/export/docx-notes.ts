/**
 * The Word exporter's footnotes: Word's own separators, the sponsor note as a custom-mark (`*`)
 * footnote that takes no number, and the numbered notes. Split from docx.ts.
 */
import { BuilderElement, ContinuationSeparator, LineRuleType, Paragraph, Separator, Tab, TextRun, type Document, type FootNotes, type ParagraphChild } from 'docx';
import { para, text, type RunContext } from './docx-body.js';
import type { Star } from './docx-masthead.js';
import { STYLE } from './docx-styles.js';
import type { DocumentLayout } from './layout.js';

function footnoteParagraph(children: ParagraphChild[], ctx: RunContext): Paragraph {
  // Word puts the footnote's own mark first; the tab takes the text to the hanging indent.
  return para(STYLE.footnote, [new TextRun({ children: [new Tab()] }), ...children], ctx);
}

/**
 * Replaces the docx package's separator footnotes (ids -1 and 0) with Word's own: a paragraph
 * holding only the separator (or continuation separator) mark. The package also puts a
 * footnote-number run (w:footnoteRef) in them, which no Word file has and which Word can report
 * as damage. (The Secretariat's separator is 18 underscores at 8 pt from 99.6 pt; LibreOffice
 * draws no separator at all for a typed one, so the file keeps Word's drawn line.)
 */
function wordSeparators(notes: FootNotes): void {
  const root = (notes as unknown as { root: unknown[] }).root;
  const special = (id: -1 | 0): BuilderElement => {
    const type = id === -1 ? 'separator' : 'continuationSeparator';
    return new BuilderElement({
      name: 'w:footnote',
      attributes: { type: { key: 'w:type', value: type }, id: { key: 'w:id', value: id } },
      children: [new Paragraph({ spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ children: [id === -1 ? new Separator() : new ContinuationSeparator()] })] })],
    });
  };
  // The package's constructor puts them right after the namespace attributes, separator first.
  root.splice(1, 2, special(-1), special(0));
}

/**
 * Writes the footnotes of `doc`: the separators, the sponsor note (`star`, id 1) and numbered note
 * n as id n + the context's offset, each with its content from `texts` (by number).
 */
export function writeFootnotes(doc: Document, layout: DocumentLayout, ctx: RunContext, star: Star | null, texts: ReadonlyMap<number, ParagraphChild[]>): void {
  const notes = doc.FootNotes.View;
  wordSeparators(notes);
  if (star) {
    // A custom-mark footnote: its body starts with the mark itself, not with Word's number.
    const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
    const body = para(STYLE.footnote, [new TextRun({ style: 'FootnoteReference', text: '*' }), new TextRun({ children: [new Tab()] }), text(star.note, rtl)], ctx);
    notes.addChildElement(new BuilderElement({ name: 'w:footnote', attributes: { id: { key: 'w:id', value: star.id } }, children: [body] }));
  }
  for (const f of layout.footnotes) notes.createFootNote(f.number + ctx.footnoteOffset, [footnoteParagraph(texts.get(f.number) ?? [], ctx)]);
}
