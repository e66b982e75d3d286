// The remembered Word author → delegation mapping, and which export texts each format can carry.
import { describe, expect, it } from 'vitest';
import { loadAuthorMap, mappingRows, saveAuthorMap } from '../../../src/renderer/state/author-map.js';
import { viewUnavailable } from '../../../src/renderer/components/ExportDialog.js';
import { sortNotes } from '../../../src/renderer/components/NotesPanel.js';

function memory(initial?: string) {
  let v = initial ?? null;
  return { getItem: () => v, setItem: (_k: string, x: string) => void (v = x), get: () => v };
}

describe('author mapping', () => {
  it('round-trips, dropping empty and identity rows', () => {
    const s = memory();
    expect(saveAuthorMap({ jdoe: ' EU ', ' ': 'X', same: 'same', ana: '' }, s)).toEqual({ jdoe: 'EU' });
    expect(loadAuthorMap(s)).toEqual({ jdoe: 'EU' });
  });

  it('a damaged entry reads as no mapping', () => {
    expect(loadAuthorMap(memory('{not json'))).toEqual({});
    expect(loadAuthorMap(memory('[1,2]'))).toEqual({});
    expect(loadAuthorMap(memory('{"a": 3, "b": "B"}'))).toEqual({ b: 'B' });
  });

  it('rows name the Word author each delegation came from', () => {
    expect(mappingRows(['EU', 'Ana Silva'], { jdoe: 'EU', other: 'Mexico' })).toEqual([
      { author: 'jdoe', delegation: 'EU' },
      { author: 'Ana Silva', delegation: 'Ana Silva' },
    ]);
  });
});

describe('export texts by format', () => {
  it('tracked only in Word; compilation not in plain text or Akoma Ntoso; base and accepted everywhere', () => {
    expect(viewUnavailable('tracked', 'docx')).toBeNull();
    expect(viewUnavailable('tracked', 'pdf')).not.toBeNull();
    expect(viewUnavailable('compilation', 'html')).toBeNull();
    expect(viewUnavailable('compilation', 'txt')).not.toBeNull();
    for (const f of ['docx', 'pdf', 'html', 'txt', 'akn'] as const) {
      expect(viewUnavailable('base', f)).toBeNull();
      expect(viewUnavailable('accepted', f)).toBeNull();
    }
  });
});

describe('notes order', () => {
  it('by paragraph in reading order, then time; notes on removed paragraphs last', () => {
    const n = (id: string, paragraph: string, at: string) => ({ id, paragraph, at, author: 'a', text: id, resolved: false });
    const sorted = sortNotes([n('x', 'gone', '1'), n('b', 'op1', '2'), n('a', 'pp1', '3'), n('c', 'op1', '1')], ['pp1', 'op1']);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'c', 'b', 'x']);
  });
});
