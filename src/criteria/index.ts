export * from './builtin.js';
export { commonCriteriaEn } from './common-criteria.en.js';
export * from './schema.js';
export * from './parse.js';
