/**
 * `plenary merge DRAFT THEIRS.docx [-o OUT.plenary] [--author-map "Word author=Delegation;…"]`:
 * a delegation's Word file into the draft — tracked changes become proposals by their authors'
 * delegations, comments paragraph notes, untracked changes proposals by the file's author (flagged).
 * Prints the summary (per delegation, and what could not be placed); writes OUT (default: DRAFT
 * itself is left alone and the result goes to DRAFT.merged.plenary).
 */
import path from 'node:path';
import type { MergeSummary } from '../../shared/negotiation/merge.js';
import { APP_VERSION } from '../app-root.js';
import { writeFileAtomic } from '../services/fs-atomic.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './index.js';

export const mergeCommand: Command = {
  summary: "merge a delegation's Word file (tracked changes, comments) into a draft as proposals",
  usage: [
    'Usage: plenary merge DRAFT THEIRS.docx [-o OUT.plenary] [--author-map "Word author=Delegation;…"] [--json]',
    '  Tracked insertions and deletions in THEIRS become proposals by their authors (mapped to',
    '  delegations with --author-map; by default the author name itself), comments become notes,',
    '  text changed without Track Changes becomes proposals by the file author, flagged. Nothing is',
    '  accepted. OUT defaults to DRAFT with ".merged.plenary"; the summary goes to stderr',
    '  (--json: to stdout as JSON).',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, { output: { type: 'string', short: 'o' }, 'author-map': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('give DRAFT and THEIRS.docx.');
    const [draftPath, theirsPath] = positionals as [string, string];
    // Loaded here, not at start-up: every other command starts faster.
    const [{ parseAuthorMap }, { mergeWordFile }, { readDraft }, { serializePlenaryFile }] = await Promise.all([
      import('../../shared/negotiation/merge.js'),
      import('../services/word-merge.js'),
      import('./draft-file.js'),
      import('../../shared/resolution/file.js'),
    ]);
    let authorMap: Record<string, string> | undefined;
    try {
      authorMap = values['author-map'] !== undefined ? parseAuthorMap(values['author-map']) : undefined;
    } catch (e) {
      throw new UsageError(`--author-map: ${(e as Error).message}`);
    }
    const draft = await readDraft(draftPath);
    const result = mergeWordFile(draft.document, theirsPath, authorMap ? { authorMap } : {});
    const out = values.output ?? path.join(path.dirname(draftPath), `${path.basename(draftPath).replace(/\.[^.]+$/, '')}.merged.plenary`);
    const text = serializePlenaryFile(
      {
        document: result.document,
        ...(draft.file?.negotiation !== undefined ? { negotiation: draft.file.negotiation } : {}),
        ...(draft.file?.extra ? { extra: draft.file.extra } : {}),
        notes: [...draft.notes, ...result.notes],
        decisions: draft.decisions,
      },
      APP_VERSION,
    );
    writeFileAtomic(out, text);
    if (values.json) ctx.stdout.write(JSON.stringify(result.summary, null, 1) + '\n');
    ctx.stderr.write(summaryText(result.summary, path.basename(theirsPath)) + `wrote ${path.resolve(out)}\n`);
    return 0;
  },
};

/** The summary as lines for a person. */
export function summaryText(s: MergeSummary, name: string): string {
  const lines = [`${name}: ${s.paragraphsAligned} paragraphs matched by ${s.alignedBy === 'id' ? 'Plenary paragraph ids' : 'text'}.`];
  if (!s.delegations.length) lines.push('No changes or comments came in.');
  for (const d of s.delegations) {
    const parts = [
      [d.insertions, 'insertion'],
      [d.deletions, 'deletion'],
      [d.paragraphsInserted, 'new paragraph'],
      [d.paragraphsDeleted, 'paragraph deletion'],
      [d.moves, 'move'],
      [d.notes, 'note'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, w]) => `${n as number} ${w as string}${n === 1 ? '' : 's'}`);
    lines.push(`  ${d.delegation}: ${parts.join(', ')}${d.untracked ? ` (${d.untracked} made without Track Changes)` : ''}`);
  }
  if (s.unplaced.length) lines.push(`Could not be placed (${s.unplaced.length}):`);
  for (const u of s.unplaced) lines.push(`  ${u.what}: "${u.text.slice(0, 80)}" — ${u.reason}`);
  return lines.join('\n') + '\n';
}
