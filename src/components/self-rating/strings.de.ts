import type { Translations } from '../../core/i18n/i18n.js';
import type { SelfRatingStringKey } from './strings.js';

/** `<lc-self-rating>`’s strings in German, loaded when an element first shows German. */
const de: Translations<SelfRatingStringKey> = {
  'label.default': 'Wie weit ist Ihre Gemeinschaft?',
  required: 'Wählen Sie eine der Möglichkeiten.',
  'answer.none': 'Noch keine Antwort gewählt.',
  'answer.chosen': 'Ihre Antwort: {label}.',
  'comment.label': 'Kommentar (optional)',
  'evidence.label': 'Link zu einem Beleg (optional)',
  'evidence.hint': 'Eine Webadresse, die mit https:// beginnt',
  'evidence.invalid': 'Geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt. Ihr Text bleibt erhalten.',
  unavailable: 'Wegen des Problems oben kann diese Frage hier nicht beantwortet werden.',
  'status.about': '{criterion}: {status}',
};
export default de;
