/**
 * The fixed words of the masthead and heading block, per language and organ (un-format.md §1,
 * §2, §4). Shared by the editor's masthead preview and every exporter.
 */
import type { FrontMatter, Language, Organ } from './model.js';

/** The kind of document as `plenary parse --json` reports it (issue 13). */
export type DocumentForm = 'resolution' | 'draft-resolution' | 'draft-decision' | 'amendment';

/**
 * What a document is: an adopted resolution, or a draft resolution, draft decision or amendment
 * as its sponsor line ("…: draft decision", "…: amendment to draft resolution A/80/L.18") or
 * bureau line ("Draft decision submitted by the Chair") says; drafts default to draft resolution.
 */
export function documentForm(meta: Pick<FrontMatter, 'kind' | 'bureauLine' | 'sponsorLineEnd'>): DocumentForm {
  if (meta.kind === 'resolution') return 'resolution';
  const words = (meta.sponsorLineEnd || meta.bureauLine || '').toLowerCase();
  if (/^(?:amendment|amendement|enmienda|поправк)/u.test(words)) return 'amendment';
  // Only the document's own kind, not a draft resolution named later in a bureau line.
  const own = words.split(/(?<!\s)\s+(?:submitted|présenté|presentado|on the basis)\b/u)[0]!;
  if (/decision|décision|decisión|решени/u.test(own)) return 'draft-decision';
  return 'draft-resolution';
}

/** The committee's name as its drafts print it ("Third Committee"); "" for plenary and other organs. */
export function committeeName(lang: Language, organ: Organ): string {
  return mastheadWords(lang, organ).committee;
}

/** Words of the masthead for one language and organ. */
export interface MastheadWords {
  unitedNations: string;
  organ: string;
  distrGeneral: string;
  distrLimited: string;
  original: (lang: Language) => string;
  committee: string;
  agendaItems: (numbers: string[]) => string;
  adoptedBy: string;
  on: (date: string) => string;
  draftResolution: string;
  symbolPlaceholder: string;
  datePlaceholder: string;
  titlePlaceholder: string;
  sponsorsPlaceholder: string;
}

const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', ar: 'Arabic', zh: 'Chinese' },
  fr: { en: 'anglais', fr: 'français', es: 'espagnol', ru: 'russe', ar: 'arabe', zh: 'chinois' },
  es: { en: 'inglés', fr: 'francés', es: 'español', ru: 'ruso', ar: 'árabe', zh: 'chino' },
  ru: { en: 'английский', fr: 'французский', es: 'испанский', ru: 'русский', ar: 'арабский', zh: 'китайский' },
  ar: { en: 'الإنكليزية', fr: 'الفرنسية', es: 'الإسبانية', ru: 'الروسية', ar: 'العربية', zh: 'الصينية' },
  zh: { en: '英文', fr: '法文', es: '西班牙文', ru: '俄文', ar: '阿拉伯文', zh: '中文' },
};

const ORGAN_NAMES: Record<Language, Record<'ga' | 'sc' | 'ecosoc' | 'hrc' | 'other', string>> = {
  en: { ga: 'General Assembly', sc: 'Security Council', ecosoc: 'Economic and Social Council', hrc: 'Human Rights Council', other: 'United Nations' },
  fr: { ga: 'Assemblée générale', sc: 'Conseil de sécurité', ecosoc: 'Conseil économique et social', hrc: "Conseil des droits de l'homme", other: 'Nations Unies' },
  es: { ga: 'Asamblea General', sc: 'Consejo de Seguridad', ecosoc: 'Consejo Económico y Social', hrc: 'Consejo de Derechos Humanos', other: 'Naciones Unidas' },
  ru: { ga: 'Генеральная Ассамблея', sc: 'Совет Безопасности', ecosoc: 'Экономический и Социальный Совет', hrc: 'Совет по правам человека', other: 'Организация Объединенных Наций' },
  ar: { ga: 'الجمعية العامة', sc: 'مجلس الأمن', ecosoc: 'المجلس الاقتصادي والاجتماعي', hrc: 'مجلس حقوق الإنسان', other: 'الأمم المتحدة' },
  zh: { ga: '大会', sc: '安全理事会', ecosoc: '经济及社会理事会', hrc: '人权理事会', other: '联合国' },
};

