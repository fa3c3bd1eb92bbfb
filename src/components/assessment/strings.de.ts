import type { Translations } from '../../core/i18n/i18n.js';
import type { AssessmentStringKey } from './strings.js';

/** `<lc-assessment>`’s strings in German, loaded when an element first shows German. */
const de: Translations<AssessmentStringKey> = {
  'progress.label': 'Fortschritt',
  'progress.text': '{count} von {total} beantwortet',
  'steps.label': 'Fragen',
  'step.answered': 'beantwortet',
  'step.unanswered': 'nicht beantwortet',
  'step.number': 'Frage {number} von {total}',
  'step.review': 'Prüfen und senden',
  'nav.previous': 'Zurück',
  'nav.next': 'Weiter',
  'nav.to-review': 'Antworten prüfen',
  'nav.next-unanswered': 'Nächste unbeantwortete Frage',
  'nav.all-answered': 'Alle Fragen sind beantwortet.',
  'nav.back-to-questions': 'Zurück zu den Fragen',
  'resume.restored': {
    one: 'Willkommen zurück: Ihre frühere Antwort wurde wiederhergestellt. Machen Sie weiter oder beginnen Sie neu.',
    other:
      'Willkommen zurück: Ihre {count} früheren Antworten wurden wiederhergestellt. Machen Sie weiter oder beginnen Sie neu.',
  },
  'resume.pending':
    'Willkommen zurück: Ihre gesendeten Antworten warten auf die Verbindung und werden gesendet, sobald sie wieder steht.',
  'resume.pending-server':
    'Willkommen zurück: Der Server konnte Ihre gesendeten Antworten gerade nicht annehmen; sie werden automatisch erneut gesendet.',
  'resume.changing':
    'Willkommen zurück: Sie waren dabei, Ihre gesendeten Antworten zu ändern. Wenn Sie erneut senden, ersetzen Ihre neuen Antworten die zuvor gesendeten.',
  'resume.kept': 'Ihre Antworten bleiben auf diesem Gerät gespeichert, bis Sie sie senden.',
  'resume.memory':
    'Ihre Antworten können auf diesem Gerät nicht gespeichert werden: Lassen Sie die Seite offen, bis Sie sie gesendet haben.',
  'restart.button': 'Neu beginnen',
  'restart.title': 'Neu beginnen?',
  'restart.body': 'Damit werden alle Ihre Antworten gelöscht. Das lässt sich nicht rückgängig machen.',
  'restart.confirm': 'Meine Antworten löschen',
  'restart.cancel': 'Meine Antworten behalten',
  'restart.done': 'Ihre Antworten wurden gelöscht.',
  'review.heading': 'Antworten prüfen',
  'review.intro': 'Prüfen Sie Ihre Antworten, bevor Sie sie senden. Sie können jede davon ändern.',
  'review.answer': 'Antwort',
  'review.level': '{number}: {label}',
  'review.not-answered': 'Nicht beantwortet',
  'review.comment': 'Kommentar',
  'review.evidence': 'Beleg',
  'review.change': 'Ändern',
  'review.answer-it': 'Beantworten',
  'send.button': 'Antworten senden',
  'send.sent': 'Danke. Ihre Antworten wurden gesendet.',
  'send.queued': 'Gespeichert. Ihre Antworten werden gesendet, sobald die Verbindung wieder steht.',
  'send.queued-memory':
    'Ihre Antworten werden gesendet, sobald die Verbindung wieder steht. Lassen Sie die Seite bis dahin offen.',
  'send.queued-server':
    'Gespeichert. Der Server konnte Ihre Antworten gerade nicht annehmen; sie werden automatisch erneut gesendet.',
  'send.queued-server-memory':
    'Der Server konnte Ihre Antworten gerade nicht annehmen. Lassen Sie die Seite offen: Die Antworten werden automatisch erneut gesendet.',
  'send.rejected':
    'Nicht angenommen: {reason}. Ihre Antworten bleiben erhalten; Sie können sie ändern und erneut senden.',
  'send.handled': 'Ihre Antworten wurden weitergegeben.',
  'send.change': 'Antworten ändern',
  'send.incomplete': {
    one: 'Eine Frage ist noch nicht beantwortet. Beantworten Sie alle Fragen, bevor Sie senden.',
    other: '{count} Fragen sind noch nicht beantwortet. Beantworten Sie alle Fragen, bevor Sie senden.',
  },
  'send.partial': {
    one: 'Eine Frage ist nicht beantwortet; Ihre übrigen Antworten werden ohne sie gesendet.',
    other: '{count} Fragen sind nicht beantwortet; Ihre übrigen Antworten werden ohne sie gesendet.',
  },
  'send.empty': 'Beantworten Sie mindestens eine Frage, bevor Sie senden.',
  'send.evidence': 'Der Beleg-Link zu „{title}“ ist keine Webadresse, die mit https:// oder http:// beginnt.',
  'send.unleveled':
    'Was Sie zu „{title}“ geschrieben haben, wird nur mit einer Stufe gesendet: Wählen Sie eine oder „Weiß nicht“.',
  'send.go-to': 'Zu „{title}“',
  'send.no-endpoint': 'Diese Bewertung kann die Antworten nirgendwohin senden (kein Endpoint eingerichtet).',
};
export default de;
