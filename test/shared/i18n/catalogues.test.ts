// The interface catalogues: every key the code uses exists in every language, the languages hold
// the same keys with the same placeholders, plural keys have every form the language needs, and
// the native menu reads in the interface language.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, UI_LANGS, matchUiLang, readUiLangArg, translate, type UiLang } from '../../../src/shared/i18n/index.js';
import { buildMenuTemplate, menuLangAfter } from '../../../src/main/electron/menu.js';
import { apiInputs } from '../../../src/shared/api.js';
import { messageCodes, uiLiterals } from '../../helpers/ui-literals.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys without their plural suffix: what code asks for. */
function baseKeys(lang: UiLang): Set<string> {
  return new Set(Object.keys(CATALOGUES[lang]).map((k) => k.replace(PLURAL, '')));
}

function placeholders(msg: string): string[] {
  return [...msg.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Keys named in code: arguments of t(…)/tr(…)/translate(lang, …) and any string literal shaped
 * like a key of a catalogue namespace (tables such as the panel tabs hold keys as plain strings),
 * except API method names ('library.search'), which share the dotted shape.
 */
export function keysUsedIn(text: string, namespaces: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  for (const m of text.matchAll(/\b(?:t|tr)\(\s*'([^']+)'/g)) used.add(m[1]!);
  for (const m of text.matchAll(/\btranslate\(\s*\w+,\s*'([^']+)'/g)) used.add(m[1]!);
  for (const m of text.matchAll(/'([a-z]+)\.([A-Za-z][\w.]*)'/g)) {
    const key = `${m[1]}.${m[2]}`;
    if (namespaces.has(m[1]!) && !(key in apiInputs)) used.add(key);
  }
  return used;
}

describe('interface catalogues', () => {
  const reference = baseKeys('en');
  const namespaces = new Set([...reference].map((k) => k.split('.')[0]!));

  it('every key used in the renderer and the native menu exists in every language', () => {
    const files = [...sources(path.join(ROOT, 'src/renderer')), path.join(ROOT, 'src/main/electron/menu.ts')];
    const used = new Set<string>();
    for (const f of files) for (const k of keysUsedIn(fs.readFileSync(f, 'utf8'), namespaces)) used.add(k);
    expect(used.size).toBeGreaterThan(150);
    for (const lang of UI_LANGS) {
      const have = baseKeys(lang);
      expect([...used].filter((k) => !have.has(k)), `missing from ${lang}`).toEqual([]);
    }
  });

  it('the key scanner finds a missing key (the check above can fail)', () => {
    const found = keysUsedIn("notify(t('toast.noSuchMessage')); const L = { a: 'panel.nowhere' }; const id = 'file.new';", namespaces);
    expect([...found].sort()).toEqual(['panel.nowhere', 'toast.noSuchMessage']);
    expect(reference.has('toast.noSuchMessage')).toBe(false);
  });

  it('French and Spanish hold exactly the English keys, with the same placeholders', () => {
    for (const lang of UI_LANGS) {
      expect([...baseKeys(lang)].sort(), lang).toEqual([...reference].sort());
      for (const [key, msg] of Object.entries(CATALOGUES[lang])) {
        const enMsg = CATALOGUES.en[key] ?? CATALOGUES.en[key.replace(PLURAL, '_other')];
        expect(enMsg, `${lang} ${key} has no English counterpart`).toBeDefined();
        expect(placeholders(msg), `${lang} ${key}`).toEqual(placeholders(enMsg!));
        expect(msg.trim(), `${lang} ${key} is empty`).not.toBe('');
      }
    }
  });

  it('plural keys carry every form the language uses (Intl.PluralRules) and nothing else', () => {
    for (const lang of UI_LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const keys = Object.keys(CATALOGUES[lang]);
      const bases = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      expect(bases.size).toBeGreaterThan(5);
      for (const base of bases) {
        const forms = keys.filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k)).map((k) => k.match(PLURAL)![1]);
        expect(forms.sort(), `${lang} ${base}`).toEqual([...categories].sort());
        expect(CATALOGUES[lang][base], `${lang} ${base} is both plural and plain`).toBeUndefined();
      }
    }
  });

  it('translate picks plural forms and fills placeholders; an unknown key shows itself', () => {
    expect(translate('en', 'checks.findings', { count: 1 })).toBe('1 finding');
    expect(translate('en', 'checks.findings', { count: 2 })).toBe('2 findings');
    expect(translate('fr', 'checks.findings', { count: 0 })).toBe('0 constat'); // French: 0 is singular
    expect(translate('fr', 'checks.findings', { count: 2 })).toBe('2 constats');
    expect(translate('es', 'checks.findings', { count: 1 })).toBe('1 observación');
    expect(translate('es', 'checks.findings', { count: 0 })).toBe('0 observaciones');
    expect(translate('es', 'command.help.about', { app: 'Plenary' })).toBe('Acerca de Plenary');
    expect(translate('fr', 'no.such.key')).toBe('no.such.key');
  });

  it('French messages use a no-break space before : ; ? ! and inside « »', () => {
    for (const [key, msg] of Object.entries(CATALOGUES.fr)) {
      expect(/ [:;?!»]|« /.test(msg), `${key}: ${msg}`).toBe(false);
    }
  });
});

/**
 * Literals the interface may show as they are, each with its reason: the app's name, an example
 * address, UN document symbols, and examples of the document's own wording (the basis and meeting
 * lines are written in the draft's language, not the interface's).
 */
const LITERAL_ALLOW: ReadonlySet<string> = new Set([
  'Plenary',
  'http://127.0.0.1:41234/?token=…',
  'A/C.2/80/L.26 A/RES/80/1',
  'on the report of the Second Committee (A/79/437, para. 17)',
  '19th plenary meeting',
]);

describe('no English left in the interface', () => {
  it('the renderer shows no string literal with letters in JSX text, toasts, titles, labels or placeholders (outside the allow-list)', () => {
    const left: string[] = [];
    for (const f of sources(path.join(ROOT, 'src/renderer'))) {
      for (const l of uiLiterals(fs.readFileSync(f, 'utf8'), f)) {
        if (!LITERAL_ALLOW.has(l.text)) left.push(`${path.relative(ROOT, f)}:${l.line} [${l.where}] ${l.text}`);
      }
    }
    expect(left).toEqual([]);
  });

  it('the literal scanner finds text, attributes, children and toasts, and not keys or code', () => {
    const src = [
      'export function X({ n }: { n: number }) {',
      '  notify(`Merged ${n} files`); toast(t("toast.saved")); const f = (a: Array<string>) => a.length > 2;',
      '  return (<div title="Hover me" aria-label={t(\'a.b\')} placeholder={`Type ${n}`}>',
      '    Hello there {n > 1 ? \'many\' : \'one\'} {t(\'x.y\')} — {\'…\'}',
      '  </div>);',
      '}',
    ].join('\n');
    const found = uiLiterals(src, 'x.tsx').map((l) => `${l.where}:${l.text}`);
    expect(found.sort()).toEqual(['notify(:Merged   files', 'placeholder:Type', 'text:Hello there', 'text:many one', 'title:Hover me'].sort());
  });
});

describe('messages of the services and shared validators', () => {
  const uses = [...sources(path.join(ROOT, 'src/main')), ...sources(path.join(ROOT, 'src/shared')), path.join(ROOT, 'src/renderer/api.ts')].flatMap((f) =>
    messageCodes(fs.readFileSync(f, 'utf8')).map((u) => ({ ...u, file: path.relative(ROOT, f) })),
  );

  it('every message code in src/main, src/shared and the renderer\'s API client has errors.<code> in every language, with the placeholders its values give', () => {
    expect(uses.length).toBeGreaterThan(80);
    for (const lang of UI_LANGS) {
      const have = baseKeys(lang);
      expect(uses.filter((u) => !have.has(`errors.${u.code}`)).map((u) => `${u.file}: ${u.code}`), `missing from ${lang}`).toEqual([]);
    }
    for (const u of uses) {
      if (u.values === null) continue;
      const msg = CATALOGUES.en[`errors.${u.code}`] ?? CATALOGUES.en[`errors.${u.code}_other`] ?? '';
      expect([...new Set(placeholders(msg))], `${u.file}: ${u.code}`).toEqual([...u.values].sort());
    }
  });

  it('the code scanner reads codes, ternaries and value names (the check above can fail)', () => {
    const text = "throw new PlenaryError('IO', 'x', { msg: { code: 'file.gone', values: { name, size: f(a, b) } } }); const m = { code: verb === 'read' ? 'access.r' : 'access.w', values: { path: p } }; const e = { code: 'BAD_INPUT' };";
    expect(messageCodes(text)).toEqual([
      { code: 'file.gone', values: ['name', 'size'] },
      { code: 'access.r', values: ['path'] },
      { code: 'access.w', values: ['path'] },
    ]);
    expect(CATALOGUES.en['errors.file.gone']).toBeUndefined();
  });

  it('a service error reads in French with its values, and in English as the CLI prints it', async () => {
    const { PlenaryError, toErrorPayload } = await import('../../../src/shared/errors.js');
    const { checkIsoDate } = await import('../../../src/shared/resolution/dates.js');
    const wire = toErrorPayload(new PlenaryError('NOT_FOUND', 'a.docx was not found.', { msg: { code: 'file.notFound', values: { file: 'a.docx' } } }));
    expect(wire).toEqual({ code: 'NOT_FOUND', message: 'a.docx was not found.', msg: { code: 'file.notFound', values: { file: 'a.docx' } } });
    expect(translate('fr', `errors.${wire.msg!.code}`, wire.msg!.values)).toBe('a.docx est introuvable.');
    expect(translate('en', `errors.${wire.msg!.code}`, wire.msg!.values)).toBe(wire.message);
    const date = checkIsoDate('2023-13-01')!;
    expect(date.message).toBe('There is no month 13: months run from 01 to 12.');
    expect(translate('es', `errors.${date.code}`, date.values)).toBe('No existe el mes 13: los meses van del 01 al 12.');
    expect(translate('fr', 'errors.export.chooseView', { count: 2 })).toMatch(/^Le projet compte 2 propositions ouvertes\u00a0: /);
    // Without a code the wire form is as before.
    expect(toErrorPayload(new PlenaryError('IO', 'disk'))).toEqual({ code: 'IO', message: 'disk' });
  });
});

describe('choosing the interface language', () => {
  it('matches BCP 47 tags by their primary language, in order, else null', () => {
    expect(matchUiLang(['fr-CA', 'en-US'])).toBe('fr');
    expect(matchUiLang(['de-DE', 'es-419'])).toBe('es');
    expect(matchUiLang(['ES_es'])).toBe('es');
    expect(matchUiLang(['de', 'ar', '', null, undefined])).toBeNull();
  });

  it('reads --ui-lang from a command line in both spellings, the last one winning', () => {
    expect(readUiLangArg(['electron', '.', '--ui-lang', 'fr'])).toBe('fr');
    expect(readUiLangArg(['x', '--ui-lang=es'])).toBe('es');
    expect(readUiLangArg(['x', '--ui-lang=es', '--ui-lang', 'fr'])).toBe('fr');
    expect(readUiLangArg(['x', '--data', 'dir'])).toBeUndefined();
  });
});

describe('the native menu in the interface language', () => {
  const clean = (label: string | undefined) => (label ?? '').replace(/&(?!&)/g, '');
  const build = (lang?: UiLang) => buildMenuTemplate({ isMac: false, isDev: false, appName: 'Plenary', recent: [], send: () => undefined, ...(lang ? { lang } : {}) });

  it('reads Fichier, Édition, Affichage … in French and Archivo, Edición, Ver … in Spanish, English by default', () => {
    expect(build().map((i) => clean(i.label))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(build('fr').map((i) => clean(i.label))).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(build('es').map((i) => clean(i.label))).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
    expect(build('fr')[0]?.label).toBe('&Fichier');
  });

  it('follows the page when its interface language changes: the rebuilt menu reads in the new language', () => {
    let lang: UiLang = 'en';
    const labels = () => build(lang).map((i) => clean(i.label));
    expect(labels()[0]).toBe('File');
    lang = menuLangAfter(lang, 'es');
    expect(labels()).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
    const view = build(lang)[2]?.submenu as { id?: string; label?: string }[];
    expect(view.find((i) => i.id === 'view.uiLanguage')?.label).toBe(translate('es', 'native.view.uiLanguage'));
    // What is not an interface language leaves the menu as it is.
    for (const bad of ['de', '', null, 42, { lang: 'fr' }]) expect(menuLangAfter(lang, bad)).toBe('es');
    lang = menuLangAfter(lang, 'fr');
    expect(labels()[1]).toBe('Édition');
  });

  it('translates items but keeps their command ids and keys', () => {
    const file = build('fr')[0]?.submenu as { id?: string; label?: string; accelerator?: string }[];
    const save = file.find((i) => i.id === 'file.save');
    expect(save).toMatchObject({ label: 'Enregistrer', accelerator: 'CmdOrCtrl+S' });
    const en = (build()[0]?.submenu as { id?: string }[]).map((i) => i.id);
    expect(file.map((i) => i.id)).toEqual(en);
  });
});
