import { defineElement } from '../../core/define.js';
import '../criterion-card/define.js';
import '../reflection-journal/define.js';
import '../self-rating/define.js';
import { LcAssessment } from './lc-assessment.js';

defineElement('lc-assessment', LcAssessment);

export { LcAssessment };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
