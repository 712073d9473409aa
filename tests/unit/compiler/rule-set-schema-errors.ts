import { STANDARD_FIELDS, validateRuleSetSchema, type Diagnostic } from '../../../schemas/index.js';

/** Standard keys such as `createdAt` that the `Key` pattern (lower case only) rejects. */
const CAMEL_CASE_STANDARD_KEYS = new Set(
  Object.values(STANDARD_FIELDS)
    .flat()
    .map((f) => f.key)
    .filter((k) => !/^[a-z][a-z0-9_-]{0,63}$/.test(k)),
);

/**
 * Rule-set schema errors, minus one known schema defect: `RuleSetField.key` is a `Key`,
 * which rejects the catalogue's camelCase standard keys (`createdAt`, `closeDate`).
 * Only those exact complaints are dropped; `known-defects.test.ts` fails once the schema
 * is fixed, which is the signal to delete this filter.
 */
export function ruleSetSchemaErrors(ruleSet: unknown): Diagnostic[] {
  const fields = (ruleSet as { fields?: Record<string, Array<{ key?: unknown }>> }).fields ?? {};
  return validateRuleSetSchema(ruleSet).filter((d) => {
    const m = /^\/fields\/(lead|deal|contact|company)\/(\d+)\/key$/.exec(d.path);
    if (m === null) return true;
    const key = fields[m[1] ?? '']?.[Number(m[2])]?.key;
    return !(typeof key === 'string' && CAMEL_CASE_STANDARD_KEYS.has(key));
  });
}
