// Defines every element: the drop-in bundle's entry.
// <lc-community> first, so that the elements inside it find their configuration at once (a
// ContextRoot, attached by defineElement, also lets them find a community defined later).
import './components/community/define.js';
import './components/assessment/define.js';
import './components/criterion-card/define.js';
import './components/self-rating/define.js';
import './components/partnership-matrix/define.js';
import './components/reflection-journal/define.js';
import './components/results/define.js';

export * from './index.js';
