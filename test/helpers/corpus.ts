// Where the shared corpus is. CI and the main checkout have it beside the clone (../shared/corpus);
// a git worktree sits one or more folders deeper (wt/NAME), so the folders above the repository are
// searched in turn. Never an absolute path: the same tests run on any machine.
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The nearest `shared/corpus` folder beside the repository or beside one of its parent folders. */
function findCorpus(): string {
  let dir = path.dirname(REPO_ROOT);
  for (;;) {
    const candidate = path.join(dir, 'shared', 'corpus');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(path.dirname(REPO_ROOT), 'shared', 'corpus'); // reads then fail naming ../shared/corpus
    dir = parent;
  }
}

/** The corpus folder (see the corpus README): `ga-en/`, `sc-en/`, `pdf/`, … */
export const CORPUS = findCorpus();
