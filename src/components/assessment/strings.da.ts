import type { Translations } from '../../core/i18n/i18n.js';
import type { AssessmentStringKey } from './strings.js';

/** `<lc-assessment>`’s strings in Danish, loaded when an element first shows Danish. */
const da: Translations<AssessmentStringKey> = {
  'progress.label': 'Fremskridt',
  'progress.text': '{count} af {total} besvaret',
  'steps.label': 'Spørgsmål',
  'step.answered': 'besvaret',
  'step.unanswered': 'ikke besvaret',
  'step.number': 'Spørgsmål {number} af {total}',
  'step.review': 'Gennemse og send',
  'nav.previous': 'Forrige',
  'nav.next': 'Næste',
  'nav.to-review': 'Gennemse dine svar',
  'nav.next-unanswered': 'Næste ubesvarede spørgsmål',
  'nav.all-answered': 'Alle spørgsmål er besvaret.',
  'nav.back-to-questions': 'Tilbage til spørgsmålene',
  'resume.restored': {
    one: 'Velkommen tilbage: dit tidligere svar er hentet frem igen. Fortsæt, eller start forfra.',
    other: 'Velkommen tilbage: dine {count} tidligere svar er hentet frem igen. Fortsæt, eller start forfra.',
  },
  'resume.pending':
    'Velkommen tilbage: de svar, du sendte, venter på forbindelsen og bliver sendt, så snart den er tilbage.',
  'resume.pending-server':
    'Velkommen tilbage: serveren kunne ikke tage imod de svar, du sendte, lige nu; de sendes igen automatisk.',
  'resume.changing':
    'Velkommen tilbage: du var ved at ændre de svar, du har sendt. Når du sender igen, erstatter de det, du sendte før.',
  'resume.kept': 'Dine svar gemmes på denne enhed, indtil du sender dem.',
  'resume.memory': 'Dine svar kan ikke gemmes på denne enhed: hold siden åben, indtil du har sendt dem.',
  'restart.button': 'Start forfra',
  'restart.title': 'Start forfra?',
  'restart.body': 'Det sletter alle dine svar. Det kan ikke fortrydes.',
  'restart.confirm': 'Slet mine svar',
  'restart.cancel': 'Behold mine svar',
  'restart.done': 'Dine svar er slettet.',
  'review.heading': 'Gennemse dine svar',
  'review.intro': 'Tjek dine svar, før du sender dem. Du kan ændre alle svarene.',
  'review.answer': 'Svar',
  'review.level': '{number}: {label}',
  'review.not-answered': 'Ikke besvaret',
  'review.comment': 'Kommentar',
  'review.evidence': 'Dokumentation',
  'review.change': 'Ændr',
  'review.answer-it': 'Besvar',
  'send.button': 'Send mine svar',
  'send.sent': 'Tak. Dine svar er sendt.',
  'send.queued': 'Gemt. Dine svar bliver sendt, når forbindelsen er tilbage.',
  'send.queued-memory': 'Venter på forbindelsen. Hold siden åben, indtil dine svar er sendt.',
  'send.queued-server': 'Gemt. Serveren kunne ikke tage imod dine svar lige nu; de sendes igen automatisk.',
  'send.queued-server-memory':
    'Serveren kunne ikke tage imod dine svar lige nu. Hold siden åben: de sendes igen automatisk.',
  'send.rejected': 'Ikke modtaget: {reason}. Dine svar er gemt; du kan rette dem og prøve igen.',
  'send.handled': 'Dine svar er givet videre.',
  'send.change': 'Ændr mine svar',
  'send.incomplete': {
    one: 'Et spørgsmål er ikke besvaret endnu. Besvar alle spørgsmål, før du sender.',
    other: '{count} spørgsmål er ikke besvaret endnu. Besvar alle spørgsmål, før du sender.',
  },
  'send.partial': {
    one: 'Et spørgsmål er ikke besvaret; dine øvrige svar bliver sendt uden det.',
    other: '{count} spørgsmål er ikke besvaret; dine øvrige svar bliver sendt uden dem.',
  },
  'send.empty': 'Besvar mindst ét spørgsmål, før du sender.',
  'send.evidence':
    'Linket til dokumentation for “{title}” er ikke en webadresse, der begynder med https:// eller http://.',
  'send.unleveled': 'Det, du skrev til “{title}”, sendes kun med et niveau: vælg et, eller “Ved ikke”.',
  'send.go-to': 'Gå til “{title}”',
  'send.no-endpoint': 'Denne vurdering har intet sted at sende svarene hen (der er ikke sat et endpoint op).',
};
export default da;
