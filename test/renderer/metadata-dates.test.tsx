// Dates in the Details form: nothing is stored until the date is whole and its year between 1945
// and 2100 (issue 9: typing "11052025" once stored the year 0002); a refused year says why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MetadataForm, dateProblem } from '../../src/renderer/components/MetadataForm.js';
import { emptyFrontMatter } from '../../src/shared/resolution/model.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

/** Sets an input's value as the browser does while the delegate types, firing React's onChange. */
function typeValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('dates in the Details form', () => {
  it('refuses years before 1945 and after 2100, and partial dates, with a message', () => {
    expect(dateProblem('0002-11-05')).toMatch(/0002 is not between 1945 and 2100/);
    expect(dateProblem('1900-01-01')).toMatch(/1900/);
    expect(dateProblem('2101-01-01')).toMatch(/2101/);
    expect(dateProblem('2025-11')).toMatch(/full date/);
    expect(dateProblem('1945-01-01')).toBeNull();
    expect(dateProblem('2100-12-31')).toBeNull();
    expect(dateProblem('')).toBeNull();
  });

  it('stores nothing while the year is being typed, then the whole date once', () => {
    const onChange = vi.fn();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<MetadataForm meta={emptyFrontMatter({ kind: 'draft' })} onChange={onChange} />));
    const input = host.querySelector('#meta-issueDate') as HTMLInputElement;
    for (const partial of ['0002-11-05', '0020-11-05', '0202-11-05']) {
      typeValue(input, partial);
      expect(host.querySelector('.field-error')?.textContent).toMatch(/not between 1945 and 2100/);
    }
    expect(onChange).not.toHaveBeenCalled();
    typeValue(input, '2025-11-05');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ issueDate: '2025-11-05' });
    expect(host.querySelector('.field-error')).toBeNull();
  });
});
