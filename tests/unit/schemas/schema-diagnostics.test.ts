import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { compileSchema, schemaDiagnostics } from '../../../schemas/validation/validate-schema.js';

const Params = Type.Object({
  entity: Type.Union([Type.Literal('lead'), Type.Literal('deal'), Type.Literal('company')]),
  kind: Type.Literal('move'),
});

describe('schemaDiagnostics', () => {
  it('says a union of literals once, listing every allowed value, at its place', () => {
    const found = schemaDiagnostics(compileSchema(Params), { entity: 'bogus', kind: 'move' });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('/entity');
    expect(found[0]?.message).toBe('/entity must be one of "lead", "deal", "company"');
    expect(found[0]?.params).toMatchObject({
      variant: 'allowed',
      allowed: '"lead", "deal", "company"',
      where: '/entity',
    });
  });

  it('keeps a single literal as it was, and each place separate', () => {
    const found = schemaDiagnostics(compileSchema(Params), { entity: 'x', kind: 'stay' });
    expect(found.map((d) => d.message)).toEqual([
      '/entity must be one of "lead", "deal", "company"',
      '/kind must be "move"',
    ]);
  });
});
