import type { Translations } from '../../core/i18n/i18n.js';
import type { CriterionCardStringKey } from './strings.js';

/** `<lc-criterion-card>`’s strings in Danish, loaded when an element first shows Danish. */
const da: Translations<CriterionCardStringKey> = {
  more: 'Mere om dette kriterium',
  'why.heading': 'Hvorfor det er vigtigt',
  'prompts.heading': 'Spørgsmål til refleksion',
  'levels.heading': 'Sådan ser hvert niveau ud',
};
export default da;
