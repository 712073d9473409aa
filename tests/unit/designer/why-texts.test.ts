import { describe, expect, it } from 'vitest';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import { WHY_CODES } from '../../../schemas/api/why-schemas.js';

describe('"Why didn\'t it run?" answers in the designer', () => {
  it('have an English and a Russian sentence for every code the runtime gives', () => {
    for (const code of WHY_CODES) {
      expect(typeof (en.why as Record<string, string>)[code]).toBe('string');
      expect(typeof (ru.why as Record<string, string>)[code]).toBe('string');
    }
  });
});
