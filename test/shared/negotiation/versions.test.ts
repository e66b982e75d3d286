// Version comparison: real pairs of resolutions from consecutive sessions, and synthetic
// versions with inserted, deleted, moved and rewritten paragraphs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { compareVersions, exportComparisonHtml, type ParagraphComparison } from '../../../src/shared/negotiation/versions.js';
import { emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS as CORPUS_ROOT } from '../../helpers/corpus.js';

const CORPUS = `${CORPUS_ROOT}/ga-en`;

function load(name: string): ResolutionDocument {
  return parseResolutionText(readFileSync(`${CORPUS}/${name}.txt`, 'utf8'), { fileName: `${name}.txt` }).document;
}

const changesOf = (p: ParagraphComparison) => p.diff.filter((o) => o.op !== 'eq').map((o) => `${o.op}:${o.text}`);

describe('oil slick on Lebanese shores, 78/143 → 79/200', () => {
  const cmp = compareVersions(load('A_RES_78_143'), load('A_RES_79_200'));

  it('matches every paragraph and finds the few that changed', () => {
    expect(cmp.summary).toMatchObject({ paragraphsA: 22, paragraphsB: 22, inserted: 0, deleted: 0, moved: 0, matchedById: 22 });
    const changed = cmp.paragraphs.filter((p) => p.status === 'changed').map((p) => p.b!.designation);
    // The list of resolutions recalled, the reference to last year's resolution, the count of
    // years, and the session asked for the next report.
    expect(changed).toEqual(['PP1', 'PP7', 'PP9', 'OP2', 'OP9']);
    expect(cmp.summary.same).toBe(22 - cmp.summary.changed);
  });

  it('shows the number and date changes word by word', () => {
    const by = (d: string) => cmp.paragraphs.find((p) => p.b?.designation === d)!;
    expect(changesOf(by('OP2'))).toEqual(['del:eighteenth', 'ins:nineteenth']);
    expect(changesOf(by('OP9'))).toEqual(['del:seventy-ninth', 'ins:eightieth']);
    expect(changesOf(by('PP9'))).toEqual(['del:77', 'ins:78', 'del:157', 'ins:143']);
    const pp1 = changesOf(by('PP1')).join(' | ');
    expect(pp1).toContain('78/143');
    expect(pp1).toContain('19 December 2023');
    // Only the changed words, not the whole paragraph.
    expect(by('PP1').diff.filter((o) => o.op === 'eq').map((o) => o.text).join('')).toContain('61/194 of 20 December 2006');
    // Footnote 6: the report of the Secretary-General of the new session.
    const notes = cmp.footnotes.filter((f) => f.status !== 'same');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.diff.map((o) => `${o.op}:${o.text}`).join(' ')).toBe('eq:A/ del:78 ins:79 eq:/ del:280 ins:294 eq:.');
  });

  it('exports the comparison as self-contained HTML', () => {
    const html = exportComparisonHtml(cmp, { title: '78/143 → 79/200', nameA: '78/143', nameB: '79/200' });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('<del>eighteenth</del><ins><b>nineteenth</b></ins>');
    expect(html).toContain('ins { text-decoration: underline; font-weight: bold; }');
    expect(html).toContain('78/143 → 79/200');
    expect(exportComparisonHtml(cmp, { onlyChanges: true }).match(/<tr class="/g)!.length).toBeLessThan(html.match(/<tr class="/g)!.length);
  });
});

function version(pre: Block[], ops: Block[]): ResolutionDocument {
  return { meta: emptyFrontMatter({ title: 'Test' }), preambular: pre, operative: ops, footnotes: [], annexes: [] };
}

