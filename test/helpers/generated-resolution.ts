/**
 * A resolution of `operative` numbered paragraphs (with some preambular ones, subparagraphs and
 * footnote-style marks), in the plain-text form of an official resolution; for scaling tests
 * and the import benchmark. Deterministic: the same count gives the same text.
 */
export function generatedResolution(operative: number, preambular = Math.min(50, Math.max(2, Math.floor(operative / 100)))): string {
  const lines: string[] = ['United Nations A/RES/99/1', '', 'General Assembly Distr.: General', '1 January 2030', '', 'Resolution adopted by the General Assembly on 1 January 2030', '', 'The General Assembly,', ''];
  const openings = ['Recalling', 'Reaffirming', 'Noting with concern', 'Welcoming', 'Bearing in mind'];
  for (let i = 0; i < preambular; i++) {
    lines.push(`${openings[i % openings.length]} its resolution ${60 + (i % 20)}/${i + 1} of ${1 + (i % 28)} December 2005 on the question of item ${i},${i % 7 === 0 ? '1' : ''}`, '');
  }
  const verbs = ['Decides', 'Requests', 'Calls upon', 'Encourages', 'Urges', 'Invites'];
  for (let k = 1; k <= operative; k++) {
    const last = k === operative;
    // Paragraph numbers have at most three digits (as in every UN resolution); longer texts count on.
    const i = ((k - 1) % 999) + 1;
    if (i % 10 === 0) {
      lines.push(`${i}. ${verbs[i % verbs.length]} all Member States:`, '');
      lines.push(`(a) To consider measure ${i} in accordance with resolution 70/${i % 300};`, '');
      lines.push(`(b) To report thereon at its next session${last ? '.' : ';'}`, '');
    } else {
      lines.push(`${i}. ${verbs[i % verbs.length]} the Secretary-General to report on item ${i}, paragraph ${i % 97}${last ? '.' : ';'}`, '');
    }
  }
  lines.push('100th plenary meeting', '1 January 2030');
  return lines.join('\n') + '\n';
}
