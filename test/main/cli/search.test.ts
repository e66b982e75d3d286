// `plenary search` as a user runs it: newest first by default (like the app), --order relevance on
// request, a clear usage error for anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../../src/main/services/library.js';
import { dataPaths } from '../../../src/main/services/paths.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';
import { CLI_TEST_TIMEOUT, runCli } from '../../helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  const lib = new LibraryService(dataPaths(tmp.dir).library);
  try {
    // Imported oldest first; the 78th-session text says "water" most often, in the fewest words.
    const add = (symbol: string, op: string) => lib.addDocument(libraryDoc({ symbol, session: symbol.split('/')[2]!, adoptionDate: '2024-12-01', language: 'en' }, ['Recalling,'], [op]), { file: symbol, hash: symbol });
    add('A/RES/78/5', 'Stresses water, water and water;');
    add('A/RES/79/5', 'Stresses that access to safe drinking water and sanitation is a human right for all people everywhere;');
    add('A/RES/80/5', 'Notes the report on water and on many other matters before the Assembly at the present session;');
  } finally {
    lib.close();
  }
});
afterAll(() => tmp.cleanup());

const search = (...args: string[]) => runCli(['search', '--data', tmp.dir, '--json', ...args], { PLENARY_NO_STARTER: '1' });
const symbols = (stdout: string) => (JSON.parse(stdout) as { hits: { symbol: string }[] }).hits.map((h) => h.symbol);

describe('plenary search --order', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('lists the newest first by default and with --order newest, the best first with --order relevance', () => {
    const byDefault = search('water');
    expect(byDefault.status).toBe(0);
    expect(symbols(byDefault.stdout)).toEqual(['A/RES/80/5', 'A/RES/79/5', 'A/RES/78/5']);
    expect(symbols(search('water', '--order', 'newest').stdout)).toEqual(['A/RES/80/5', 'A/RES/79/5', 'A/RES/78/5']);
    const relevance = search('water', '--order', 'relevance');
    expect(relevance.status).toBe(0);
    expect(symbols(relevance.stdout)[0]).toBe('A/RES/78/5');
  });

  it('refuses another order with a usage error and prints nothing', () => {
    const r = search('water', '--order', 'oldest');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--order is newest or relevance, not "oldest"');
    expect(r.stdout).toBe('');
  });
});
