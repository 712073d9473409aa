import type { Diagnostic, FieldType } from '../../schemas/index.js';

/** What the check needs to know of a field: the rule set's fields and the catalogue fit. */
export interface FieldShape {
  readonly key: string;
  readonly type: FieldType;
  readonly multiple?: boolean;
  readonly options?: readonly string[];
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function expected(f: FieldShape): string {
  switch (f.type) {
    case 'number':
    case 'money':
      return 'a number';
    case 'date':
    case 'datetime':
      return 'an ISO date or datetime (2026-01-31, 2026-01-31T09:00:00Z)';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${(f.options ?? []).join(', ')}`;
    case 'user':
      return 'a user key';
    case 'link':
      return 'a record id';
    default:
      return 'text';
  }
}

function fits(f: FieldShape, v: unknown): boolean {
  switch (f.type) {
    case 'number':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v);
    case 'date':
    case 'datetime':
      return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && (f.options === undefined || f.options.includes(v));
    default:
      return typeof v === 'string';
  }
}

/**
 * Checks record fields sent through the API against the fields the record's entity
 * has. `known` is the full list (a published model's: standard + custom) or, for a
 * record that belongs to no model, the catalogue's standard fields with
 * `allowOthers`. `null` clears a field and always fits.
 *
 * @example checkRecordFields({ amount: 'lots' }, [{ key: 'amount', type: 'money' }], false)
 * // -> [{ code: 'FIELD_TYPE_MISMATCH', path: '/fields/amount', ... }]
 */
export function checkRecordFields(
  fields: Readonly<Record<string, unknown>>,
  known: readonly FieldShape[],
  allowOthers: boolean,
): Diagnostic[] {
  const byKey = new Map(known.map((f) => [f.key, f]));
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const path = `/fields/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const f = byKey.get(key);
    if (f === undefined) {
      if (allowOthers && !UNSAFE_KEYS.has(key)) continue;
      const names = known.map((k) => k.key).join(', ');
      out.push({
        code: 'UNKNOWN_FIELD',
        severity: 'error',
        path,
        message: `${path}: the record has no field ${key} (fields: ${names})`,
      });
      continue;
    }
    if (value === null) continue;
    const values = f.multiple === true ? value : [value];
    const ok = Array.isArray(values) && values.every((v) => fits(f, v));
    if (!ok) {
      const want = f.multiple === true ? `a list of ${expected(f)}` : expected(f);
      out.push({
        code: 'FIELD_TYPE_MISMATCH',
        severity: 'error',
        path,
        message: `${path} must be ${want}, not ${(JSON.stringify(value) ?? '').slice(0, 80)}`,
      });
    }
  }
  return out;
}
