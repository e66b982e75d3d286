/**
 * Arabic opening phrases. Preambular paragraphs after the first start with the conjunction و
 * ("وإذ تشير", "وقد نظرت"); the lexicon lists them without it and detection accepts both.
 * Verbs agree with the organ: الجمعية العامة is feminine ("تقرر", "إذ تشير"), مجلس الأمن and the
 * other councils masculine ("يقرر", "إذ يشير"). The phrase excludes a following preposition
 * (إلى، ب، على، في، عن) whether written apart ("تشير إلى") or attached ("ترحب بالتقرير").
 * Diacritics (ً ُ ّ …) and tatweel are ignored by detection; hamza forms of alif (أ إ آ) match ا.
 */
import { g, type LexiconData } from './types.js';

/** Arabic lexicon data. */
export const AR: LexiconData = {
  spaced: true,
  joiner: ' ',
  ppConjunction: 'و',
  pp: {
    phrases: [
      g('إذ تشير', 'إذ يشير'), // Recalling (إلى)
      g('إذ تسلم', 'إذ يسلم'), // Recognizing (ب / بأن)
      g('إذ تعيد تأكيد', 'إذ يعيد تأكيد'), // Reaffirming
      g('إذ تلاحظ', 'إذ يلاحظ'), // Noting
      g('إذ ترحب', 'إذ يرحب'), // Welcoming (ب)
      g('إذ تشير أيضا', 'إذ يشير أيضا'), // Recalling also
      g('إذ تحيط علما', 'إذ يحيط علما'), // Taking note (ب)
      g('إذ تشدد', 'إذ يشدد'), // Stressing (على)
      g('إذ تؤكد', 'إذ يؤكد'), // Emphasizing / affirming
      g('إذ تسلم أيضا', 'إذ يسلم أيضا'), // Recognizing also
      g('إذ تقر', 'إذ يقر'), // Acknowledging / recognizing
      g('إذ تعترف', 'إذ يعترف'), // Acknowledging
      g('إذ تشير كذلك', 'إذ يشير كذلك'), // Recalling further
      g('إذ تؤكد من جديد', 'إذ يؤكد من جديد'), // Reaffirming
      g('إذ تؤكد مجددا', 'إذ يؤكد مجددا'), // Reaffirming
      g('إذ تضع في اعتبارها', 'إذ يضع في اعتباره'), // Bearing in mind
      g('اقتناعا منها', 'اقتناعا منه'), // Convinced
      g('إذ تدرك', 'إذ يدرك'), // Mindful / aware / cognizant
      g('إذ تبرز', 'إذ يبرز'), // Underlining
      g('إذ تعرب عن القلق', 'إذ يعرب عن القلق'), // Expressing concern
      g('إذ تعرب عن قلقها', 'إذ يعرب عن قلقه'), // Expressing concern
      g('إذ يساورها القلق', 'إذ يساوره القلق'), // Concerned
      g('قد نظرت', 'قد نظر'), // Having considered (في)
      g('إذ تلاحظ مع القلق', 'إذ يلاحظ مع القلق'), // Noting with concern
      g('إذ يساورها بالغ القلق', 'إذ يساوره بالغ القلق'), // Deeply concerned
      g('إذ يساورها قلق بالغ', 'إذ يساوره قلق بالغ'), // Deeply concerned
      g('إذ ترحب أيضا', 'إذ يرحب أيضا'), // Welcoming also
      g('إذ تكرر تأكيد', 'إذ يكرر تأكيد'), // Reiterating
      g('إذ تكرر', 'إذ يكرر'), // Reiterating
      g('إذ تلاحظ مع التقدير', 'إذ يلاحظ مع التقدير'), // Noting with appreciation
      g('إدراكا منها', 'إدراكا منه'), // Conscious / aware
      g('إذ تعي', 'إذ يعي'), // Conscious
      g('إذ تعرب عن بالغ قلقها', 'إذ يعرب عن بالغ قلقه'), // Expressing deep concern
      g('إذ تعرب عن بالغ القلق', 'إذ يعرب عن بالغ القلق'), // Expressing deep concern
      g('إذ تلاحظ مع بالغ القلق', 'إذ يلاحظ مع بالغ القلق'), // Noting with great concern
      g('إذ تدين', 'إذ يدين'), // Condemning
      g('إذ ترى', 'إذ يرى'), // Considering
      g('إذ تسترشد', 'إذ يسترشد'), // Guided (ب)
      g('إذ تلاحظ مع الارتياح', 'إذ يلاحظ مع الارتياح'), // Noting with satisfaction
      g('إذ يساورها قلق شديد', 'إذ يساوره قلق شديد'), // Gravely concerned (UNVERIFIED)
      g('إذ يثير جزعها', 'إذ يثير جزعه'), // Alarmed
      g('قد درست', 'قد درس'), // Having examined
      g('إذ تستنكر', 'إذ يستنكر'), // Deploring
      g('إذ تأسف', 'إذ يأسف'), // Deploring / regretting
      g('تصميما منها', 'تصميما منه'), // Determined
      // Others.
      g('إذ تلاحظ أيضا', 'إذ يلاحظ أيضا'),
      g('إذ تحيط علما أيضا', 'إذ يحيط علما أيضا'),
      g('إذ تأخذ في الاعتبار', 'إذ يأخذ في الاعتبار'), // Taking into account
      g('إذ تضع في الاعتبار', 'إذ يضع في الاعتبار'),
      g('قد اعتمدت', 'قد اعتمد'), // Having adopted
      g('قد استعرضت', 'قد استعرض'), // Having reviewed
      g('قد استمعت', 'قد استمع'), // Having heard
      g('إذ تعرب عن تقديرها', 'إذ يعرب عن تقديره'), // Expressing its appreciation
      g('إذ تعرب عن امتنانها', 'إذ يعرب عن امتنانه'), // Expressing its gratitude
      g('إذ تعرب عن تأييدها', 'إذ يعرب عن تأييده'), // Expressing its support
      g('إذ تعرب عن أسفها', 'إذ يعرب عن أسفه'), // Expressing regret
      g('إذ تعرب عن قلقها البالغ', 'إذ يعرب عن قلقه البالغ'),
      g('إذ تحيط علما مع التقدير', 'إذ يحيط علما مع التقدير'),
      g('إذ تلاحظ بقلق', 'إذ يلاحظ بقلق'),
      g('إذ تلاحظ مع الأسف', 'إذ يلاحظ مع الأسف'),
      g('إذ تلاحظ باهتمام', 'إذ يلاحظ باهتمام'),
      g('إذ تشعر بالقلق', 'إذ يشعر بالقلق'),
      g('إذ تشعر ببالغ القلق', 'إذ يشعر ببالغ القلق'),
      g('إذ تشعر بالجزع', 'إذ يشعر بالجزع'),
      g('إذ تدين بشدة', 'إذ يدين بشدة'), // Strongly condemning
      g('إذ تقدر', 'إذ يقدر'), // Appreciating
      g('إذ تثني', 'إذ يثني'), // Commending (على)
      g('إذ تشيد', 'إذ يشيد'), // Commending / paying tribute (ب)
      g('إذ تنوه', 'إذ ينوه'), // Noting with appreciation (ب)
      g('إذ يشجعها', 'إذ يشجعه'), // Encouraged (UNVERIFIED)
      g('إذ تعتبر', 'إذ يعتبر'), // Considering
      g('إذ تتطلع', 'إذ يتطلع'), // Looking forward (إلى)
      g('وعيا منها', 'وعيا منه'), // Conscious (UNVERIFIED)
      // Security Council preambles.
      g('إذ تتصرف', 'إذ يتصرف'), // Acting (بموجب الفصل السابع)
      g('إذ تهيب', 'إذ يهيب'), // Calling upon
      g('إذ تحث', 'إذ يحث'), // Urging
      g('إذ تشجع', 'إذ يشجع'), // Encouraging
      g('إذ تطلب', 'إذ يطلب'), // Requesting
      g('إذ تدعو', 'إذ يدعو'), // Calling for / inviting
      g('إذ تطالب', 'إذ يطالب'), // Demanding
    ],
    prefixes: [],
    infixes: ['أيضا', 'كذلك', 'مجددا', 'من جديد', 'مرة أخرى', 'بشدة', 'بقوة'],
  },
  op: {
    phrases: [
      g('تشجع', 'يشجع'), // Encourages
      g('تهيب', 'يهيب'), // Calls upon (ب)
      g('تحث', 'يحث'), // Urges
      g('ترحب', 'يرحب'), // Welcomes (ب)
      g('تطلب', 'يطلب'), // Requests (إلى)
      g('تقرر', 'يقرر'), // Decides
      g('تسلم', 'يسلم'), // Recognizes (ب)
      g('تلاحظ', 'يلاحظ'), // Notes
      g('تشير', 'يشير'), // Recalls (إلى)
      g('تعيد تأكيد', 'يعيد تأكيد'), // Reaffirms
      g('تؤكد من جديد', 'يؤكد من جديد'), // Reaffirms
      g('تؤكد مجددا', 'يؤكد مجددا'), // Reaffirms
      g('تشدد', 'يشدد'), // Stresses (على)
      g('تؤكد', 'يؤكد'), // Emphasizes / affirms
      g('تحيط علما', 'يحيط علما'), // Takes note (ب)
      g('تعترف', 'يعترف'), // Acknowledges
      g('تقر', 'يقر'), // Acknowledges / recognizes
      g('تكرر تأكيد', 'يكرر تأكيد'), // Reiterates
      g('تكرر', 'يكرر'), // Reiterates
      g('تبرز', 'يبرز'), // Underlines / underscores
      g('تشجع أيضا', 'يشجع أيضا'), // Also encourages
      g('تدعو', 'يدعو'), // Calls for (إلى) / invites
      g('تلاحظ مع التقدير', 'يلاحظ مع التقدير'), // Notes with appreciation
      g('تطلب أيضا', 'يطلب أيضا'), // Also requests
      g('تثني', 'يثني'), // Commends (على)
      g('تشيد', 'يشيد'), // Commends (ب)
      g('تلاحظ مع القلق', 'يلاحظ مع القلق'), // Notes with concern
      g('تلاحظ مع الارتياح', 'يلاحظ مع الارتياح'), // Notes with satisfaction
      g('تعرب عن تقديرها', 'يعرب عن تقديره'), // Expresses its appreciation
      g('توصي', 'يوصي'), // Recommends
      g('تقرر أيضا', 'يقرر أيضا'), // Also decides
      g('تشجع كذلك', 'يشجع كذلك'), // Further encourages
      g('تعرب عن القلق', 'يعرب عن القلق'), // Expresses concern
      g('تعرب عن قلقها', 'يعرب عن قلقه'), // Expresses concern
      g('تدين', 'يدين'), // Condemns
      g('تطالب', 'يطالب'), // Demands
      g('تشجع بقوة', 'يشجع بقوة'), // Strongly encourages
      g('تكرر دعوتها', 'يكرر دعوته'), // Reiterates its call upon
      g('ترى', 'يرى'), // Considers
      g('تعتبر', 'يعتبر'), // Considers
      g('تناشد', 'يناشد'), // Appeals
      g('تؤيد', 'يؤيد'), // Endorses / supports
      g('تستنكر', 'يستنكر'), // Deplores
      g('تشجب', 'يشجب'), // Deplores
      // Others.
      g('توافق', 'يوافق'), // Approves / agrees (على)
      g('تعتمد', 'يعتمد'), // Adopts
      g('تأذن', 'يأذن'), // Authorizes
      g('تعلن', 'يعلن'), // Declares / proclaims
      g('تعرب عن بالغ قلقها', 'يعرب عن بالغ قلقه'), // Expresses deep concern
      g('تعرب عن بالغ القلق', 'يعرب عن بالغ القلق'),
      g('تعرب عن قلقها البالغ', 'يعرب عن قلقه البالغ'),
      g('تعرب عن امتنانها', 'يعرب عن امتنانه'), // Expresses its gratitude
      g('تعرب عن تأييدها', 'يعرب عن تأييده'), // Expresses its support
      g('تعرب عن أسفها', 'يعرب عن أسفه'), // Expresses regret
      g('تعرب عن تضامنها', 'يعرب عن تضامنه'), // Expresses its solidarity
      g('تحيط علما مع التقدير', 'يحيط علما مع التقدير'), // Takes note with appreciation
      g('تحيط علما مع الارتياح', 'يحيط علما مع الارتياح'),
      g('تحيط علما مع الاهتمام', 'يحيط علما مع الاهتمام'),
      g('تلاحظ مع بالغ القلق', 'يلاحظ مع بالغ القلق'), // Notes with deep concern
      g('تلاحظ بقلق', 'يلاحظ بقلق'),
      g('تلاحظ مع الأسف', 'يلاحظ مع الأسف'),
      g('تلاحظ باهتمام', 'يلاحظ باهتمام'),
      g('تأسف', 'يأسف'), // Regrets
      g('تدين بشدة', 'يدين بشدة'), // Strongly condemns
      g('تشكر', 'يشكر'), // Thanks
      g('تهنئ', 'يهنئ'), // Congratulates
      g('تذكر', 'يذكر'), // Reminds (UNVERIFIED)
      g('تتطلع', 'يتطلع'), // Looks forward (إلى)
      g('تصر', 'يصر'), // Insists (على)
      g('تكلف', 'يكلف'), // Mandates / instructs
      g('تعين', 'يعين'), // Designates
      g('تنشئ', 'ينشئ'), // Establishes
      g('تمدد', 'يمدد'), // Extends
      g('تدعم', 'يدعم'), // Supports
      g('تنوه', 'ينوه'), // Notes with appreciation (ب)
    ],
    prefixes: [],
    infixes: ['أيضا', 'كذلك', 'مجددا', 'من جديد', 'مرة أخرى', 'بشدة', 'بقوة'],
  },
};
