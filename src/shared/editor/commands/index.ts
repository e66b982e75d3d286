/**
 * The editor's commands, in ProseMirror's form `(state, dispatch?) => boolean`: paragraphs as
 * units, text, the document's front matter, agreed language. Negotiation's commands are in
 * `../negotiation/`.
 */
export { convertKind, groupRange, indent, moveParagraph, moveParagraphTo, outdent, splitParagraph } from './paragraphs.js';
export { insertCrossRef, insertFootnote, punctuate, punctuateTr, togglePhrase } from './text.js';
export { setMeta, setNegotiationNumbering } from './document.js';
export { insertHeading, partRestartAt, renumberHeadings, setPartRestart, togglePartRestart } from './headings.js';
export { goToTextEdge, textEdge } from './navigate.js';
export { insertAgreed, replaceWithAgreed, type AgreedText } from './agreed.js';
