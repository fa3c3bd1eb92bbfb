import { defineElement } from '../../core/define.js';
import { LcPartnershipMatrix } from './lc-partnership-matrix.js';

defineElement('lc-partnership-matrix', LcPartnershipMatrix);

export { LcPartnershipMatrix };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
