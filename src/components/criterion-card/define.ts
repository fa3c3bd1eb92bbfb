import { defineElement } from '../../core/define.js';
import { LcCriterionCard } from './lc-criterion-card.js';

defineElement('lc-criterion-card', LcCriterionCard);

export { LcCriterionCard };
