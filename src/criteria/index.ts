export * from './builtin.js';
export * from './schema.js';
export * from './parse.js';
