// Defines every element: the drop-in bundle's entry.
import './components/community/define.js';

export * from './index.js';
