import { localeTable, translator } from '../../core/i18n/i18n.js';

/** `<lc-criterion-card>`'s own strings; scale labels and criteria notices come from the core strings. */
const en = {
  more: 'More about this criterion',
  'why.heading': 'Why it matters',
  'prompts.heading': 'Questions to reflect on',
  'levels.heading': 'What each level looks like',
};

export const strings = localeTable(
  en,
  {
    da: () => import('./strings.da.js'),
    de: () => import('./strings.de.js'),
    ar: () => import('./strings.ar.js'),
  },
  // The compact card's disclosure button.
  /^more$/,
);

export const msg = translator(strings);
export type CriterionCardStringKey = keyof typeof en;
