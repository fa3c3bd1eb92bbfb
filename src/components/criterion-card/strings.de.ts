import type { Translations } from '../../core/i18n/i18n.js';
import type { CriterionCardStringKey } from './strings.js';

/** `<lc-criterion-card>`’s strings in German, loaded when an element first shows German. */
const de: Translations<CriterionCardStringKey> = {
  more: 'Mehr zu diesem Kriterium',
  'why.heading': 'Warum es wichtig ist',
  'prompts.heading': 'Fragen zum Nachdenken',
  'levels.heading': 'So sieht jede Stufe aus',
};
export default de;
