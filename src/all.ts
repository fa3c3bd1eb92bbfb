// Defines every element: the drop-in bundle's entry.
// <lc-community> first: the elements inside it ask it for their configuration (@lit/context) when
// they are upgraded, and a provider defined after them is not found (test/node/pack.test.js).
import './components/community/define.js';
import './components/assessment/define.js';
import './components/criterion-card/define.js';
import './components/self-rating/define.js';
import './components/partnership-matrix/define.js';
import './components/reflection-journal/define.js';
import './components/results/define.js';

export * from './index.js';
