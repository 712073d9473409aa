import type { TFunction } from 'i18next';
import type { Diagnostic } from '../../../schemas/index.js';

/** Params holding entity types (`deal`), shown by their translated names. */
const ENTITY_PARAMS: ReadonlySet<string> = new Set(['entity', 'holds', 'other']);

/** The i18n keys a diagnostic may render from, most specific first. */
export function diagnosticTemplateKeys(d: Diagnostic): string[] {
  const base = `diagnostics.${d.code}`;
  const variant = d.params?.variant;
  return variant === undefined ? [base] : [`${base}_${variant}`, base];
}

/**
 * A diagnostic in the UI language: the `diagnostics.<CODE>_<variant>` (else
 * `diagnostics.<CODE>`) template filled with its params, which carry the admin's
 * names; entity types and action types are translated too. A diagnostic without
 * params or template (an older runtime, a code this designer does not know) shows
 * its message. `t` is react-i18next's, so a memo on it follows the language.
 *
 * @example renderDiagnostic(t, { code: 'UNREACHABLE_STAGE', params: { pipeline: 'Продажи', stage: 'Оплачено' }, ... })
 * // 'Ни робот, ни триггер не ведёт записи воронки «Продажи» на этап «Оплачено»; ...'
 */
export function renderDiagnostic(t: TFunction, d: Diagnostic): string {
  if (d.params === undefined) return d.message;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(d.params))
    values[name] =
      typeof value !== 'string'
        ? value
        : ENTITY_PARAMS.has(name)
          ? value
              .split(', ')
              .map((e) => t(`entity.${e}`, { defaultValue: e }))
              .join(', ')
          : name === 'action'
            ? t(`action.${value}`, { defaultValue: value })
            : value;
  for (const key of diagnosticTemplateKeys(d)) {
    // `replace`, not top-level options: a param named `count` must not pick plural forms.
    const text = t(key, { replace: values, defaultValue: '' });
    if (text !== '') return text;
  }
  return d.message;
}
