/**
 * The work of regex-backtracking.test.ts, run in a worker (test/helpers/in-worker.ts): every
 * regular-expression literal in src/ against adversarial inputs, and the parsers that run on
 * user text against the inputs that hung them (issue 10). Each probe reports its name before it
 * runs, so a probe that never ends is named by the test's timeout.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A regex literal found in the sources. */
export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function walk(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(?:ts|tsx|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every regular-expression literal under `srcDir`. */
export function findRegexLiterals(srcDir: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of walk(srcDir, [])) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (n as ts.RegularExpressionLiteral).text;
        const end = lit.lastIndexOf('/');
        found.push({ file: path.relative(srcDir, file), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/** Pieces that adversarial inputs repeat: what the usual quantifiers (\s, \d, \w, ., classes) eat. */
const PIECES = [' ', '1', 'a', 'A', '.', ',', ':', ';', '*', '-', '/', '(', ')', '[', ']', '^', '_', '#', '"', '”', 'é', 'я', '\t', '\u00a0', '\uE000', '\uE001', '<', '>', '=', '&', '1 ', 'a ', 'de ', 'of ', '. 1', '<sup>', '\\', '\n', '\uFFFC', '\uE004', '“', '〇', 'г', ' *', '.-', '\n '];
/** What ends an adversarial input: a character most patterns cannot accept there. */
const ENDS = ['', '!', 'x', '\u0000'];

/** The adversarial inputs of one length: each piece repeated, behind a few typical openings. */
export function adversarialInputs(n: number): string[] {
  const out: string[] = [];
  const openings = ['', 'Recalling its resolution.', 'The General Assembly,', '1. ', 'resolution ', '<p>', '[^', 'Distr.: '];
  for (const p of PIECES) {
    const body = p.repeat(Math.ceil(n / p.length));
    for (const e of ENDS) out.push(body + e);
    for (const o of openings) out.push(o + body + 'x');
  }
  return out;
}

/**
 * Runs every literal against the inputs; `report` names each regex before it runs. Resolves to
 * the slowest regexes (ms over all inputs), for the test's message.
 */
export function probeSourceRegexes(arg: { srcDir: string; length: number }, report: (s: string) => void): { count: number; slowest: { where: string; ms: number }[] } {
  report('(reading the sources)');
  const regexes = findRegexLiterals(arg.srcDir);
  const inputs = adversarialInputs(arg.length);
  const times: { where: string; ms: number }[] = [];
  for (const r of regexes) {
    const where = `${r.file}:${r.line} /${r.source}/${r.flags}`;
    report(where);
    const re = new RegExp(r.source, r.flags);
    const t0 = performance.now();
    for (const s of inputs) {
      re.lastIndex = 0;
      if (re.global || re.sticky) {
        // Bounded: a global regex is run as the code runs it (replace / matchAll over the text).
        s.replace(re, '');
      } else re.test(s);
    }
    times.push({ where, ms: Math.round(performance.now() - t0) });
  }
  times.sort((a, b) => b.ms - a.ms);
  return { count: regexes.length, slowest: times.slice(0, 5) };
}
