import { defineElement } from '../../core/define.js';
import { LcCommunity } from './lc-community.js';

defineElement('lc-community', LcCommunity);

export { LcCommunity };
// Typed on addEventListener ('lc-submitted', …) in a program that imports only this entry.
export type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../../core/events.js';
