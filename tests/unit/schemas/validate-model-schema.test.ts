import { describe, expect, it } from 'vitest';
import { validateModelSchema } from '../../../schemas/index.js';

const base = {
  schemaVersion: 1,
  id: 'demo',
  name: 'Demo',
  entities: {},
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [{ key: 'new', name: 'New', kind: 'in_progress', robots: [], triggers: [] }],
    },
  ],
};

describe('validateModelSchema', () => {
  it('accepts a minimal model', () => {
    expect(validateModelSchema(base)).toEqual([]);
  });

  it('names the exact path of an unknown action type', () => {
    const doc = structuredClone(base) as typeof base & {
      pipelines: [{ stages: [{ robots: unknown[] }] }];
    };
    doc.pipelines[0].stages[0].robots.push({
      id: 'r1',
      timing: { kind: 'immediate' },
      action: { type: 'notifyy' },
    });
    const d = validateModelSchema(doc);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'SCHEMA',
      severity: 'error',
      path: '/pipelines/0/stages/0/robots/0/action/type',
    });
    expect(d[0]?.message).toContain('notifyy');
  });

  it('reports a missing required property at its own path', () => {
    const { name: _drop, ...doc } = base;
    expect(validateModelSchema(doc)).toEqual([
      expect.objectContaining({ path: '/name', message: '/name is required' }),
    ]);
  });

  it('lists the allowed values of a literal union', () => {
    const doc = structuredClone(base);
    (doc.pipelines[0] as { entity: string }).entity = 'ticket';
    expect(validateModelSchema(doc)[0]?.message).toContain('["lead","deal","contact","company"]');
  });
});

describe('keys that do not match the key pattern', () => {
  it('a stage key typed as a Russian name: says what a key may hold in words, no regex, and offers the transliterated key', () => {
    const doc = structuredClone(base);
    doc.pipelines[0]!.stages[0]!.key = 'Новая заявка';
    const [d] = validateModelSchema(doc);
    expect(d).toMatchObject({ code: 'SCHEMA', path: '/pipelines/0/stages/0/key' });
    expect(d?.message).toBe(
      '/pipelines/0/stages/0/key must be a key: a lower-case Latin letter first, then lower-case Latin letters, digits, "_" or "-", at most 64 characters; for example "novaya_zayavka"',
    );
    expect(d?.message).not.toMatch(/\^|\[a-z\]|\{0,63\}/);
    expect(d?.params).toEqual({
      variant: 'keySuggested',
      suggestion: 'novaya_zayavka',
      where: '/pipelines/0/stages/0/key',
    });
  });

  it('a key starting with a digit and nothing to suggest: the rule in words', () => {
    const doc = structuredClone(base);
    doc.pipelines[0]!.key = '1';
    const [d] = validateModelSchema(doc);
    expect(d?.message).toBe(
      '/pipelines/0/key must be a key: a lower-case Latin letter first, then lower-case Latin letters, digits, "_" or "-", at most 64 characters',
    );
    expect(d?.params?.variant).toBe('key');
  });
});
