// React components in a DOM (jsdom): the menu bar runs commands, the checks panel fixes on
// click, the metadata form validates symbols and shows dates as printed, the diff renders
// insertions and deletions accessibly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MenuBar } from '../../src/renderer/components/MenuBar.js';
import { Checks } from '../../src/renderer/components/Checks.js';
import { MetadataForm } from '../../src/renderer/components/MetadataForm.js';
import { DiffText, Snippet } from '../../src/renderer/components/DiffText.js';
import { emptyFrontMatter } from '../../src/shared/resolution/model.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
function render(ui: React.ReactElement): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(ui));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

describe('MenuBar', () => {
  it('opens a menu and runs the chosen command', () => {
    const onCommand = vi.fn();
    const el = render(<MenuBar title="Draft" onCommand={onCommand} menus={[{ label: 'File', items: [{ id: 'file.save', label: 'Save', keys: 'Ctrl+S' }] }]} />);
    act(() => (el.querySelector('.menu > button') as HTMLButtonElement).click());
    const item = el.querySelector('[data-command="file.save"]') as HTMLButtonElement;
    expect(item.textContent).toContain('Ctrl+S');
    act(() => item.click());
    expect(onCommand).toHaveBeenCalledWith('file.save');
    expect(el.querySelector('[data-command="file.save"]')).toBeNull();
  });

  it('focuses the menu bar on Alt alone even when the app renders between the key going down and up', () => {
    const menus = [{ label: 'File', items: [{ id: 'file.save', label: 'Save', keys: 'Ctrl+S' }] }];
    const el = render(<MenuBar title="Draft" onCommand={() => undefined} menus={menus} />);
    act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true })));
    // Autosave or the Matches panel re-renders the shell while Alt is held.
    act(() => root!.render(<MenuBar title="Draft (saved)" onCommand={() => undefined} menus={menus} />));
    act(() => window.dispatchEvent(new KeyboardEvent('keyup', { key: 'Alt' })));
    expect(document.activeElement).toBe(el.querySelector('.menu > button'));
  });
});

describe('Checks', () => {
  it('lists findings, fixes one on click, and says when all is well', () => {
    const onFix = vi.fn();
    const item = { key: 'k', paraId: 'p1', designation: 'OP2', message: 'Expected ";" at the end', fixable: true };
    const el = render(<Checks items={[item]} onJump={() => undefined} onFix={onFix} onFixAll={() => undefined} />);
    expect(el.textContent).toContain('1 finding');
    act(() => (el.querySelector('.check-fix') as HTMLButtonElement).click());
    expect(onFix).toHaveBeenCalledWith(item);
    act(() => root!.render(<Checks items={[]} onJump={() => undefined} onFix={onFix} onFixAll={() => undefined} />));
    expect(el.textContent).toContain('No deviations');
  });

  it('offers "Fix all punctuation" only when a punctuation fix exists', () => {
    const style = { key: 's', paraId: 'p1', designation: 'OP1', message: 'organisation: the UN writes organization', fixable: true, kind: 'style' as const };
    const punct = { key: 'p', paraId: 'p2', designation: 'OP2', message: 'Expected ";" at the end', fixable: true, kind: 'punctuation' as const };
    const el = render(<Checks items={[style]} onJump={() => undefined} onFix={() => undefined} onFixAll={() => undefined} />);
    expect(el.textContent).not.toContain('Fix all punctuation');
    act(() => root!.render(<Checks items={[style, punct]} onJump={() => undefined} onFix={() => undefined} onFixAll={() => undefined} />));
    expect(el.textContent).toContain('Fix all punctuation');
  });
});

describe('MetadataForm', () => {
  it('flags an invalid symbol and prints dates in the document language', () => {
    const meta = emptyFrontMatter({ kind: 'draft', symbol: 'A/C.9/80/L.1', language: 'fr', issueDate: '2020-12-29' });
    const el = render(<MetadataForm meta={meta} onChange={() => undefined} />);
    expect(el.querySelector('.field-error')?.textContent).toBeTruthy();
    expect(el.textContent).toContain('29 décembre 2020');
  });
});

describe('DiffText and Snippet', () => {
  it('renders deletions and insertions, and snippet marks without HTML injection', () => {
    const el = render(
      <div>
        <DiffText diff={[{ op: 'eq', text: 'at its ' }, { op: 'del', text: 'seventy-ninth' }, { op: 'ins', text: 'eightieth' }, { op: 'eq', text: ' session' }]} />
        <Snippet html={'the <b>oil slick</b> &lt;script&gt;'} />
      </div>,
    );
    expect(el.querySelector('del')?.textContent).toBe('seventy-ninth');
    expect(el.querySelector('ins')?.textContent).toBe('eightieth');
    expect(el.querySelector('mark')?.textContent).toBe('oil slick');
    expect(el.querySelector('script')).toBeNull();
    expect(el.textContent).toContain('<script>');
  });
});
