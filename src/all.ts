// Defines every element: the drop-in bundle's entry.
import './components/assessment/define.js';
import './components/community/define.js';
import './components/criterion-card/define.js';
import './components/self-rating/define.js';
import './components/partnership-matrix/define.js';
import './components/reflection-journal/define.js';
import './components/results/define.js';

export * from './index.js';
