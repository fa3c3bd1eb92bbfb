import type { Translations } from '../../core/i18n/i18n.js';
import type { JournalStringKey } from './strings.js';

/** `<lc-reflection-journal>`’s strings in German, loaded when an element first shows German. */
const de: Translations<JournalStringKey> = {
  heading: 'Reflexionsjournal',
  'form.heading': 'Neuer Eintrag',
  'form.label': 'Neuer Eintrag: {criterion}',
  'field.title': 'Titel',
  'field.title.required': 'Geben Sie dem Eintrag einen Titel.',
  'field.date': 'Datum',
  'field.date.invalid': 'Geben Sie den Tag an, um den es im Eintrag geht.',
  'field.criteria': 'Kriterien, um die es im Eintrag geht',
  'field.criteria.loading': 'Die Kriterien werden geladen…',
  'prompt.practised': 'Was haben wir praktiziert?',
  'prompt.tested': 'Wie haben wir es erprobt?',
  'prompt.challenged': 'Was hat es in Frage gestellt?',
  'prompt.concluded': 'Was haben wir diskutiert und gefolgert?',
  'prompt.change': 'Was werden wir ändern?',
  'prompts.required': 'Beantworten Sie mindestens eine der Fragen.',
  'field.participants': 'Wer war beteiligt (optional)',
  'field.participants.hint': 'Organisationen, Gruppen oder wie viele Personen.',
  // "Zeichen" is the same word for one and for many: one form for every limit.
  count: '{length} von {count} Zeichen',
  'count.near': {
    one: '„{field}“: noch {count} Zeichen.',
    other: '„{field}“: noch {count} Zeichen.',
  },
  'count.limit': {
    one: '„{field}“ hat die Grenze von {count} Zeichen erreicht.',
    other: '„{field}“ hat die Grenze von {count} Zeichen erreicht.',
  },
  'count.over': {
    one: '„{field}“ ist länger als {count} Zeichen.',
    other: '„{field}“ ist länger als {count} Zeichen.',
  },
  'draft.saved': 'Entwurf um {time} auf diesem Gerät gespeichert.',
  'draft.saved-memory': 'Der Entwurf bleibt erhalten, solange diese Seite offen ist.',
  'draft.restored': 'Ihr Entwurf von {time} wurde wiederhergestellt.',
  'draft.set-aside':
    'Ihr Entwurf von {time}, „{title}“, ist unter „Nicht gesendet“ aufbewahrt; das Formular behält, was Sie gerade geschrieben haben.',
  'draft.discard': 'Entwurf verwerfen',
  'draft.discard.title': 'Diesen Entwurf verwerfen?',
  'draft.discard.body':
    'Alles, was in diesem Eintrag geschrieben wurde, wird gelöscht. Das lässt sich nicht rückgängig machen.',
  'draft.discard.confirm': 'Verwerfen',
  'draft.discard.cancel': 'Weiterschreiben',
  'draft.discarded': 'Der Entwurf wurde verworfen.',
  'draft.storage-failed':
    'Entwürfe können auf diesem Gerät nicht gespeichert werden; sie bleiben nur erhalten, solange die Seite offen ist.',
  send: 'Eintrag senden',
  'status.sent': 'Danke. Ihr Eintrag wurde gesendet und steht unter den bisherigen Einträgen.',
  'status.queued': 'Gespeichert. Ihr Eintrag wird gesendet, sobald die Verbindung wieder steht.',
  'status.queued-memory':
    'Ihr Eintrag wird gesendet, sobald die Verbindung wieder steht. Lassen Sie die Seite bis dahin offen.',
  'status.queued-server':
    'Gespeichert. Der Server konnte Ihren Eintrag gerade nicht annehmen; er wird automatisch erneut gesendet.',
  'status.queued-server-memory':
    'Der Server konnte Ihren Eintrag gerade nicht annehmen. Lassen Sie die Seite offen: Der Eintrag wird automatisch erneut gesendet.',
  'status.rejected':
    'Nicht angenommen: {reason}. Ihr Eintrag bleibt erhalten; Sie können ihn ändern und erneut senden.',
  'status.handled': 'Ihr Eintrag wurde weitergegeben.',
  'status.rejected-elsewhere':
    'Nicht angenommen: {reason}. „{title}“ wurde für eine andere Gemeinschaft geschrieben und ist unter „Nicht gesendet“ im Journal dieser Gemeinschaft aufbewahrt; dort können Sie den Eintrag zurück ins Formular holen, ändern und erneut senden.',
  'status.rejected-kept':
    'Nicht angenommen: {reason}. „{title}“ ist unter „Nicht gesendet“ aufbewahrt; dort können Sie den Eintrag zurück ins Formular holen, ändern und erneut senden.',
  'kept.heading': 'Nicht gesendet',
  'kept.hint':
    'Einträge, die nicht angenommen wurden, und Text, der für einen davon beiseitegelegt wurde. Jeder bleibt hier, bis Sie ihn zurück ins Formular holen.',
  'kept.refused': 'Nicht angenommen: {reason}.',
  'kept.aside': 'Beiseitegelegt um {time}; nicht gesendet.',
  'kept.edit': 'Ändern und erneut senden',
  'kept.continue': 'Weiterschreiben',
  'kept.back': '„{title}“ ist wieder im Formular.',
  'kept.back-aside':
    '„{title}“ ist wieder im Formular. Was Sie gerade schrieben, „{other}“, ist unter „Nicht gesendet“ aufbewahrt.',
  'kept.untitled': 'Eintrag ohne Titel',
  'entries.heading': 'Bisherige Einträge',
  'entries.label': 'Bisherige Einträge: {criterion}',
  'entries.filter': 'Einträge anzeigen zu',
  'entries.filter.all': 'Allen Kriterien',
  'entries.count': {
    one: '{count} Eintrag',
    other: '{count} Einträge',
  },
  'entries.empty': 'Noch keine Einträge.',
  'entries.empty-filter': 'Noch keine Einträge zu diesem Kriterium.',
  'entries.loading': 'Die Einträge der Gemeinschaft werden geladen…',
  'entries.error': 'Die Einträge der Gemeinschaft konnten nicht angezeigt werden: {problem}',
  'entries.loaded': 'Die Einträge der Gemeinschaft sind geladen.',
  'entry.date': 'Datum',
  'entry.criteria': 'Kriterien',
  'entry.participants': 'Beteiligt',
  'entry.from-device': 'Von diesem Browser gesendet',
  'entry.pending': 'Wartet auf das Senden',
  'export.markdown': 'Als Markdown herunterladen',
  'export.json': 'Als JSON herunterladen',
  'export.filename': 'reflexionsjournal',
};
export default de;
