// Defines every element: the drop-in bundle's entry.
import './components/community/define.js';
import './components/partnership-matrix/define.js';
import './components/reflection-journal/define.js';
import './components/results/define.js';

export * from './index.js';
