import { describe, expect, it } from 'vitest';
import { makeKey } from '../../../designer/src/editor/make-key.js';
import { deriveKey, KEY_PATTERN } from '../../../schemas/index.js';

describe('keys derived from the names an admin types', () => {
  it('transliterates Russian: "Новая заявка" -> novaya_zayavka, "В работе" -> v_rabote', () => {
    expect(deriveKey('Новая заявка', new Set())).toBe('novaya_zayavka');
    expect(deriveKey('В работе', new Set())).toBe('v_rabote');
    expect(deriveKey('Счёт выставлен', new Set())).toBe('schyot_vystavlen');
    expect(deriveKey('Передано в доставку', new Set())).toBe('peredano_v_dostavku');
  });

  it('transliterates other scripts and accents too', () => {
    expect(deriveKey('Ελλάδα', new Set())).toBe('ellada');
    expect(deriveKey('Café crème', new Set())).toBe('cafe_creme');
  });

  it('is unique within its scope: a second "Новая заявка" in the same pipeline gets _2', () => {
    const taken = new Set(['novaya_zayavka']);
    expect(makeKey('Новая заявка', taken, 'stage')).toBe('novaya_zayavka_2');
    expect(makeKey('Новая заявка', new Set([...taken, 'novaya_zayavka_2']), 'stage')).toBe(
      'novaya_zayavka_3',
    );
  });

  it('falls back when a name gives nothing a key may hold', () => {
    expect(deriveKey('2024', new Set(), 'stage')).toBe('stage');
    expect(deriveKey('   ', new Set(), 'pipeline')).toBe('pipeline');
    expect(deriveKey('订单', new Set(['stage']), 'stage')).toBe('stage_2');
  });

  it('always gives a valid key, long names included', () => {
    for (const name of [
      'Очень длинное название этапа, которое администратор ввёл не задумываясь о длине ключа',
      '__Новая__',
      '1-я встреча',
      'Ёжик',
    ])
      expect(deriveKey(name, new Set())).toMatch(KEY_PATTERN);
    expect(deriveKey('1-я встреча', new Set())).toBe('ya_vstrecha');
  });
});
