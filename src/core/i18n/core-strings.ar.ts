import type { Translations } from './i18n.js';
import type { CoreStringKey } from './core-strings.js';

/** The strings every element shares in Arabic, loaded when an element first shows Arabic. */
const ar: Translations<CoreStringKey> = {
  'scale.0.label': 'لم يُعالَج',
  'scale.0.description': 'لا يعمل المجتمع على هذا بعد.',
  'scale.1.label': 'عرضي',
  'scale.1.description': 'توجد حالات عرضية ومتفرقة.',
  'scale.2.label': 'يُمارَس بانتظام',
  'scale.2.description': 'يُمارَس بانتظام، لكنه لم يُختبر أو يُتحدَّ بعد.',
  'scale.3.label': 'مُختبَر ومُتحدّى',
  'scale.3.description': 'يُمارَس ويُختبر ويُتحدّى.',
  'scale.4.label': 'منهجي',
  'scale.4.description': 'يُمارَس ويُختبر ويُتحدّى ويُناقش نقدياً بشكل دائم وعلى مستوى منهجي.',
  'scale.dont-know.label': 'لا أعرف',
  'scale.dont-know.description': 'لا أستطيع الحكم على هذا.',
  'scale.dont-know.number': '؟',
  'submit.send': 'إرسال',
  'submit.sending': 'جارٍ الإرسال…',
  'submit.sent': 'شكراً. تم إرسال إجابتك.',
  'submit.queued': 'تم الحفظ. ستُرسل عند عودة الاتصال.',
  'submit.queued-memory': 'في انتظار الاتصال. أبقِ هذه الصفحة مفتوحة حتى يتم الإرسال.',
  'submit.queued-server': 'تم الحفظ. تعذّر على الخادم استلامها الآن؛ ستُرسل مرة أخرى تلقائياً.',
  'submit.queued-server-memory': 'تعذّر على الخادم استلامها الآن. أبقِ هذه الصفحة مفتوحة: ستُرسل مرة أخرى تلقائياً.',
  'submit.rejected': 'لم تُقبل: {reason}. إجابتك ما زالت هنا؛ يمكنك تعديلها والمحاولة مرة أخرى.',
  'submit.retry': 'حاول مرة أخرى',
  'submit.change': 'تغيير إجابتي',
  'submit.handled': 'تم تمرير إجابتك.',
  'submit.criteria-loading': 'لم يكتمل تحميل المعايير بعد، لذلك لم يُرسَل شيء',
  'submit.criteria-failed': 'تعذّر تحميل المعايير، لذلك لم يُرسَل شيء',
  'submit.settings-invalid':
    'أُعدّت هذه الصفحة بمجتمع أو جولة أو منظور أو مُجيب غير صالح، لذلك لم يُرسَل شيء (على صاحب الموقع تصحيح ذلك)',
  'submit.no-endpoint': 'لم يُحدَّد عنوان يُرسَل إليه',
  'storage.unavailable': 'لا يسمح هذا المتصفح بحفظ المسودات على الجهاز: أبقِ الصفحة مفتوحة حتى تُرسل.',
  'storage.none': 'لا يُحفظ شيء على هذا الجهاز: أبقِ الصفحة مفتوحة حتى تُرسل.',
  'config.error': 'مشكلة في الإعداد: {problem}',
  'criteria.loading': 'جارٍ تحميل المعايير…',
  'criteria.error': 'تعذّر تحميل المعايير: {problem}',
  'criteria.unavailable': 'تعذّر تحميل المعايير.',
  'criteria.loaded': 'اكتمل تحميل المعايير.',
  'criterion.unknown': 'لا يوجد معيار «{id}» في المجموعة «{set}».',
};
export default ar;
