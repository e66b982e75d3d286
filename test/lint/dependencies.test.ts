// Every package the code imports is declared in package.json, and what the compiled app and CLI
// load at run time (src/main, src/shared) is a production dependency: a packaged build installs
// only `dependencies`, so a development-only import there would fail on a user's machine.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Provided by the Electron runtime itself, not installed into the packaged app. */
const RUNTIME_PROVIDED = new Set(['electron']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const scanned = new Map<string, string[]>();

/** Package names a file imports at run time (type-only imports are erased by the compiler). */
function packagesOf(file: string): string[] {
  const hit = scanned.get(file);
  if (hit) return hit;
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const out = specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  scanned.set(file, out);
  return out;
}

// Parsing a few hundred files takes seconds on a loaded machine: a generous timeout, no timing.
describe('declared dependencies', { timeout: 300_000 }, () => {
  it('every imported package is declared in package.json', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const missing: string[] = [];
    for (const dir of ['src', 'test', 'bench', 'scripts', 'bin']) {
      for (const file of files(dir)) for (const p of packagesOf(file)) if (!declared.has(p)) missing.push(`${file}: ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('the main process, CLI and shared core import only production dependencies', () => {
    const wrong: string[] = [];
    for (const dir of ['src/main', 'src/shared', 'bin']) {
      for (const file of files(dir)) {
        for (const p of packagesOf(file)) {
          if (!(p in pkg.dependencies) && !RUNTIME_PROVIDED.has(p) && !(file.startsWith('bin') && p === 'tsx')) wrong.push(`${file}: ${p}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the scanner finds the imports it must find (so the checks above can fail)', () => {
    expect(packagesOf('src/main/db/connection.ts')).toContain('better-sqlite3');
    expect(packagesOf('bin/plenary.js')).toContain('tsx');
  });
});
