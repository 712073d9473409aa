import { describe, expect, it } from 'vitest';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { diffMarks } from '../../../designer/src/versions/diff-marks.js';
import { makeFormatters } from '../../../designer/src/i18n/use-format.js';
import { nodeLabel } from '../../../designer/src/versions/node-label.js';
import { fixtureModel } from './fixture-model.js';

describe('version diff view helpers', () => {
  const entries: ModelDiffEntry[] = [
    { kind: 'added', nodeId: 'robot:new', path: '/pipelines/0/stages/0/robots/2' },
    { kind: 'removed', nodeId: 'trigger:old', path: '/pipelines/0/stages/1/triggers/0' },
    { kind: 'changed', nodeId: 'stage:sales/new', path: '/pipelines/0/stages/0/name' },
    { kind: 'changed', nodeId: 'template:invoice', path: '/templates/0/body' },
  ];

  it('colours added and changed nodes on the newer model, removed and changed on the older', () => {
    expect([...diffMarks(entries, 'after')]).toEqual([
      ['robot:new', 'added'],
      ['stage:sales/new', 'changed'],
    ]);
    expect([...diffMarks(entries, 'before')]).toEqual([
      ['trigger:old', 'removed'],
      ['stage:sales/new', 'changed'],
    ]);
  });

  it('names diff rows by the names the admin typed', () => {
    const model = fixtureModel();
    const p = model.pipelines[0]!;
    const s = p.stages[0]!;
    expect(nodeLabel(model, `pipeline:${p.key}`)).toBe(p.name);
    expect(nodeLabel(model, `stage:${p.key}/${s.key}`)).toBe(s.name);
    const r = model.pipelines.flatMap((x) => x.stages.flatMap((y) => y.robots))[0]!;
    r.name = 'Call the client';
    expect(nodeLabel(model, `robot:${r.id}`)).toBe('Call the client');
    expect(nodeLabel(model, 'robot:no-such-robot')).toBeUndefined();
    expect(nodeLabel(model, 'model')).toBe(model.name);
  });

  it('formats numbers, money and dates for the UI language', () => {
    const en = makeFormatters('en');
    const ru = makeFormatters('ru');
    // ICU versions differ in which space they use; the digits and order are what matter.
    const sp = (x: string) => x.replace(/\s/g, ' ');
    expect(en.number(1000000.5)).toBe('1,000,000.5');
    expect(sp(ru.number(1000000.5))).toBe('1 000 000,5');
    expect(sp(ru.money(800000, 'RUB'))).toBe('800 000,00 ₽');
    expect(en.dateTime('2026-11-23T15:30:00Z')).toBe('23 Nov 2026, 15:30 UTC');
    expect(sp(ru.dateTime('2026-11-23T15:30:00Z'))).toBe('23 нояб. 2026 г., 15:30 UTC');
    expect(en.value(undefined)).toBe('∅');
    expect(en.value('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});
