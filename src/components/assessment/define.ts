import { defineElement } from '../../core/define.js';
import '../criterion-card/define.js';
import '../reflection-journal/define.js';
import '../self-rating/define.js';
import { LcAssessment } from './lc-assessment.js';

defineElement('lc-assessment', LcAssessment);

export { LcAssessment };
