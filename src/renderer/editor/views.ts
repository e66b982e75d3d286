/**
 * Node views for the inline atoms whose text is derived: footnote references (numbered by
 * position, content edited in a small inner editor, after ProseMirror's footnote example) and
 * cross-references (wording re-rendered from the current numbering on every change).
 */
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView, type Decoration, type NodeView } from 'prosemirror-view';
import { StepMap } from 'prosemirror-transform';
import { keymap } from 'prosemirror-keymap';
import { undo, redo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { t } from '../i18n/index.js';

function specOf<T>(decorations: readonly Decoration[], key: string): T | undefined {
  for (const d of decorations) {
    const spec = (d as unknown as { spec: Record<string, unknown> }).spec;
    if (spec && key in spec) return spec[key] as T;
  }
  return undefined;
}

/** A cross-reference: text from the structure plugin's decoration spec. */
export class XrefView implements NodeView {
  dom: HTMLElement;
  constructor(_node: PMNode, decorations: readonly Decoration[]) {
    this.dom = document.createElement('span');
    this.dom.className = 'xref';
    this.dom.contentEditable = 'false';
    this.render(decorations);
  }
  private render(decorations: readonly Decoration[]): void {
    const text = specOf<string>(decorations, 'xrefText') ?? '…';
    const broken = specOf<boolean>(decorations, 'broken') ?? false;
    if (this.dom.textContent !== text) this.dom.textContent = text;
    this.dom.classList.toggle('broken', broken);
    this.dom.title = t(broken ? 'hover.xrefBroken' : 'hover.xref');
  }
  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== 'xref') return false;
    this.render(decorations);
    return true;
  }
  ignoreMutation(): boolean {
    return true;
  }
}

/** A footnote reference: superscript number; selecting it opens an inner editor for its text. */
export class FootnoteView implements NodeView {
  dom: HTMLElement;
  private inner: EditorView | null = null;
  private tooltip: HTMLElement | null = null;

  constructor(
    private node: PMNode,
    private readonly outer: EditorView,
    private readonly getPos: () => number | undefined,
    decorations: readonly Decoration[],
  ) {
    this.dom = document.createElement('sup');
    this.dom.className = 'footnote';
    this.setNumber(decorations);
  }

  private setNumber(decorations: readonly Decoration[]): void {
    const n = specOf<number>(decorations, 'footnoteNumber');
    this.dom.setAttribute('data-num', n === undefined ? '' : String(n));
    this.dom.title = this.node.textContent ? t('hover.footnote', { text: this.node.textContent }) : t('hover.footnoteEmpty');
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    if (!this.inner) this.open();
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    if (this.inner) this.close();
  }

  private open(): void {
    const tooltip = document.createElement('div');
    tooltip.className = 'footnote-tooltip';
    this.tooltip = tooltip;
    this.dom.appendChild(tooltip);
    this.inner = new EditorView(tooltip, {
      state: EditorState.create({
        doc: this.node,
        plugins: [
          keymap({
            'Mod-z': () => undo(this.outer.state, this.outer.dispatch),
            'Mod-y': () => redo(this.outer.state, this.outer.dispatch),
            'Mod-Shift-z': () => redo(this.outer.state, this.outer.dispatch),
            Escape: () => {
              this.outer.focus();
              return true;
            },
          }),
        ],
      }),
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      handleDOMEvents: {
        mousedown: () => {
          if (this.inner && this.outer.hasFocus()) this.inner.focus();
          return false;
        },
      },
    });
    this.inner.focus();
  }

  private close(): void {
    this.inner?.destroy();
    this.inner = null;
    this.tooltip?.remove();
    this.tooltip = null;
  }

  private dispatchInner(tr: Transaction): void {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    if (!tr.getMeta('fromOutside')) {
      const outerTr = this.outer.state.tr;
      const pos = this.getPos();
      if (pos === undefined) return;
      const offsetMap = StepMap.offset(pos + 1);
      for (const t of transactions) for (const step of t.steps) outerTr.step(step.map(offsetMap)!);
      if (outerTr.docChanged) this.outer.dispatch(outerTr);
    }
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.setNumber(decorations);
    if (this.inner) {
      const state = this.inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      if (start !== null) {
        const ends = node.content.findDiffEnd(state.doc.content);
        let endA = ends ? ends.a : node.content.size;
        let endB = ends ? ends.b : state.doc.content.size;
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.inner.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta('fromOutside', true));
      }
    }
    return true;
  }

  destroy(): void {
    this.close();
  }

  stopEvent(event: Event): boolean {
    return Boolean(this.inner && event.target instanceof Node && this.inner.dom.contains(event.target));
  }

  ignoreMutation(): boolean {
    return true;
  }
}
