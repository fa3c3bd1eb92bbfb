import { translator, type LocaleTable } from '../../core/i18n/i18n.js';

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
};

export const strings: LocaleTable<typeof en> = {
  en,
  da: {
    'label.default': 'Hvor langt er jeres fællesskab nået?',
    required: 'Vælg en af mulighederne.',
    'answer.none': 'Du har ikke valgt et svar endnu.',
    'answer.chosen': 'Dit svar: {label}.',
    'comment.label': 'Kommentar (valgfri)',
    'evidence.label': 'Link til dokumentation (valgfrit)',
    'evidence.hint': 'En webadresse, der begynder med https://',
    'evidence.invalid': 'Skriv en webadresse, der begynder med https:// eller http://. Din tekst er bevaret.',
  },
  de: {
    'label.default': 'Wie weit ist Ihre Gemeinschaft?',
    required: 'Wählen Sie eine der Möglichkeiten.',
    'answer.none': 'Noch keine Antwort gewählt.',
    'answer.chosen': 'Ihre Antwort: {label}.',
    'comment.label': 'Kommentar (optional)',
    'evidence.label': 'Link zu einem Beleg (optional)',
    'evidence.hint': 'Eine Webadresse, die mit https:// beginnt',
    'evidence.invalid':
      'Geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt. Ihr Text bleibt erhalten.',
  },
  ar: {
    'label.default': 'إلى أي مدى وصل مجتمعكم؟',
    required: 'اختر أحد الخيارات.',
    'answer.none': 'لم تختر إجابة بعد.',
    'answer.chosen': 'إجابتك: {label}.',
    'comment.label': 'تعليق (اختياري)',
    'evidence.label': 'رابط إلى دليل (اختياري)',
    // U+2066…U+2069 isolate the addresses, so "https://" reads left to right inside Arabic text.
    'evidence.hint': 'عنوان ويب يبدأ بـ \u2066https://\u2069',
    'evidence.invalid': 'أدخل عنوان ويب يبدأ بـ \u2066https://\u2069 أو \u2066http://\u2069. نصك محفوظ.',
  },
};

export const msg = translator(strings);
export type SelfRatingStringKey = keyof typeof en;
