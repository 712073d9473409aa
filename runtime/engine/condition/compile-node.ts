import { chargeArray, recordBuilt } from './budget.js';
import type { Compiled, PreparedCondition } from './compiled.js';
import { constant, dynamic } from './compiled.js';
import { OPERATION_COMPILERS } from './operations.js';

/** json-logic-js `is_logic`: a non-array object with exactly one key. */
function isLogic(node: unknown): node is Record<string, unknown> {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1
  );
}

/**
 * Compiles a JSON-Logic tree into nested closures, mirroring `jsonLogic.apply`:
 * arrays evaluate element-wise, objects that are not logic and primitives are
 * literals, and each operation compiles its operands once. No `eval`, no
 * `new Function`. Does not check the rule: `prepareCondition` does that first.
 *
 * @example compileNode({ '>': [{ var: 'amount' }, 1000] }).fn({ amount: 5000 }) // true
 */
export function compileNode(node: unknown): Compiled {
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    if (items.every((i) => i.isConstant)) return constant(items.map((i) => i.value));
    const fns = items.map((i) => i.fn);
    // A list of computed values can repeat a large one (`[acc, acc]`): charged by size.
    return dynamic((d) => {
      const out = fns.map((f) => f(d));
      return recordBuilt(out, chargeArray(out));
    });
  }
  if (!isLogic(node)) return constant(node);
  const op = Object.keys(node)[0] as string;
  const raw = node[op];
  const values: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const compiler = OPERATION_COMPILERS.get(op);
  if (compiler) return compiler(values, compileNode);
  // json-logic-js evaluates the operands, then fails on the name.
  const operands = values.map(compileNode);
  const unrecognized: PreparedCondition = (d) => {
    for (const o of operands) o.fn(d);
    throw new Error(`Unrecognized operation ${op}`);
  };
  return dynamic(unrecognized);
}
