import { defineElement } from '../../core/define.js';
import { LcPartnershipMatrix } from './lc-partnership-matrix.js';

defineElement('lc-partnership-matrix', LcPartnershipMatrix);

export { LcPartnershipMatrix };
