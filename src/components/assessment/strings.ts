import { localeTable, translator } from '../../core/i18n/i18n.js';

/** `<lc-assessment>`'s own strings; the scale labels and shared notices come from the core strings. */
const en = {
  'progress.label': 'Progress',
  'progress.text': '{count} of {total} answered',
  'steps.label': 'Questions',
  'step.answered': 'answered',
  'step.unanswered': 'not answered',
  'step.number': 'Question {number} of {total}',
  'step.review': 'Review and send',
  'nav.previous': 'Previous',
  'nav.next': 'Next',
  'nav.to-review': 'Review your answers',
  'nav.next-unanswered': 'Next unanswered question',
  'nav.all-answered': 'Every question is answered.',
  'nav.back-to-questions': 'Back to the questions',
  'resume.restored': {
    one: 'Welcome back: your earlier answer has been restored. Carry on, or start again.',
    other: 'Welcome back: your {count} earlier answers have been restored. Carry on, or start again.',
  },
  'resume.pending':
    'Welcome back: the answers you sent are waiting for the connection and will be sent as soon as it is back.',
  'resume.pending-server':
    'Welcome back: the server could not take the answers you sent just now; they will be sent again automatically.',
  'resume.changing':
    'Welcome back: you were changing the answers you sent. Sending them again replaces what you sent before.',
  'resume.kept': 'Your answers are kept on this device until you send them.',
  'resume.memory': 'Your answers cannot be kept on this device: keep this page open until you have sent them.',
  'restart.button': 'Start again',
  'restart.title': 'Start again?',
  'restart.body': 'This clears all your answers. It cannot be undone.',
  'restart.confirm': 'Clear my answers',
  'restart.cancel': 'Keep my answers',
  'restart.done': 'Your answers have been cleared.',
  'review.heading': 'Review your answers',
  'review.intro': 'Check your answers before you send them. You can change any of them.',
  'review.answer': 'Answer',
  'review.level': '{number}: {label}',
  'review.not-answered': 'Not answered',
  'review.comment': 'Comment',
  'review.evidence': 'Evidence',
  'review.change': 'Change',
  'review.answer-it': 'Answer',
  'send.button': 'Send my answers',
  'send.sent': 'Thank you. Your answers have been sent.',
  'send.queued': 'Saved. Your answers will be sent when the connection is back.',
  'send.queued-memory': 'Waiting for the connection. Keep this page open until your answers are sent.',
  'send.queued-server':
    'Saved. The server could not take your answers just now; they will be sent again automatically.',
  'send.queued-server-memory':
    'The server could not take your answers just now. Keep this page open: they will be sent again automatically.',
  'send.rejected': 'Not accepted: {reason}. Your answers are kept; you can change them and try again.',
  'send.handled': 'Your answers have been passed on.',
  'send.change': 'Change my answers',
  'send.incomplete': {
    one: 'One question is not answered yet. Answer every question before sending.',
    other: '{count} questions are not answered yet. Answer every question before sending.',
  },
  'send.partial': {
    one: 'One question is not answered; your other answers will be sent without it.',
    other: '{count} questions are not answered; your other answers will be sent without them.',
  },
  'send.empty': 'Answer at least one question before sending.',
  'send.evidence': 'The evidence link for “{title}” is not a web address starting with https:// or http://.',
  'send.unleveled': 'What you wrote for “{title}” is sent only with a level: choose one, or “Don’t know”.',
  'send.go-to': 'Go to “{title}”',
  'send.no-endpoint': 'This assessment has nowhere to send the answers to (no endpoint is configured).',
};

export type AssessmentStringKey = keyof typeof en;

export const strings = localeTable(
  en,
  {
    da: () => import('./strings.da.js'),
    de: () => import('./strings.de.js'),
    ar: () => import('./strings.ar.js'),
  },
  // The progress bar, the step links, the pager, the review's links, the send button and the restart dialog.
  /^(progress\.label|steps\.label|step\.review|nav\.(previous|next|to-review|next-unanswered|back-to-questions)|restart\.(button|title|cancel|confirm)|review\.(change|answer-it)|send\.(button|change|go-to))$/,
);

export const msg = translator(strings);
