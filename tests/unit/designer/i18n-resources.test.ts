import { describe, expect, it } from 'vitest';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import { ACTION_KINDS } from '../../../designer/src/catalogue/action-kinds.js';
import { TRIGGER_KINDS } from '../../../designer/src/catalogue/trigger-kinds.js';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('UI strings', () => {
  it('English and Russian have the same keys', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });
  it('every action and trigger kind has a label and a description', () => {
    const all = new Set(keys(en));
    for (const k of ACTION_KINDS)
      expect([all.has(`action.${k.type}`), all.has(`actionDesc.${k.type}`)]).toEqual([true, true]);
    for (const k of TRIGGER_KINDS)
      expect([all.has(`trigger.${k.type}`), all.has(`triggerDesc.${k.type}`)]).toEqual([
        true,
        true,
      ]);
  });
});
