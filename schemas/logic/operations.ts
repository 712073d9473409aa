/** json-logic-js operations a rule may use. `log` is left out: it writes to the console. */
export const STANDARD_OPERATIONS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'reduce',
  'filter',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
] as const;

export const CUSTOM_OPERATION_NAMES = ['date_add', 'date_diff', 'is_empty'] as const;

export const ALLOWED_OPERATIONS: ReadonlySet<string> = new Set<string>([
  ...STANDARD_OPERATIONS,
  ...CUSTOM_OPERATION_NAMES,
]);

/** Operations whose later arguments are evaluated against each array element. */
export const ITERATING_OPERATIONS: ReadonlySet<string> = new Set([
  'map',
  'reduce',
  'filter',
  'all',
  'none',
  'some',
]);

export const FORBIDDEN_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const MAX_LOGIC_DEPTH = 32;
export const MAX_LOGIC_NODES = 2_000;
