export * from './scenario.js';
export * from './expectation.js';
export * from './simulation-scenario.js';
export * from './simulation-result.js';
export * from './validate-simulation.js';