describe('synthetic versions', () => {
  const zero = version(
    [textBlock('a', 'Recalling its resolution 78/1 on the subject,'), textBlock('b', 'Noting with concern the situation,')],
    [
      textBlock('c', 'Requests the Secretary-General to report;'),
      textBlock('d', 'Calls upon States to cooperate fully;'),
      textBlock('e', 'Encourages donors to contribute;'),
      textBlock('f', 'Decides to remain seized of the matter.'),
    ],
  );

  it('recognizes a moved paragraph, an insertion, a deletion and a change', () => {
    const rev1 = version(
      [textBlock('a', 'Recalling its resolution 78/1 on the subject,'), textBlock('x', 'Welcoming the report of the Secretary-General,')],
      [
        textBlock('e', 'Encourages donors to contribute;'),
        textBlock('c', 'Requests the Secretary-General to report;'),
        textBlock('d', 'Calls upon all States to cooperate fully;'),
        textBlock('f', 'Decides to remain seized of the matter.'),
      ],
    );
    const cmp = compareVersions(zero, rev1);
    const rows = cmp.paragraphs.map((p) => `${p.status}:${p.a?.designation ?? '-'}→${p.b?.designation ?? '-'}`);
    expect(rows).toEqual(['same:PP1→PP1', 'deleted:PP2→-', 'inserted:-→PP2', 'moved:OP3→OP1', 'same:OP1→OP2', 'changed:OP2→OP3', 'same:OP4→OP4']);
    expect(changesOf(cmp.paragraphs[5]!)).toEqual(['ins:all ']);
    expect(cmp.summary).toMatchObject({ same: 3, changed: 1, inserted: 1, deleted: 1, moved: 1, movedChanged: 0 });
    const html = exportComparisonHtml(cmp);
    expect(html).toContain('[Moved from OP3]');
    expect(html).toContain('<ins><b>all </b></ins>');
  });

  it('matches by text when ids differ, and does not trust positional ids of imported texts', () => {
    // As two imports would give: ids by position, a paragraph inserted at the top.
    const imported = version(
      [textBlock('pp1', 'Reaffirming the Charter of the United Nations,'), textBlock('pp2', 'Recalling its resolution 78/1 on the subject,'), textBlock('pp3', 'Noting with concern the situation,')],
      [
        textBlock('op1', 'Requests the Secretary-General to report;'),
        textBlock('op2', 'Calls upon States to cooperate fully;'),
        textBlock('op3', 'Encourages donors to contribute;'),
        textBlock('op4', 'Decides to remain seized of the matter.'),
      ],
    );
    const first = version(
      [textBlock('pp1', 'Recalling its resolution 78/1 on the subject,'), textBlock('pp2', 'Noting with concern the situation,')],
      zero.operative.map((b, i) => ({ ...b, id: `op${i + 1}` })),
    );
    const cmp = compareVersions(first, imported);
    expect(cmp.paragraphs.map((p) => `${p.status}:${p.a?.id ?? '-'}→${p.b?.id ?? '-'}`)).toEqual([
      'inserted:-→pp1',
      'same:pp1→pp2',
      'same:pp2→pp3',
      'same:op1→op1',
      'same:op2→op2',
      'same:op3→op3',
      'same:op4→op4',
    ]);
    expect(cmp.summary.matchedByText).toBe(2);
    // A paragraph rewritten under the same id stays matched (changed, not deleted + inserted).
    const rewritten = version(zero.preambular, [textBlock('c', 'Invites the Secretary-General to brief Member States;'), ...zero.operative.slice(1)]);
    const r = compareVersions(zero, rewritten);
    expect(r.paragraphs[2]).toMatchObject({ status: 'changed', matchedBy: 'id' });
  });

  it('compares the clean text of proposals by default', () => {
    const withProposals = version(zero.preambular, [
      {
        id: 'c',
        content: [
          { t: 'text', text: 'Requests the Secretary-General to ' },
          { t: 'text', text: 'report', del: { id: 's1', by: 'G77', at: '' } },
          { t: 'text', text: ' and brief', ins: { id: 's2', by: 'EU', at: '' } },
          { t: 'text', text: ';' },
        ],
        children: [],
        tail: [],
      },
      ...zero.operative.slice(1),
    ]);
    expect(changesOf(compareVersions(zero, withProposals).paragraphs[2]!)).toEqual(['del:report', 'ins:and brief']);
    expect(changesOf(compareVersions(zero, withProposals, { text: 'all' }).paragraphs[2]!)).toEqual(['ins: and brief']);
  });
});

describe('the comparison says who proposes what, statuses in words, and brackets', () => {
  it('names the delegations of open proposals, writes statuses in words and keeps brackets', async () => {
    const { negotiatedDraft } = await import('../../helpers/negotiated.js');
    const { baseView } = await import('../../../src/shared/negotiation/views.js');
    const now = negotiatedDraft();
    now.operative[0] = { ...now.operative[0]!, status: 'adref' };
    const cmp = compareVersions(baseView(negotiatedDraft()), now);
    const op1 = cmp.paragraphs.find((p) => p.b?.id === 'op1')!;
    expect(op1.b!.proposals).toEqual(['EU', 'G77 and China']);
    expect(op1.b!.text).toContain('[all');
    const html = exportComparisonHtml(cmp);
    expect(html).toContain('Now agreed ad ref (was open).');
    expect(html).not.toContain('[Status:');
    expect(html).toContain('Open proposals by EU, G77 and China (shown as if accepted).');
    expect(html).toContain('[all');
  });
});
