import { describe, expect, it } from 'vitest';
import {
  matchDuplicates,
  matchKindOf,
  normalizeMatchValue,
  normalizePhone,
  type DuplicateLookup,
} from '../../../schemas/index.js';

describe('normalizeMatchValue', () => {
  it.each([
    ['+7 903 555-12-34', '79035551234'],
    ['8 (903) 555-12-34', '79035551234'],
    ['7-903-555-12-34', '79035551234'],
    ['+44 20 7946 0958', '442079460958'],
    // 8 is the trunk prefix only on an 11-digit number.
    ['8 800 55', '880055'],
  ])('reads phone %s as %s', (raw, key) => {
    expect(normalizePhone(raw)).toBe(key);
    expect(normalizeMatchValue('phone', raw)).toEqual([key]);
  });

  it('ignores phones too short to mean anything and empty values', () => {
    expect(normalizeMatchValue('phone', 'ext. 12')).toEqual([]);
    expect(normalizeMatchValue('phone', '   ')).toEqual([]);
    expect(normalizeMatchValue('email', undefined)).toEqual([]);
    expect(normalizeMatchValue('email', { a: 1 })).toEqual([]);
  });

  it('lower-cases and trims e-mails, keeps text words apart', () => {
    expect(normalizeMatchValue('email', '  Ann.Lee@Example.COM ')).toEqual(['ann.lee@example.com']);
    expect(normalizeMatchValue('inn', ' 77 01  ABC ')).toEqual(['77 01 abc']);
  });

  it('gives one key per value of a multiple field, without repeats', () => {
    expect(
      normalizeMatchValue('workPhone', ['8 903 555 12 34', '+79035551234', '+7 916 1']),
    ).toEqual(['79035551234', '79161']);
  });

  it('picks the comparison from the field key', () => {
    expect([matchKindOf('phone'), matchKindOf('mobilePhone'), matchKindOf('e-mail')]).toEqual([
      'phone',
      'phone',
      'email',
    ]);
    expect(matchKindOf('title')).toBe('text');
  });
});

describe('matchDuplicates', () => {
  const stored: Record<string, Array<{ id: string; value: unknown }>> = {
    'lead|phone|79035551234': [{ id: 'lead_1', value: '+7 903 555-12-34' }],
    'contact|phone|79035551234': [{ id: 'contact_1', value: '8 903 5551234' }],
    'contact|email|a@b.c': [{ id: 'contact_1', value: 'A@b.c' }],
  };
  const lookup: DuplicateLookup = (e, f, k) => stored[`${e}|${f}|${k}`] ?? [];

  it('finds every record, per field, among the against entities', () => {
    const found = matchDuplicates(
      'lead',
      { phone: '8-903-555-12-34', email: 'a@B.c ' },
      { fields: ['phone', 'email'], against: ['lead', 'contact'] },
      lookup,
    );
    expect(found).toEqual([
      { entity: 'lead', id: 'lead_1', field: 'phone', value: '+7 903 555-12-34' },
      { entity: 'contact', id: 'contact_1', field: 'phone', value: '8 903 5551234' },
      { entity: 'contact', id: 'contact_1', field: 'email', value: 'A@b.c' },
    ]);
  });

  it('searches the entity itself when against is absent, and never the record itself', () => {
    const control = { fields: ['phone'] };
    expect(matchDuplicates('lead', { phone: '+79035551234' }, control, lookup)).toHaveLength(1);
    expect(matchDuplicates('lead', { phone: '+79035551234' }, control, lookup, 'lead_1')).toEqual(
      [],
    );
    expect(matchDuplicates('lead', { phone: '+7 000 000 00 00' }, control, lookup)).toEqual([]);
  });
});
