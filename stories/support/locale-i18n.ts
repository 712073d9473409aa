import type { i18n as I18n } from 'i18next';
import { i18n, LANGUAGES, type Language } from '../../designer/src/i18n/i18n.js';

/** The toolbar's locale choices (Storybook `globalTypes.locale`). */
export const LOCALE_ITEMS = [
  { value: 'en', title: 'English' },
  { value: 'ru', title: 'Русский' },
] as const satisfies ReadonlyArray<{ value: Language; title: string }>;

// One clone per language sharing the designer's resources: a story shows its own
// language without switching the app-wide instance (and the other stories) under it.
const instances = new Map<Language, I18n>(
  LANGUAGES.map((l) => [l, i18n.cloneInstance({ lng: l })]),
);

/** The i18next instance for a toolbar value; anything unknown falls back to English. */
export function localeInstance(locale: unknown): I18n {
  const language: Language = locale === 'ru' ? 'ru' : 'en';
  return instances.get(language) ?? i18n;
}
