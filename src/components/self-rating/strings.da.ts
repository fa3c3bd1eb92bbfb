import type { Translations } from '../../core/i18n/i18n.js';
import type { SelfRatingStringKey } from './strings.js';

/** `<lc-self-rating>`’s strings in Danish, loaded when an element first shows Danish. */
const da: Translations<SelfRatingStringKey> = {
  'label.default': 'Hvor langt er jeres fællesskab nået?',
  required: 'Vælg en af mulighederne.',
  'answer.none': 'Du har ikke valgt et svar endnu.',
  'answer.chosen': 'Dit svar: {label}.',
  'comment.label': 'Kommentar (valgfri)',
  'evidence.label': 'Link til dokumentation (valgfrit)',
  'evidence.hint': 'En webadresse, der begynder med https://',
  'evidence.invalid': 'Skriv en webadresse, der begynder med https:// eller http://. Din tekst er bevaret.',
  unavailable: 'På grund af problemet ovenfor kan spørgsmålet ikke besvares her.',
  'status.about': '{criterion}: {status}',
};
export default da;