const ORDINAL_COMMITTEE: Record<Language, string[]> = {
  // The Fourth Committee's masthead name is its full name (A/C.4/80/L.10).
  en: ['First Committee', 'Second Committee', 'Third Committee', 'Special Political and Decolonization Committee (Fourth Committee)', 'Fifth Committee', 'Sixth Committee'],
  fr: ['Première Commission', 'Deuxième Commission', 'Troisième Commission', 'Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)', 'Cinquième Commission', 'Sixième Commission'],
  es: ['Primera Comisión', 'Segunda Comisión', 'Tercera Comisión', 'Comisión Política Especial y de Descolonización (Cuarta Comisión)', 'Quinta Comisión', 'Sexta Comisión'],
  ru: ['Первый комитет', 'Второй комитет', 'Третий комитет', 'Четвертый комитет', 'Пятый комитет', 'Шестой комитет'],
  ar: ['اللجنة الأولى', 'اللجنة الثانية', 'اللجنة الثالثة', 'اللجنة الرابعة', 'اللجنة الخامسة', 'اللجنة السادسة'],
  zh: ['第一委员会', '第二委员会', '第三委员会', '第四委员会', '第五委员会', '第六委员会'],
};

function organKey(organ: Organ): 'ga' | 'sc' | 'ecosoc' | 'hrc' | 'other' {
  if (organ === 'ga' || organ.startsWith('ga-c')) return 'ga';
  return organ as 'sc' | 'ecosoc' | 'hrc' | 'other';
}

