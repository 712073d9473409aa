export * from './canonicalize.js';
export * from './compile-model.js';
export * from './stringify-rule-set.js';
