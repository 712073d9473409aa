export * from './operations.js';
export * from './custom-operations.js';
export * from './check-logic.js';
