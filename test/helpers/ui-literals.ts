// Scanners behind the catalogue tests: user-visible English left in the renderer's JSX and toasts
// (parsed with the TypeScript compiler, so arrows and generics are not mistaken for text), and the
// message codes services and shared validators attach to their errors.
import ts from 'typescript';

/** One literal the interface would show as it is. */
export interface UiLiteral {
  line: number;
  text: string;
  where: string;
}

/** Attributes whose value the user reads or hears. */
const ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt']);

/** Calls whose first argument is shown to the user. */
const CALLS = new Set(['toast', 'notify', 'setError', 'confirm', 'alert']);

const WORDS = /[A-Za-z\u00C0-\u024F]{2,}/;

/** The literal text of a string, template or JSX expression (template holes dropped), or null when it holds no literal. */
function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isJsxExpression(node)) return literalText(node.expression);
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((x): x is string => x !== null);
    return parts.length ? parts.join(' ') : null;
  }
  return null;
}

/**
 * User-visible literals with letters in a .tsx/.ts source of the renderer: JSX text nodes and
 * `{'literal'}` / `{cond ? 'a' : 'b'}` children, the
 * literal parts of title/aria-label/placeholder/alt attributes, and the first argument of
 * toast/notify/setError/confirm/alert calls. Keys given to t() are not literals of this kind.
 */
export function uiLiterals(source: string, fileName: string): UiLiteral[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: UiLiteral[] = [];
  const add = (node: ts.Node, text: string | null, where: string) => {
    if (text === null || !WORDS.test(text)) return;
    out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim(), where });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, node.text, 'text');
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) add(node, literalText(node.expression), 'text');
    else if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText(sf))) add(node, literalText(node.initializer), node.name.getText(sf));
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (CALLS.has(name)) add(node, literalText(node.arguments[0]), `${name}(`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A message code attached in source (`code: 'date.invalid'`), with the value names given beside it when they can be read. */
export interface CodeUse {
  code: string;
  /** Names in `values: { … }`; null when none are written literally (a spread, or a shared object). */
  values: string[] | null;
}

/** Splits the body of an object literal at its top-level commas. */
function topLevelParts(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The object body after `{` at `open` (balanced braces). */
function objectBody(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/**
 * Message codes in a source of the services or of src/shared: every dotted lower-case literal in
 * the expression after `code:` (a ternary gives two), with the names of the `values: { … }`
 * that follow it ([] when none do).
 */
export function messageCodes(text: string): CodeUse[] {
  const uses: CodeUse[] = [];
  for (const m of text.matchAll(/\bcode: ([^,}\n]+)/g)) {
    const codes = [...m[1]!.matchAll(/'([a-z]+\.[A-Za-z][\w.]*)'/g)].map((x) => x[1]!);
    if (!codes.length) continue;
    const after = text.slice(m.index + m[0].length);
    const v = /^,\s*values: \{/.exec(after);
    let values: string[] | null = [];
    if (v) {
      const parts = topLevelParts(objectBody(after, v[0].length - 1));
      values = parts.some((p) => p.startsWith('...')) ? null : parts.map((p) => p.split(':')[0]!.trim());
    }
    for (const code of codes) uses.push({ code, values });
  }
  return uses;
}
