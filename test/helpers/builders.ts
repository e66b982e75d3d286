// Small builders for editor documents in tests (in the spirit of prosemirror-test-builder).
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/resolution/schema.js';
import { emptyFrontMatter, type FrontMatter } from '../../src/shared/resolution/model.js';

type Child = string | PMNode;
interface ParaOpts {
  id?: string;
  level?: number;
  tail?: boolean;
  base?: number | null;
  status?: string;
  phrase?: number | null;
}

function inline(children: Child[]): PMNode[] {
  return children.filter((c) => c !== '').map((c) => (typeof c === 'string' ? schema.text(c) : c));
}

let counter = 0;
function para(type: 'pp' | 'op' | 'ap', a: ParaOpts | Child, rest: Child[]): PMNode {
  const opts: ParaOpts = typeof a === 'object' && !(a as PMNode).type ? (a as ParaOpts) : {};
  const children = typeof a === 'object' && !(a as PMNode).type ? rest : [a as Child, ...rest];
  return schema.nodes[type].create(
    {
      id: opts.id ?? `${type}${++counter}`,
      level: opts.level ?? 0,
      tail: opts.tail ?? false,
      base: opts.base ?? null,
      status: opts.status ?? '',
      phrase: opts.phrase ?? null,
    },
    inline(children),
  );
}

/** A preambular paragraph. */
export const pp = (a: ParaOpts | Child, ...rest: Child[]) => para('pp', a, rest);
/** An operative paragraph (or subparagraph with `level`). */
export const op = (a: ParaOpts | Child, ...rest: Child[]) => para('op', a, rest);
/** An annex paragraph. */
export const ap = (a: ParaOpts | Child, ...rest: Child[]) => para('ap', a, rest);
/** A footnote reference with its text. */
export const fn = (text: string, id = `f${++counter}`) => schema.nodes.footnote.create({ id }, text ? [schema.text(text)] : []);
/** A cross-reference. */
export const xref = (...targets: string[]) => schema.nodes.xref.create({ targets });
/** An annex. */
export const annex = (heading: string, ...paras: PMNode[]) => schema.nodes.annex.create({ id: `x${++counter}`, heading, title: '' }, paras);
/** A document with front matter overrides. */
export function doc(meta: Partial<FrontMatter>, ...children: PMNode[]): PMNode {
  return schema.nodes.doc.create({ meta: emptyFrontMatter(meta) }, children);
}
