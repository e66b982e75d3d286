/**
 * Text pasted into Word (or converted to .docx by LibreOffice) from a PDF's text layer keeps its
 * hard line breaks: every printed line is a Word paragraph of its own, and the blank lines between
 * the printed paragraphs are empty Word paragraphs. Read paragraph by paragraph, such a document
 * cuts every resolution paragraph into line-sized pieces; read as the text it is (one line per Word
 * paragraph), the text importer rejoins the lines as it does for the PDF's own text layer.
 */

/**
 * True when a document's paragraphs (plain text, in order, empty ones included) are the lines
 * of hard-wrapped text: at least 10 of them hold text, 80 % of those are no longer than a printed
 * line (100 characters), and at least 10 % (and at least 5) run on into the next (no
 * clause-ending punctuation, and the next opens with a lower-case letter). A resolution typed in Word has long
 * paragraphs, each closed by "," ";" or ".", and fails both tests.
 */
export function looksHardWrapped(paragraphs: readonly string[]): boolean {
  const texts = paragraphs.map((p) => p.trim());
  const full = texts.filter((t) => t.length > 0);
  if (full.length < 10) return false;
  const short = full.filter((t) => t.length <= 100).length;
  let runOn = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const a = texts[i]!;
    const b = texts[i + 1]!;
    if (a && b && !/[.,;:!?]["”’)]*\s*\d{0,3}$/.test(a) && /^\p{Ll}/u.test(b)) runOn++;
  }
  return short >= full.length * 0.8 && runOn >= 5 && runOn >= full.length * 0.1;
}
