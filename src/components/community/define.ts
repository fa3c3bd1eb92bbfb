import { defineElement } from '../../core/define.js';
import { LcCommunity } from './lc-community.js';

defineElement('lc-community', LcCommunity);

export { LcCommunity };
