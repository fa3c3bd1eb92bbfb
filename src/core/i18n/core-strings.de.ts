import type { Translations } from './i18n.js';
import type { CoreStringKey } from './core-strings.js';

/** The strings every element shares in German, loaded when an element first shows German. */
const de: Translations<CoreStringKey> = {
  'scale.0.label': 'Nicht behandelt',
  'scale.0.description': 'Die Gemeinschaft befasst sich noch nicht damit.',
  'scale.1.label': 'Gelegentlich',
  'scale.1.description': 'Es gibt gelegentliche, vereinzelte Fälle.',
  'scale.2.label': 'Regelmäßig praktiziert',
  'scale.2.description': 'Es wird regelmäßig praktiziert, aber noch nicht erprobt oder hinterfragt.',
  'scale.3.label': 'Erprobt und hinterfragt',
  'scale.3.description': 'Es wird praktiziert, erprobt und hinterfragt.',
  'scale.4.label': 'Systematisch',
  'scale.4.description':
    'Es wird dauerhaft und systematisch praktiziert, erprobt, hinterfragt und kritisch diskutiert.',
  'scale.dont-know.label': 'Weiß nicht',
  'scale.dont-know.description': 'Ich kann das nicht beurteilen.',
  'scale.dont-know.number': '?',
  'submit.send': 'Senden',
  'submit.sending': 'Wird gesendet…',
  'submit.sent': 'Danke. Ihre Antwort wurde gesendet.',
  'submit.queued': 'Gespeichert. Die Antwort wird gesendet, sobald die Verbindung wieder steht.',
  'submit.queued-memory':
    'Die Antwort wird gesendet, sobald die Verbindung wieder steht. Lassen Sie die Seite bis dahin offen.',
  'submit.queued-server':
    'Gespeichert. Der Server konnte die Antwort gerade nicht annehmen; sie wird automatisch erneut gesendet.',
  'submit.queued-server-memory':
    'Der Server konnte die Antwort gerade nicht annehmen. Lassen Sie die Seite offen: Die Antwort wird automatisch erneut gesendet.',
  'submit.rejected':
    'Nicht angenommen: {reason}. Ihre Antwort steht noch hier; Sie können sie ändern und erneut senden.',
  'submit.retry': 'Erneut versuchen',
  'submit.change': 'Antwort ändern',
  'submit.handled': 'Ihre Antwort wurde weitergegeben.',
  'submit.criteria-loading': 'die Kriterien sind noch nicht geladen, daher wurde nichts gesendet',
  'submit.criteria-failed': 'die Kriterien konnten nicht geladen werden, daher wurde nichts gesendet',
  'submit.settings-invalid':
    'diese Seite ist mit einer ungültigen Gemeinschaft, Runde, Perspektive oder befragten Person eingerichtet, daher wurde nichts gesendet (die Betreiber der Seite müssen das korrigieren)',
  'submit.no-endpoint': 'es ist keine Adresse angegeben, an die gesendet werden kann',
  'storage.unavailable':
    'Dieser Browser erlaubt keine Entwürfe auf dem Gerät: Lassen Sie die Seite offen, bis Sie gesendet haben.',
  'storage.none': 'Auf diesem Gerät wird nichts gespeichert: Lassen Sie die Seite offen, bis Sie gesendet haben.',
  'config.error': 'Konfigurationsfehler: {problem}',
  'criteria.loading': 'Die Kriterien werden geladen…',
  'criteria.error': 'Die Kriterien konnten nicht geladen werden: {problem}',
  'criteria.unavailable': 'Die Kriterien konnten nicht geladen werden.',
  'criteria.loaded': 'Die Kriterien sind geladen.',
  'criterion.unknown': 'Im Set „{set}“ gibt es kein Kriterium „{id}“.',
};
export default de;
