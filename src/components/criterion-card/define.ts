import { defineElement } from '../../core/define.js';
import { LcCriterionCard } from './lc-criterion-card.js';

defineElement('lc-criterion-card', LcCriterionCard);

export { LcCriterionCard };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
