import type { Translations } from './i18n.js';
import type { CoreStringKey } from './core-strings.js';

/** The strings every element shares in Danish, loaded when an element first shows Danish. */
const da: Translations<CoreStringKey> = {
  'scale.0.label': 'Ikke behandlet',
  'scale.0.description': 'Fællesskabet arbejder endnu ikke med dette.',
  'scale.1.label': 'Lejlighedsvis',
  'scale.1.description': 'Der er enkelte, spredte eksempler.',
  'scale.2.label': 'Praktiseres jævnligt',
  'scale.2.description': 'Det praktiseres jævnligt, men er endnu ikke afprøvet eller udfordret.',
  'scale.3.label': 'Afprøvet og udfordret',
  'scale.3.description': 'Det praktiseres, afprøves og udfordres.',
  'scale.4.label': 'Systematisk',
  'scale.4.description': 'Det praktiseres, afprøves, udfordres og drøftes kritisk, løbende og systematisk.',
  'scale.dont-know.label': 'Ved ikke',
  'scale.dont-know.description': 'Jeg kan ikke vurdere det.',
  'scale.dont-know.number': '?',
  'submit.send': 'Send',
  'submit.sending': 'Sender…',
  'submit.sent': 'Tak. Dit svar er sendt.',
  'submit.queued': 'Gemt. Det bliver sendt, når forbindelsen er tilbage.',
  'submit.queued-memory': 'Venter på forbindelsen. Hold siden åben, indtil svaret er sendt.',
  'submit.queued-server': 'Gemt. Serveren kunne ikke tage imod svaret lige nu; det sendes igen automatisk.',
  'submit.queued-server-memory':
    'Serveren kunne ikke tage imod svaret lige nu. Hold siden åben: det sendes igen automatisk.',
  'submit.rejected': 'Ikke modtaget: {reason}. Dit svar står her stadig; du kan rette det og prøve igen.',
  'submit.retry': 'Prøv igen',
  'submit.change': 'Ændr mit svar',
  'submit.handled': 'Dit svar er givet videre.',
  'submit.criteria-loading': 'kriterierne er ikke hentet endnu, så intet blev sendt',
  'submit.criteria-failed': 'kriterierne kunne ikke hentes, så intet blev sendt',
  'submit.settings-invalid':
    'siden er sat op med et fællesskab, en runde, et perspektiv eller en respondent, der ikke er gyldig, så intet blev sendt (sidens ejer skal rette det)',
  'submit.no-endpoint': 'der er ikke angivet nogen adresse at sende til',
  'storage.unavailable':
    'Browseren tillader ikke, at vi gemmer kladder på enheden: hold siden åben, indtil du har sendt.',
  'storage.none': 'Intet gemmes på denne enhed: hold siden åben, indtil du har sendt.',
  'config.error': 'Fejl i opsætningen: {problem}',
  'criteria.loading': 'Henter kriterierne…',
  'criteria.error': 'Kriterierne kunne ikke hentes: {problem}',
  'criteria.unavailable': 'Kriterierne kunne ikke hentes.',
  'criteria.loaded': 'Kriterierne er hentet.',
  'criterion.unknown': 'Der er intet kriterium “{id}” i sættet “{set}”.',
};
export default da;
