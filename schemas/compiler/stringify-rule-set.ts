import type { RuleSet } from '../ruleset/ruleset.js';
import { canonicalize } from './canonicalize.js';

/**
 * The one way a rule set is written to a file or a response body: keys sorted,
 * two-space indent, a final newline. Equal rule sets give equal bytes, so compiled
 * rule sets diff cleanly and golden files compare exactly.
 *
 * @example writeFileSync('rules.json', stringifyRuleSet(compileModel(model)))
 */
export function stringifyRuleSet(ruleSet: RuleSet): string {
  return `${JSON.stringify(canonicalize(ruleSet), null, 2)}\n`;
}
