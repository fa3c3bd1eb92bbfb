import { translator, type LocaleTable } from '../../core/i18n/i18n.js';

/** `<lc-criterion-card>`'s own strings; scale labels and criteria notices come from the core strings. */
const en = {
  more: 'More about this criterion',
  'why.heading': 'Why it matters',
  'prompts.heading': 'Questions to reflect on',
  'levels.heading': 'What each level looks like',
};

export const strings: LocaleTable<typeof en> = {
  en,
  da: {
    more: 'Mere om dette kriterium',
    'why.heading': 'Hvorfor det er vigtigt',
    'prompts.heading': 'Spørgsmål til refleksion',
    'levels.heading': 'Sådan ser hvert niveau ud',
  },
  de: {
    more: 'Mehr zu diesem Kriterium',
    'why.heading': 'Warum es wichtig ist',
    'prompts.heading': 'Fragen zum Nachdenken',
    'levels.heading': 'So sieht jede Stufe aus',
  },
  ar: {
    more: 'المزيد عن هذا المعيار',
    'why.heading': 'لماذا هو مهم',
    'prompts.heading': 'أسئلة للتأمل',
    'levels.heading': 'كيف يبدو كل مستوى',
  },
};

export const msg = translator(strings);
export type CriterionCardStringKey = keyof typeof en;
