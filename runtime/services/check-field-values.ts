import type { RuleSet } from '../../schemas/index.js';

type FieldSpec = RuleSet['fields']['lead'][number];

export interface FieldProblem {
  /** JSON Pointer inside the record: `/fields/<key>`. */
  path: string;
  /** What is wrong, without the path: `must be a number`. */
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function wrongType(spec: FieldSpec, v: unknown): string | undefined {
  switch (spec.type) {
    case 'number':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof v === 'string' && DATE.test(v) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v))
        ? undefined
        : 'must be an ISO date-time';
    case 'enum':
      return typeof v === 'string' && (spec.options ?? []).includes(v)
        ? undefined
        : `must be one of ${JSON.stringify(spec.options ?? [])}`;
    default:
      return typeof v === 'string' ? undefined : 'must be a string';
  }
}

/**
 * What is wrong with a record's fields against its entity's fields in a rule set:
 * unknown keys and values of the wrong type (`null` clears and is always allowed; a
 * `multiple` field takes an array). Pure; used where rows arrive in bulk (import),
 * so one bad row is named precisely instead of stored.
 *
 * @example checkFieldValues(ruleSet.fields.lead, { amount: 'lots' }) // [{ path: '/fields/amount', ... }]
 */
export function checkFieldValues(
  specs: readonly FieldSpec[],
  fields: Readonly<Record<string, unknown>>,
): FieldProblem[] {
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const out: FieldProblem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const path = `/fields/${key}`;
    const spec = byKey.get(key);
    if (spec === undefined) {
      out.push({ path, message: 'is not a field of this entity' });
      continue;
    }
    if (value === null) continue;
    const values = spec.multiple === true && Array.isArray(value) ? value : [value];
    const problem = values.map((v) => wrongType(spec, v)).find((m) => m !== undefined);
    if (problem !== undefined) out.push({ path, message: problem });
  }
  return out;
}
