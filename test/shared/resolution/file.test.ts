// The .plenary format: round trip, version guard, clear errors for damaged files.
import { describe, expect, it } from 'vitest';
import { FILE_FORMAT_VERSION, parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { emptyDocument, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

function doc(): ResolutionDocument {
  const d = emptyDocument({ language: 'fr', organ: 'ga-c2', kind: 'resolution', symbol: 'A/RES/75/202', title: 'Les technologies' }, (p) => `${p}x`);
  d.preambular = [{ ...textBlock('pp1', 'Rappelant sa résolution 74/197,'), phrase: 9, provenance: { symbol: 'A/RES/74/197', paragraph: 'PP1', hash: 'abc', text: 'Rappelant' } }];
  d.operative = [
    {
      ...textBlock('op1', 'Prie le Secrétaire général :'),
      children: [textBlock('op1a', 'De faire rapport ;', [textBlock('op1ai', 'sur ceci ;')])],
      tail: [{ t: 'text', text: 'et de poursuivre.' }],
      status: 'pending',
      holder: 'EU',
      base: 1,
    },
  ];
  d.footnotes = [{ id: 'f1', content: [{ t: 'text', text: 'A/75/454.' }] }];
  d.operative[0]!.content.push({ t: 'fn', id: 'f1' }, { t: 'xref', targets: ['pp1'] });
  return d;
}

describe('.plenary files', () => {
  it('round-trips a document with every kind of content', () => {
    const text = serializePlenaryFile({ document: doc(), negotiation: { delegations: ['EU'] } }, '0.1.0', new Date('2026-01-02T03:04:05Z'));
    const parsed = parsePlenaryFile(text);
    expect(parsed.document).toEqual(doc());
    expect(parsed.version).toBe(1); // nothing of format 2 in it: 0.1 can still open it
    expect(parsed.savedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.negotiation).toEqual({ delegations: ['EU'] });
  });

  it('keeps unknown top-level keys from a newer minor version', () => {
    const text = JSON.stringify({ format: 'plenary', version: 1, document: doc(), comments: [{ a: 1 }] });
    const parsed = parsePlenaryFile(text);
    expect(parsed.extra).toEqual({ comments: [{ a: 1 }] });
    expect(JSON.parse(serializePlenaryFile(parsed, '0.1.0')).comments).toEqual([{ a: 1 }]);
  });

  it('refuses newer versions and damaged files with messages that name the file', () => {
    expect(() => parsePlenaryFile(JSON.stringify({ format: 'plenary', version: FILE_FORMAT_VERSION + 1, document: doc() }), 'x.plenary')).toThrowError(
      /x\.plenary was saved by a newer version of Plenary/,
    );
    expect(() => parsePlenaryFile('not json', 'y.plenary')).toThrowError(/y\.plenary is damaged: it is not valid JSON/);
    expect(() => parsePlenaryFile('{"hello":1}', 'z.json')).toThrowError(/z\.json is not a Plenary draft/);
    const broken = { format: 'plenary', version: 1, document: { ...doc(), operative: [{ id: 'a' }] } };
    expect(() => parsePlenaryFile(JSON.stringify(broken), 'w.plenary')).toThrowError(/w\.plenary is damaged: .*operative\.0/);
  });
});

describe('.plenary files: notes, decisions and moves (format 2)', () => {
  const note = { id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false };
  it('round-trips notes and decisions and writes format 2 only when they (or moves) are there', () => {
    const decision = { id: 'q', delegation: 'EU', type: 'insert' as const, paragraph: 'op1', text: 'all ', status: 'accepted' as const, at: '2026-03-05T00:00:00.000Z' };
    const text = serializePlenaryFile({ document: doc(), notes: [note], decisions: [decision] }, '0.2.0');
    const parsed = parsePlenaryFile(text);
    expect(parsed.version).toBe(2);
    expect(parsed.notes).toEqual([note]);
    expect(parsed.decisions).toEqual([decision]);
    const moved = doc();
    moved.operative[0]!.proposal = { id: 'm', by: 'EU', at: '2026-01-01T00:00:00Z', kind: 'move-to', as: 'convert' };
    const again = parsePlenaryFile(serializePlenaryFile({ document: moved }, '0.2.0'));
    expect(again.version).toBe(2);
    expect(again.document.operative[0]!.proposal).toEqual(moved.operative[0]!.proposal);
  });

  it('opens a format 1 file unchanged and names the place of a damaged note', () => {
    expect(parsePlenaryFile(JSON.stringify({ format: 'plenary', version: 1, document: doc() })).notes).toBeUndefined();
    const bad = JSON.stringify({ format: 'plenary', version: 2, document: doc(), notes: [{ ...note, resolved: 'no' }] });
    expect(() => parsePlenaryFile(bad, 'x.plenary')).toThrowError(/x\.plenary is damaged: its notes do not fit the format at "notes\.0\.resolved"/);
  });
});
