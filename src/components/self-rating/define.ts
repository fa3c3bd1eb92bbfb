import { defineElement } from '../../core/define.js';
import { LcSelfRating } from './lc-self-rating.js';

defineElement('lc-self-rating', LcSelfRating);

export { LcSelfRating };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
