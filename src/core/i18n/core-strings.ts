import { localeTable, translator } from './i18n.js';

/** Strings shared by every element: the learning scale, submission states, storage and config notices. */
const en = {
  'scale.0.label': 'Not addressed',
  'scale.0.description': 'The community does not work on this yet.',
  'scale.1.label': 'Occasional',
  'scale.1.description': 'There are occasional, isolated cases.',
  'scale.2.label': 'Practised regularly',
  'scale.2.description': 'It is practised regularly, but not yet tested or challenged.',
  'scale.3.label': 'Tested and challenged',
  'scale.3.description': 'It is practised, tested and challenged.',
  'scale.4.label': 'Systematic',
  'scale.4.description':
    'It is practised, tested, challenged and critically discussed permanently, at a systematic level.',
  'scale.dont-know.label': 'Don’t know',
  'scale.dont-know.description': 'I cannot judge this.',
  /** What stands for "don't know" where the levels show their number: the language's question mark. */
  'scale.dont-know.number': '?',
  'submit.send': 'Send',
  'submit.sending': 'Sending…',
  'submit.sent': 'Thank you. Your answer has been sent.',
  'submit.queued': 'Saved. It will be sent when the connection is back.',
  'submit.queued-memory': 'Waiting for the connection. Keep this page open until it is sent.',
  'submit.queued-server': 'Saved. The server could not take it just now; it will be sent again automatically.',
  'submit.queued-server-memory':
    'The server could not take it just now. Keep this page open: it will be sent again automatically.',
  'submit.rejected': 'Not accepted: {reason}. Your answer is still here; you can change it and try again.',
  'submit.retry': 'Try again',
  'submit.change': 'Change my answer',
  'submit.handled': 'Your answer has been passed on.',
  'submit.criteria-loading': 'the criteria have not loaded yet, so nothing was sent',
  'submit.criteria-failed': 'the criteria could not be loaded, so nothing was sent',
  'submit.settings-invalid':
    'this page is set up with a community, round, perspective or respondent that is not valid, so nothing was sent (the site’s owner must correct it)',
  'submit.no-endpoint': 'no address to send it to is configured',
  'storage.unavailable':
    'This browser does not let us keep drafts on this device: keep the page open until you have sent.',
  'storage.none': 'Nothing is kept on this device: keep the page open until you have sent.',
  'config.error': 'Configuration problem: {problem}',
  'criteria.loading': 'Loading the criteria…',
  'criteria.error': 'The criteria could not be loaded: {problem}',
  'criteria.unavailable': 'The criteria could not be loaded.',
  'criteria.loaded': 'The criteria have loaded.',
  'criterion.unknown': 'There is no criterion “{id}” in the set “{set}”.',
};

export const coreStrings = localeTable(
  en,
  {
    da: () => import('./core-strings.da.js'),
    de: () => import('./core-strings.de.js'),
    ar: () => import('./core-strings.ar.js'),
  },
  // The scale's options and the submit button.
  /^(scale\.[^.]+\.label|submit\.(send|sending|retry|change))$/,
);

export type CoreStringKey = keyof typeof en;
export const coreMsg = translator(coreStrings);
