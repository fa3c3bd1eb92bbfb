import { defineElement } from '../../core/define.js';
import { LcResults } from './lc-results.js';

defineElement('lc-results', LcResults);

export { LcResults };
