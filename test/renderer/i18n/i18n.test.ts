// The renderer's i18n: plural forms through i18next, dates and numbers by Intl in each interface
// language, the stored choice, app.info's forced language, and API errors wrapped in the language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAppInfo, chooseUiLang, errorMessage, formatDate, formatNumber, i18n, t, uiLang, UI_LANG_STORAGE_KEY } from '../../../src/renderer/i18n/index.js';
import { ApiError } from '../../../src/renderer/api.js';
import { dateProblem } from '../../../src/renderer/components/MetadataForm.js';

afterEach(() => {
  localStorage.clear();
  void i18n.changeLanguage('en');
});

describe('renderer i18n', () => {
  it('starts in English in the test browser (navigator.languages is en-US)', () => {
    expect(uiLang()).toBe('en');
    expect(t('menu.file')).toBe('File');
  });

  it('plural forms in each language', () => {
    const cases: [string, number, string][] = [
      ['en', 1, '1 match'],
      ['en', 0, '0 matches'],
      ['en', 3, '3 matches'],
      ['fr', 1, '1 résultat'],
      ['fr', 0, '0 résultat'],
      ['fr', 3, '3 résultats'],
      ['fr', 1_000_000, '1000000 de résultats'],
      ['es', 1, '1 coincidencia'],
      ['es', 3, '3 coincidencias'],
      ['es', 1_000_000, '1000000 de coincidencias'],
    ];
    for (const [lang, count, want] of cases) {
      void i18n.changeLanguage(lang);
      expect(t('find.matches', { count }), `${lang} ${count}`).toBe(want);
    }
  });

  it('dates read as the UN writes them in each language, never 12/7/2026', () => {
    const d = new Date(2026, 11, 7, 15, 30);
    expect(formatDate(d, 'en')).toBe('7 December 2026');
    expect(formatDate(d, 'fr')).toBe('7 décembre 2026');
    expect(formatDate(d, 'es')).toBe('7 de diciembre de 2026');
    // A calendar day stays that day whatever the time zone; a non-date is shown as given.
    expect(formatDate('2026-12-07', 'fr')).toBe('7 décembre 2026');
    expect(formatDate('unknown', 'en')).toBe('unknown');
    void i18n.changeLanguage('es');
    expect(formatDate(d)).toBe('7 de diciembre de 2026');
  });

  it('numbers group digits as each language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'fr')).toBe('12\u202f345');
    expect(formatNumber(12345, 'es')).toBe('12.345');
    void i18n.changeLanguage('fr');
    expect(t('status.words', { count: 12345, formatted: formatNumber(12345) })).toBe('12\u202f345 mots');
  });

  it('a choice in Settings is applied and remembered; the OS locale does not override it', () => {
    chooseUiLang('es');
    expect(localStorage.getItem(UI_LANG_STORAGE_KEY)).toBe('es');
    expect(t('menu.edit')).toBe('Edición');
    expect(document.documentElement.lang).toBe('es');
    applyAppInfo({ uiLang: { system: 'fr-FR' } });
    expect(uiLang()).toBe('es');
  });

  it('without a stored choice the OS locale from app.info is followed; --ui-lang wins over a stored choice', () => {
    applyAppInfo({ uiLang: { system: 'fr-FR' } });
    expect(uiLang()).toBe('fr');
    chooseUiLang('es');
    applyAppInfo({ uiLang: { forced: 'fr' } });
    expect(t('menu.file')).toBe('Fichier');
    expect(localStorage.getItem(UI_LANG_STORAGE_KEY)).toBe('es'); // forced is for the session only
  });

  it('tells the desktop shell every change of language, so the native menu is rebuilt in it', () => {
    const setUiLang = vi.fn();
    window.plenary = { platform: 'linux', onCommand: () => () => undefined, setUiLang };
    try {
      chooseUiLang('fr');
      applyAppInfo({ uiLang: { forced: 'es' } });
      expect(setUiLang.mock.calls).toEqual([['fr'], ['es']]);
    } finally {
      delete window.plenary;
    }
  });

  it('a service message with a code is said in the interface language; an unknown code keeps the English text', () => {
    void i18n.changeLanguage('fr');
    expect(errorMessage(new ApiError('NOT_FOUND', 'a.docx was not found.', { code: 'file.notFound', values: { file: 'a.docx' } }))).toBe('Introuvable\u00a0: a.docx est introuvable.');
    expect(errorMessage(new ApiError('IO', 'Disk trouble.', { code: 'no.such.code' }))).toBe(t('error.IO', { message: 'Disk trouble.' }));
    void i18n.changeLanguage('es');
    expect(errorMessage(new ApiError('FORBIDDEN', 'x', { code: 'access.readRefused', values: { path: '/x/a.plenary' } }))).toContain('se rechazó /x/a.plenary. Elíjalo con Archivo › Abrir.');
  });

  it('a message followed by another (a failed save, then where the work is) is said whole, or in English when a part is unknown', () => {
    void i18n.changeLanguage('fr');
    const next = { code: 'save.journalKept', values: { journal: '/r/d.json' } };
    const said = errorMessage(new ApiError('IO', 'English.', { code: 'write.diskFull', values: { file: '/x/a.plenary' }, next }));
    expect(said).toContain('Le disque est plein\u00a0: /x/a.plenary n’a pas pu être écrit. La version précédente a été conservée. Votre travail est en sécurité dans le journal de récupération /r/d.json\u00a0;');
    expect(errorMessage(new ApiError('IO', 'English.', { code: 'write.diskFull', values: { file: 'a' }, next: { code: 'no.such' } }))).toBe(t('error.IO', { message: 'English.' }));
  });

  it('date problems in the metadata form speak the interface language, months by name', () => {
    void i18n.changeLanguage('fr');
    expect(dateProblem('2023-02-30')).toBe('Le mois de février 2023 compte 28 jours.');
    void i18n.changeLanguage('es');
    expect(dateProblem('2024-02-30')).toBe('El mes de febrero de 2024 tiene 29 días.');
    void i18n.changeLanguage('en');
    expect(dateProblem('2023-02-30')).toBe('February 2023 has 28 days.');
  });

  it('API errors get a wrapper in the interface language around the server text', () => {
    void i18n.changeLanguage('fr');
    expect(errorMessage(new ApiError('NOT_FOUND', 'No draft at x.plenary.'))).toBe('Introuvable\u00a0: No draft at x.plenary.');
    expect(errorMessage(new ApiError('SOMETHING_NEW', 'Raw text.'))).toBe('Raw text.');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('text')).toBe('text');
  });
});
