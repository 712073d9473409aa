import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  readonly locale: string;
  number(n: number): string;
  money(n: number, currency?: string): string;
  dateTime(iso: string): string;
  /** The date and time as read in an IANA zone (no zone name); `undefined` for a bad zone. */
  dateTimeIn(iso: string, timeZone: string): string | undefined;
  /** A JSON value in one line: numbers by locale, long text cut. */
  value(v: unknown, max?: number): string;
}

const LOCALES: Record<string, string> = { en: 'en-GB', ru: 'ru-RU' };

/**
 * `Intl` formatters for a UI language: `ru` gives `1 000 000,5` and `23.11.2026, 15:30`,
 * `en` gives `1,000,000.5` and `23 Nov 2026, 15:30`.
 *
 * @example makeFormatters('ru').money(800000, 'RUB') // '800 000,00 ₽'
 */
export function makeFormatters(language: string): Formatters {
  const locale = LOCALES[language] ?? language;
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const dt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const number = (n: number) => num.format(n);
  return {
    locale,
    number,
    money: (n, currency) =>
      currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n)
        : number(n),
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : `${dt.format(d)} UTC`;
    },
    dateTimeIn: (iso, timeZone) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return undefined;
      try {
        return new Intl.DateTimeFormat(locale, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone,
        }).format(d);
      } catch {
        // An unknown zone: Intl throws a RangeError; the caller shows UTC alone.
        return undefined;
      }
    },
    value: (v, max = 80) => {
      if (v === undefined) return '∅';
      if (typeof v === 'number') return number(v);
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      return text.length > max ? `${text.slice(0, max - 1)}…` : text;
    },
  };
}

/** Formatters for the current UI language; they change when the language does. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
}
