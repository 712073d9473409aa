import { describe, expect, it } from 'vitest';
import {
  checkRecordFields,
  type FieldShape,
} from '../../../runtime/services/check-record-fields.js';

const FIELDS: FieldShape[] = [
  { key: 'amount', type: 'money' },
  { key: 'closeDate', type: 'date' },
  { key: 'meeting_at', type: 'datetime' },
  { key: 'product', type: 'enum', options: ['a', 'b'] },
  { key: 'vip', type: 'boolean' },
  { key: 'approvers', type: 'user', multiple: true },
  { key: 'title', type: 'string' },
];
const problems = (fields: Record<string, unknown>, allowOthers = false) =>
  checkRecordFields(fields, FIELDS, allowOthers).map((d) => `${d.code} ${d.path}`);

describe('checkRecordFields', () => {
  it('accepts values of the right type, and null to clear any field', () => {
    expect(
      problems({
        amount: 1.5,
        closeDate: '2026-01-31',
        meeting_at: '2026-01-31T09:00:00+03:00',
        product: 'b',
        vip: false,
        approvers: ['anna', 'boris'],
        title: null,
      }),
    ).toEqual([]);
  });

  it('names each wrong value by its path', () => {
    expect(
      problems({
        amount: '5',
        closeDate: '31.01.2026',
        meeting_at: '2026-02-30T25:00',
        product: 'c',
        vip: 'yes',
        approvers: 'anna',
        title: 3,
      }),
    ).toEqual([
      'FIELD_TYPE_MISMATCH /fields/amount',
      'FIELD_TYPE_MISMATCH /fields/closeDate',
      'FIELD_TYPE_MISMATCH /fields/meeting_at',
      'FIELD_TYPE_MISMATCH /fields/product',
      'FIELD_TYPE_MISMATCH /fields/vip',
      'FIELD_TYPE_MISMATCH /fields/approvers',
      'FIELD_TYPE_MISMATCH /fields/title',
    ]);
    expect(problems({ amount: Number.NaN })).toEqual(['FIELD_TYPE_MISMATCH /fields/amount']);
  });

  it('refuses unknown fields, or only prototype-like ones when others are allowed', () => {
    const proto = JSON.parse('{"__proto__": 1, "colour": "red", "a/b": 1}') as Record<
      string,
      unknown
    >;
    expect(problems(proto)).toEqual([
      'UNKNOWN_FIELD /fields/__proto__',
      'UNKNOWN_FIELD /fields/colour',
      'UNKNOWN_FIELD /fields/a~1b',
    ]);
    expect(problems(proto, true)).toEqual(['UNKNOWN_FIELD /fields/__proto__']);
  });
});
