import { localeTable, translator } from '../../core/i18n/i18n.js';

/** `<lc-self-rating>`'s own strings; the scale and submission states come from the core strings. */
const en = {
  'label.default': 'How far has your community come?',
  required: 'Choose one of the options.',
  'answer.none': 'No answer chosen yet.',
  'answer.chosen': 'Your answer: {label}.',
  'comment.label': 'Comment (optional)',
  'evidence.label': 'Link to evidence (optional)',
  'evidence.hint': 'A web address starting with https://',
  'evidence.invalid': 'Enter a web address that starts with https:// or http://. Your text is kept.',
  unavailable: 'Because of the problem above, this question cannot be answered here.',
  'status.about': '{criterion}: {status}',
};

export const strings = localeTable(
  en,
  {
    da: () => import('./strings.da.js'),
    de: () => import('./strings.de.js'),
    ar: () => import('./strings.ar.js'),
  },
  // The group's label and the fields' (an empty override of one is not taken).
  /^(label\.default|comment\.label|evidence\.label)$/,
);

export const msg = translator(strings);
export type SelfRatingStringKey = keyof typeof en;
