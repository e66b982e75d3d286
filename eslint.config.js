// Lint rules, including the rooms of the architecture: what each folder may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'zlib', 'worker_threads'];

/** Forbidden imports per room; exported so the lint test can check the rules exist. */
export const ROOM_RULES = {
  'src/shared/**': {
    patterns: [
      { group: nodeBuiltins, message: 'src/shared is pure: no Node built-ins (it runs in the renderer too).' },
      { group: ['electron', 'better-sqlite3'], message: 'src/shared is pure: no electron or better-sqlite3.' },
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/shared is pure: no React.' },
      { group: ['**/renderer/**', '**/main/**'], message: 'src/shared must not depend on main or renderer.' },
    ],
  },
  'src/renderer/**': {
    patterns: [
      { group: nodeBuiltins, message: 'The renderer has no Node: go through src/renderer/api.ts.' },
      { group: ['electron', 'better-sqlite3'], message: 'The renderer never imports electron or better-sqlite3: go through src/renderer/api.ts.' },
      { group: ['**/main/**'], message: 'The renderer must not import from src/main.' },
    ],
  },
  'src/main/services/**': {
    patterns: [{ group: ['electron', 'electron/*'], message: 'Services are plain Node: they run under Electron, the host, the CLI and tests.' }],
  },
  'src/main/db/**': {
    patterns: [{ group: ['electron', 'electron/*'], message: 'The database layer is plain Node.' }],
  },
  'src/main/host/**': {
    patterns: [{ group: ['electron', 'electron/*'], message: 'The loopback host runs without Electron.' }],
  },
  'src/main/cli/**': {
    patterns: [{ group: ['electron', 'electron/*'], message: 'The CLI runs without Electron.' }],
  },
};

/**
 * The DOM's globals, forbidden in src/shared: it runs in Node too (CLI, exporters, tests). Editor
 * widgets draw with the document of the view that shows them (`view.dom.ownerDocument`).
 */
export const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'getComputedStyle', 'requestAnimationFrame', 'HTMLElement', 'Element', 'KeyboardEvent', 'MouseEvent', 'DOMParser', 'MutationObserver'];

/**
 * What src/shared/editor may not import beyond the rules of src/shared: it works on editor states,
 * so no EditorView (views and node views live in src/renderer/editor); type imports are fine (a
 * widget's toDOM receives the view).
 */
export const EDITOR_STATE_RULES = {
  paths: [{ name: 'prosemirror-view', importNames: ['EditorView'], allowTypeImports: true, message: 'src/shared/editor works on states: views belong in src/renderer/editor (a type import is fine).' }],
};

/** Only src/main/db may touch better-sqlite3 (added to every other room under src/main). */
const SQLITE_ONLY_IN_DB = [{ name: 'better-sqlite3', message: 'Only src/main/db touches better-sqlite3.' }];
const sqliteOutsideDb = {
  files: ['src/main/**/*.{ts,cts}'],
  ignores: ['src/main/db/**'],
  rules: { 'no-restricted-imports': ['error', { paths: SQLITE_ONLY_IN_DB }] },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Regexes run on user text: nothing that can backtrack super-linearly (ReDoS) or capture misleadingly.
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    // Quadratic from where the search starts: /\s+$/ on a long run of spaces not at the end tries
    // every start in the run. A lookbehind such as (?<!\s) lets only the start of a run begin a
    // match, which keeps the leftmost match identical. The app's code runs on user text; tests,
    // benchmarks and scripts run on their own inputs.
    files: ['src/**'],
    rules: { 'regexp/no-super-linear-move': 'error' },
  },
  {
    // Built with new RegExp from parts: the first-character gate of RE_REFS is a deliberate speed-up
    // the rule reads as useless, and the alternatives are kept as written for each language.
    files: ['src/shared/resolution/symbols.ts', 'src/shared/text/diff.ts'],
    rules: {
      'regexp/no-useless-assertions': 'off',
      'regexp/no-dupe-disjunctions': 'off',
      'regexp/no-useless-escape': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-dupe-characters-character-class': 'off',
      'regexp/match-any': 'off',
      'regexp/no-unused-capturing-group': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/main/electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  sqliteOutsideDb,
  {
    files: ['src/shared/**/*.{ts,tsx,cts}'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'src/shared has no DOM (it runs in Node too); an editor widget draws with view.dom.ownerDocument.' }))],
    },
  },
  {
    files: ['src/shared/editor/**/*.{ts,tsx,cts}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', EDITOR_STATE_RULES] },
  },
  ...Object.entries(ROOM_RULES).map(([glob, rule]) => ({
    files: [glob.replace('/**', '/**/*.{ts,tsx,cts}')],
    rules: {
      'no-restricted-imports': [
        'error',
        glob.startsWith('src/main/') && glob !== 'src/main/db/**' ? { ...rule, paths: SQLITE_ONLY_IN_DB } : rule,
      ],
    },
  })),
);
