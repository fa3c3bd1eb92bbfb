import { defineElement } from '../../core/define.js';
import { LcReflectionJournal } from './lc-reflection-journal.js';

defineElement('lc-reflection-journal', LcReflectionJournal);

export { LcReflectionJournal };
