import { describe, expect, it } from 'vitest';
import { READ_SITES, readField, siteOf } from '../../../runtime/engine/condition/field-read.js';
import { prepareCondition } from '../../../runtime/engine/condition/prepare-condition.js';
import { referenceJsonLogic } from '../../../runtime/engine/condition/reference-json-logic.js';

const jsonLogic = referenceJsonLogic();

describe('field read sites', () => {
  it('give each field name one site, the same every time, until they run out', () => {
    const site = siteOf('field-read-test-a');
    expect(siteOf('field-read-test-a')).toBe(site);
    expect(site).toBeLessThanOrEqual(READ_SITES);
    const sites = Array.from({ length: READ_SITES + 5 }, (_, i) => siteOf(`field-read-test-${i}`));
    expect(sites.slice(-5)).toEqual(Array(5).fill(READ_SITES));
    expect(new Set(sites.filter((s) => s < READ_SITES)).size).toBe(
      sites.filter((s) => s < READ_SITES).length,
    );
    expect(siteOf('field-read-test-a')).toBe(site);
  });

  it('read exactly what a plain keyed read gives, whatever the site', () => {
    const data = { amount: 5, name: 'x', nothing: null };
    for (let site = 0; site <= READ_SITES; site++) {
      expect(readField(data, site, 'amount')).toBe(5);
      expect(readField(data, site, 'nothing')).toBeNull();
      expect(readField(data, site, 'absent')).toBeUndefined();
      expect(readField('abc', site, 'length')).toBe(3);
    }
  });

  it('keep conditions over more field names than there are sites equal to json-logic-js', () => {
    const count = READ_SITES * 2;
    const data: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) data[`many-${i}`] = i % 3 === 0 ? 'gold' : i;
    for (let i = 0; i < count; i++) {
      const logic = {
        and: [
          { '==': [{ var: `many-${i}` }, 'gold'] },
          { '<': [{ var: `many-${(i + 1) % count}` }, 100] },
          { in: [{ var: `many-${(i + 2) % count}` }, ['gold', 5, 8]] },
        ],
      };
      const prepared = prepareCondition(logic);
      expect(prepared(data), JSON.stringify(logic)).toBe(jsonLogic.apply(logic as never, data));
      expect(prepared({}), JSON.stringify(logic)).toBe(jsonLogic.apply(logic as never, {}));
    }
  });
});
