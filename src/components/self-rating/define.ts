import { defineElement } from '../../core/define.js';
import { LcSelfRating } from './lc-self-rating.js';

defineElement('lc-self-rating', LcSelfRating);

export { LcSelfRating };
