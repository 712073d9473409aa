import type { OperationCompiler } from './operation.js';
import {
  compileAdd,
  compileMultiply,
  compileSubtract,
  binaryArithmetic,
  minMax,
} from './ops-arithmetic.js';
import {
  compileAll,
  compileFilter,
  compileMap,
  compileMerge,
  compileNone,
  compileReduce,
  compileSome,
} from './ops-array.js';
import { comparison } from './ops-comparison.js';
import { CUSTOM_COMPILERS } from './ops-custom.js';
import { compileAnd, compileDoubleNot, compileIf, compileNot, compileOr } from './ops-logic.js';
import { compileCat, compileIn, compileSubstr } from './ops-string.js';
import { compileMissing, compileMissingSome, compileVar } from './ops-var.js';

/**
 * Every operation the compiler knows: json-logic-js's own (except `log`, which
 * writes to the console and is not allowed in rules) plus Conveyor's custom ones.
 * A Map, so operation names like "toString" cannot hit Object.prototype.
 */
export const OPERATION_COMPILERS: ReadonlyMap<string, OperationCompiler> = new Map<
  string,
  OperationCompiler
>([
  ['var', compileVar],
  ['missing', compileMissing],
  ['missing_some', compileMissingSome],
  ['if', compileIf],
  ['?:', compileIf],
  ['and', compileAnd],
  ['or', compileOr],
  ['!', compileNot],
  ['!!', compileDoubleNot],
  ...['==', '===', '!=', '!==', '>', '>=', '<', '<='].map((name): [string, OperationCompiler] => [
    name,
    comparison(name),
  ]),
  ['+', compileAdd],
  ['-', compileSubtract],
  ['*', compileMultiply],
  ['/', binaryArithmetic('/')],
  ['%', binaryArithmetic('%')],
  ['min', minMax('min')],
  ['max', minMax('max')],
  ['map', compileMap],
  ['filter', compileFilter],
  ['reduce', compileReduce],
  ['all', compileAll],
  ['none', compileNone],
  ['some', compileSome],
  ['merge', compileMerge],
  ['in', compileIn],
  ['cat', compileCat],
  ['substr', compileSubstr],
  ...CUSTOM_COMPILERS,
]);
