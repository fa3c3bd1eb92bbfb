import type { Translations } from '../../core/i18n/i18n.js';
import type { SelfRatingStringKey } from './strings.js';

/** `<lc-self-rating>`’s strings in Arabic, loaded when an element first shows Arabic. */
const ar: Translations<SelfRatingStringKey> = {
  'label.default': 'إلى أي مدى وصل مجتمعكم؟',
  required: 'اختر أحد الخيارات.',
  'answer.none': 'لم تختر إجابة بعد.',
  'answer.chosen': 'إجابتك: {label}.',
  'comment.label': 'تعليق (اختياري)',
  'evidence.label': 'رابط إلى دليل (اختياري)',
  'evidence.hint': 'عنوان ويب يبدأ بـ ⁦https://⁩',
  'evidence.invalid': 'أدخل عنوان ويب يبدأ بـ ⁦https://⁩ أو ⁦http://⁩. نصك محفوظ.',
  unavailable: 'بسبب المشكلة المذكورة أعلاه، لا يمكن الإجابة عن هذا السؤال هنا.',
  'status.about': '{criterion}: {status}',
};
export default ar;
