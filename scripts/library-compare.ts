// Compares what two library databases store (issue 14: an import change must store exactly what
// the code before it stored): documents (all columns but imported_at), paragraphs, vocabulary,
// match-index blobs, and the full-text index's logical content (every term's rows, read through
// fts5vocab, and each row's token count), which is independent of how FTS5 laid out its segments.
// Usage: node --import tsx scripts/library-compare.ts A.sqlite B.sqlite  (exit 1 when they differ)
import crypto from 'node:crypto';
import Database from 'better-sqlite3';

/** Per part of the library: row count and a SHA-256 of its rows in a fixed order. */
export function libraryDigest(file: string): Record<string, { rows: number; sha256: string }> {
  const db = new Database(file, { readonly: true });
  try {
    db.exec("CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, 'search_fts', 'instance')");
    const parts: Record<string, string> = {
      documents: `SELECT id, symbol, organ, kind, session, session_num, adoption_date, year, language, title, agenda_items, basis, meeting, source_file, source_hash, hex(body) FROM documents ORDER BY id`,
      paragraphs: 'SELECT * FROM paragraphs ORDER BY id',
      vocab: 'SELECT id, term FROM vocab ORDER BY id',
      match_tokens: 'SELECT document_id, hex(data) FROM match_tokens ORDER BY document_id',
      fts_instances: 'SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY term, doc, col, offset',
      fts_docsize: 'SELECT id, hex(sz) FROM search_fts_docsize ORDER BY id',
      settings: 'SELECT key, value FROM settings ORDER BY key',
    };
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const [name, sql] of Object.entries(parts)) {
      const h = crypto.createHash('sha256');
      let rows = 0;
      for (const r of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
        h.update(JSON.stringify(r));
        h.update('\n');
        rows++;
      }
      out[name] = { rows, sha256: h.digest('hex') };
    }
    return out;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('usage: library-compare.ts A.sqlite B.sqlite');
    process.exit(2);
  }
  const da = libraryDigest(a);
  const dbb = libraryDigest(b);
  let same = true;
  for (const k of Object.keys(da)) {
    const eq = da[k]!.sha256 === dbb[k]!.sha256 && da[k]!.rows === dbb[k]!.rows;
    same &&= eq;
    console.log(`${eq ? 'same' : 'DIFFERENT'}  ${k}: ${da[k]!.rows} rows${eq ? '' : ` vs ${dbb[k]!.rows}`}`);
  }
  process.exit(same ? 0 : 1);
}
