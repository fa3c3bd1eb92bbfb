import type { Translations } from '../../core/i18n/i18n.js';
import type { CriterionCardStringKey } from './strings.js';

/** `<lc-criterion-card>`’s strings in Arabic, loaded when an element first shows Arabic. */
const ar: Translations<CriterionCardStringKey> = {
  more: 'المزيد عن هذا المعيار',
  'why.heading': 'لماذا هو مهم',
  'prompts.heading': 'أسئلة للتأمل',
  'levels.heading': 'كيف يبدو كل مستوى',
};
export default ar;
