// The architecture's rooms are enforced by lint: a forbidden import in each room is reported.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(file: string, code: string, rule = 'no-restricted-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('room rules', () => {
  it('src/shared may not import Node built-ins, electron, React or the DOM-side packages', async () => {
    expect(await lint('src/shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await lint('src/shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lint('src/shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n")).toHaveLength(1);
    expect(await lint('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });
  it('src/shared may not use the DOM\'s globals; an editor widget draws with its view\'s document', async () => {
    expect(await lint('src/shared/x.ts', "export const a = () => document.createElement('p');\n", 'no-restricted-globals')).toHaveLength(1);
    expect(await lint('src/shared/editor/x.ts', 'export const a = () => window.innerWidth;\n', 'no-restricted-globals')).toHaveLength(1);
    expect(await lint('src/shared/editor/x.ts', "import type { EditorView } from 'prosemirror-view';\nexport const a = (view: EditorView) => view.dom.ownerDocument.createElement('p');\n", 'no-restricted-globals')).toHaveLength(0);
    expect(await lint('src/renderer/x.ts', "export const a = () => document.createElement('p');\n", 'no-restricted-globals')).toHaveLength(0);
  });
  it('src/shared/editor works on states: no EditorView value, no React; types and decorations are fine', async () => {
    const restricted = '@typescript-eslint/no-restricted-imports';
    expect(await lint('src/shared/editor/x.ts', "import { EditorView } from 'prosemirror-view';\nexport const a = EditorView;\n", restricted)).toHaveLength(1);
    expect(await lint('src/shared/editor/x.ts', "import { Decoration, type EditorView } from 'prosemirror-view';\nexport const a = (v: EditorView) => [Decoration, v];\n", restricted)).toHaveLength(0);
    expect(await lint('src/shared/editor/x.ts', "import { useState } from 'react';\nexport const a = useState;\n")).toHaveLength(1);
    expect(await lint('src/shared/editor/x.ts', "import { EditorView } from '../../renderer/editor/view.js';\nexport const a = EditorView;\n")).toHaveLength(1);
    expect(await lint('src/renderer/editor/x.ts', "import { EditorView } from 'prosemirror-view';\nexport const a = EditorView;\n", restricted)).toHaveLength(0);
  });
  it('src/renderer may not import node:*, electron or better-sqlite3', async () => {
    expect(await lint('src/renderer/x.tsx', "import path from 'node:path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await lint('src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await lint('src/renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
  });
  it('services and the database layer may not import electron; only src/main/db may import better-sqlite3', async () => {
    expect(await lint('src/main/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lint('src/main/db/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lint('src/main/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect(await lint('src/main/db/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(0);
    expect(await lint('src/main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });
});