function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The masthead words for `lang` and `organ`. */
export function mastheadWords(lang: Language, organ: Organ): MastheadWords {
  const organName = ORGAN_NAMES[lang][organKey(organ)];
  const committeeIndex = organ.startsWith('ga-c') ? Number(organ.slice(4)) - 1 : -1;
  const committee = committeeIndex >= 0 ? ORDINAL_COMMITTEE[lang][committeeIndex]! : '';
  const names = LANGUAGE_NAMES[lang];
  switch (lang) {
    case 'fr':
      return {
        unitedNations: 'Nations Unies',
        organ: organName,
        distrGeneral: 'Distr. générale',
        distrLimited: 'Distr. limitée',
        original: (l) => `Original : ${names[l]}`,
        committee,
        agendaItems: (n) => (n.length > 1 ? `Points ${joinList(n, 'et')} de l'ordre du jour` : `Point ${n[0]} de l'ordre du jour`),
        adoptedBy: `Résolution adoptée par ${organKey(organ) === 'ga' ? "l'Assemblée générale" : `le ${organName}`}`,
        on: (d) => `le ${d}`,
        draftResolution: 'projet de résolution',
        symbolPlaceholder: 'Cote',
        datePlaceholder: 'Date',
        titlePlaceholder: 'Titre',
        sponsorsPlaceholder: 'Auteurs',
      };
    case 'es':
      return {
        unitedNations: 'Naciones Unidas',
        organ: organName,
        distrGeneral: 'Distr. general',
        distrLimited: 'Distr. limitada',
        original: (l) => `Original: ${names[l]}`,
        committee,
        agendaItems: (n) => (n.length > 1 ? `Temas ${joinList(n, 'y')} del programa` : `Tema ${n[0]} del programa`),
        adoptedBy: `Resolución aprobada por ${organKey(organ) === 'ga' ? 'la Asamblea General' : `el ${organName}`}`,
        on: (d) => `el ${d}`,
        draftResolution: 'proyecto de resolución',
        symbolPlaceholder: 'Signatura',
        datePlaceholder: 'Fecha',
        titlePlaceholder: 'Título',
        sponsorsPlaceholder: 'Patrocinadores',
      };
    case 'ru':
      return {
        unitedNations: 'Организация Объединенных Наций',
        organ: organName,
        distrGeneral: 'Distr.: General',
        distrLimited: 'Distr.: Limited',
        original: (l) => `Original: ${LANGUAGE_NAMES.en[l]}`,
        committee,
        agendaItems: (n) => (n.length > 1 ? `Пункты ${joinList(n, 'и')} повестки дня` : `Пункт ${n[0]} повестки дня`),
        adoptedBy: `Резолюция, принятая ${organKey(organ) === 'ga' ? 'Генеральной Ассамблеей' : organName}`,
        on: (d) => d,
        draftResolution: 'проект резолюции',
        symbolPlaceholder: 'Условное обозначение',
        datePlaceholder: 'Дата',
        titlePlaceholder: 'Название',
        sponsorsPlaceholder: 'Авторы',
      };
    case 'ar':
      return {
        unitedNations: 'الأمم المتحدة',
        organ: organName,
        distrGeneral: 'Distr.: General',
        distrLimited: 'Distr.: Limited',
        original: (l) => `Original: ${LANGUAGE_NAMES.en[l]}`,
        committee,
        agendaItems: (n) => (n.length > 1 ? `البنود ${joinList(n, 'و')} من جدول الأعمال` : `البند ${n[0]} من جدول الأعمال`),
        adoptedBy: `قرار اتخذته ${organName}`,
        on: (d) => `في ${d}`,
        draftResolution: 'مشروع قرار',
        symbolPlaceholder: 'الرمز',
        datePlaceholder: 'التاريخ',
        titlePlaceholder: 'العنوان',
        sponsorsPlaceholder: 'مقدمو المشروع',
      };
    case 'zh':
      return {
        unitedNations: '联合国',
        organ: organName,
        distrGeneral: 'Distr.: General',
        distrLimited: 'Distr.: Limited',
        original: (l) => `Original: ${LANGUAGE_NAMES.en[l]}`,
        committee,
        agendaItems: (n) => `议程项目${n.join('和')}`,
        adoptedBy: `${organName}`,
        on: (d) => `${d}通过的决议`,
        draftResolution: '决议草案',
        symbolPlaceholder: '文号',
        datePlaceholder: '日期',
        titlePlaceholder: '标题',
        sponsorsPlaceholder: '提案国',
      };
    default:
      return {
        unitedNations: 'United Nations',
        organ: organName,
        distrGeneral: 'Distr.: General',
        distrLimited: 'Distr.: Limited',
        original: (l) => `Original: ${names[l]}`,
        committee,
        agendaItems: (n) => (n.length > 1 ? `Agenda items ${joinList(n, 'and')}` : `Agenda item ${n[0]}`),
        adoptedBy: `Resolution adopted by the ${organName}`,
        on: (d) => `on ${d}`,
        draftResolution: 'draft resolution',
        symbolPlaceholder: 'Symbol',
        datePlaceholder: 'Date',
        titlePlaceholder: 'Title',
        sponsorsPlaceholder: 'Sponsors',
      };
  }
}

const REVISED: Readonly<Record<Language, (w: string) => string>> = {
  en: (w) => `revised ${w}`,
  fr: (w) => `${w} révisé`,
  es: (w) => `${w} revisado`,
  ru: (w) => `пересмотренный ${w}`,
  ar: (w) => `${w} منقح`,
  zh: (w) => `订正${w}`,
};

/**
 * The words after the sponsors: "draft resolution", "revised draft resolution" (revisions). The
 * exporters print them (export/wording.ts) and the Akoma Ntoso reader compares a sponsor line
 * with them (import/akn.ts), so they live here, outside both.
 */
export function draftResolutionWords(meta: FrontMatter, words: MastheadWords): string {
  return meta.kind === 'revision' ? REVISED[meta.language](words.draftResolution) : words.draftResolution;
}
