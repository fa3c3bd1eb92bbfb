import { defineElement } from '../../core/define.js';
import { LcReflectionJournal } from './lc-reflection-journal.js';

defineElement('lc-reflection-journal', LcReflectionJournal);

export { LcReflectionJournal };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
