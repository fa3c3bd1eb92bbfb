import { localeTable, translator } from '../../core/i18n/i18n.js';

/** `<lc-reflection-journal>`'s own strings; any key can be overridden per instance through `strings`. */
const en = {
  heading: 'Reflection journal',
  'form.heading': 'New entry',
  'form.label': 'New entry: {criterion}',
  'field.title': 'Title',
  'field.title.required': 'Give the entry a title.',
  'field.date': 'Date',
  'field.date.invalid': 'Enter the day the entry is about.',
  'field.criteria': 'Criteria this entry concerns',
  'field.criteria.loading': 'Loading the criteria…',
  'prompt.practised': 'What did we practise?',
  'prompt.tested': 'How did we test it?',
  'prompt.challenged': 'What challenged it?',
  'prompt.concluded': 'What did we discuss and conclude?',
  'prompt.change': 'What will we change?',
  'prompts.required': 'Answer at least one of the questions.',
  'field.participants': 'Who took part (optional)',
  'field.participants.hint': 'Organisations, groups, or how many people.',
  // The limit is the count: it decides the form of "characters" ("0 of 1 character"); what is
  // typed so far is {length}.
  count: { one: '{length} of {count} character', other: '{length} of {count} characters' },
  'count.near': {
    one: '“{field}”: {count} character left.',
    other: '“{field}”: {count} characters left.',
  },
  // The limit is the count in these two: it decides the form of "characters".
  'count.limit': {
    one: '“{field}” has reached its limit of {count} character.',
    other: '“{field}” has reached its limit of {count} characters.',
  },
  'count.over': {
    one: '“{field}” is longer than {count} character.',
    other: '“{field}” is longer than {count} characters.',
  },
  'draft.saved': 'Draft saved on this device at {time}.',
  'draft.saved-memory': 'Draft kept while this page is open.',
  'draft.restored': 'Your draft from {time} has been restored.',
  'draft.set-aside':
    'Your draft from {time}, “{title}”, is kept under “Not sent”; the form keeps what you have just typed.',
  'draft.discard': 'Discard draft',
  'draft.discard.title': 'Discard this draft?',
  'draft.discard.body': 'Everything written in this entry will be deleted. This cannot be undone.',
  'draft.discard.confirm': 'Discard',
  'draft.discard.cancel': 'Keep writing',
  'draft.discarded': 'The draft has been discarded.',
  'draft.storage-failed': 'Drafts cannot be kept on this device, so they last only while this page is open.',
  send: 'Send entry',
  'status.sent': 'Thank you. Your entry has been sent and is listed under past entries.',
  'status.queued': 'Saved. Your entry will be sent when the connection is back.',
  'status.queued-memory': 'Waiting for the connection. Keep this page open until your entry is sent.',
  'status.queued-server': 'Saved. The server could not take your entry just now; it will be sent again automatically.',
  'status.queued-server-memory':
    'The server could not take your entry just now. Keep this page open: it will be sent again automatically.',
  'status.rejected': 'Not accepted: {reason}. Your entry is kept; you can change it and send it again.',
  'status.handled': 'Your entry has been passed on.',
  'status.rejected-elsewhere':
    'Not accepted: {reason}. “{title}” was written for another community: it is kept under “Not sent” in that community’s journal, where you can take it back into the form to change it and send it again.',
  'status.rejected-kept':
    'Not accepted: {reason}. “{title}” is kept under “Not sent”, where you can take it back into the form to change it and send it again.',
  'kept.heading': 'Not sent',
  'kept.hint':
    'Entries that were not accepted, and writing set aside to make room for one. Each is kept here until you take it back into the form.',
  'kept.refused': 'Not accepted: {reason}.',
  'kept.aside': 'Set aside at {time}; not sent.',
  'kept.edit': 'Edit and send again',
  'kept.continue': 'Continue writing',
  'kept.back': '“{title}” is back in the form.',
  'kept.back-aside': '“{title}” is back in the form. What you were writing, “{other}”, is kept under “Not sent”.',
  'kept.untitled': 'Untitled entry',
  'entries.heading': 'Past entries',
  'entries.label': 'Past entries: {criterion}',
  'entries.filter': 'Show entries about',
  'entries.filter.all': 'All criteria',
  'entries.count': { one: '{count} entry', other: '{count} entries' },
  'entries.empty': 'No entries yet.',
  'entries.empty-filter': 'No entries about this criterion yet.',
  'entries.loading': 'Loading the community’s entries…',
  'entries.error': 'The community’s entries could not be shown: {problem}',
  'entries.loaded': 'The community’s entries are loaded.',
  'entry.date': 'Date',
  'entry.criteria': 'Criteria',
  'entry.participants': 'Who took part',
  'entry.from-device': 'Sent from this browser',
  'entry.pending': 'Waiting to be sent',
  'export.markdown': 'Download as Markdown',
  'export.json': 'Download as JSON',
  'export.filename': 'reflection-journal',
};

export type JournalStringKey = keyof typeof en;

export const strings = localeTable(
  en,
  {
    da: () => import('./strings.da.js'),
    de: () => import('./strings.de.js'),
    ar: () => import('./strings.ar.js'),
  },
  // The form, its fields and buttons, the discard dialog, the filter and the export links.
  /^(form\.heading|field\.(title|date|criteria|participants)|prompt\.[a-z]+|send|draft\.discard(\.(title|cancel|confirm))?|kept\.(continue|edit)|entries\.filter(\.all)?|export\.(markdown|json))$/,
);

export const msg = translator(strings);
