/**
 * `plenary proposals FILE [--json]`: a draft's proposals (open ones from the text, decided ones
 * from the file's record) and its paragraph notes. `--json` prints one object
 * `{"proposals": [{id, delegation, type, paragraph, text, status, parent}], "notes": [{paragraph, author, text, resolved}]}`.
 */
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './index.js';

export const proposalsCommand: Command = {
  summary: "list a draft's proposals and paragraph notes",
  usage: [
    'Usage: plenary proposals FILE [--json]',
    '  FILE: a .plenary draft (or anything `plenary parse` reads). Lists every proposal with its',
    '  delegation, type, paragraph, text and status, then the notes; --json prints one JSON object.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE.');
    const [{ listProposals }, { readDraft }] = await Promise.all([import('../../shared/negotiation/list.js'), import('./draft-file.js')]);
    const draft = await readDraft(positionals[0]!);
    const list = listProposals(draft.document, draft.notes, draft.decisions);
    if (values.json) {
      ctx.stdout.write(JSON.stringify(list, null, 1) + '\n');
      return 0;
    }
    if (!list.proposals.length) ctx.stdout.write('No proposals.\n');
    for (const p of list.proposals) {
      const parent = p.parent ? ` (on ${p.parent})` : '';
      ctx.stdout.write(`${p.paragraph}\t${p.delegation}\t${p.type}\t${p.status}${parent}\t${JSON.stringify(p.text)}\n`);
    }
    if (list.notes.length) ctx.stdout.write('\nNotes:\n');
    for (const n of list.notes) ctx.stdout.write(`${n.paragraph}\t${n.author}${n.resolved ? ' (resolved)' : ''}\t${JSON.stringify(n.text)}\n`);
    return 0;
  },
};
