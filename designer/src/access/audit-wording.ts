import type { TFunction } from 'i18next';
import type { Formatters } from '../i18n/use-format.js';
import type { AuditEntryView } from './access-types.js';

/** Detail values that are times: shown as the reader's dates. */
const TIME_PARAMS = new Set(['until']);

/**
 * An audit kind as a label in the reader's language; an unknown kind (a newer server)
 * shows as written.
 *
 * @example kindLabel(t, 'record.restored') // 'Record restored' / 'Запись восстановлена'
 */
export function kindLabel(t: TFunction, kind: string): string {
  return t(`access.audit.kinds.${kind}`, { defaultValue: kind });
}

/**
 * An entry's detail in the reader's language, from its code and values; a detail
 * without a code is the user's own text (a token's name, a publish note) and shows as is.
 *
 * @example detailText(t, f, { detailCode: 'wrong_password', ... }) // 'неверный пароль'
 */
export function detailText(
  t: TFunction,
  f: Formatters,
  e: Pick<AuditEntryView, 'detail' | 'detailCode' | 'detailParams'>,
): { text: string; userText: boolean } | undefined {
  if (e.detailCode !== undefined) {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.detailParams ?? {}))
      params[k] =
        typeof v === 'number' ? f.number(v) : TIME_PARAMS.has(k) ? f.dateTime(v) : String(v);
    const text = t(`access.audit.detail.${e.detailCode}`, { ...params, defaultValue: '' });
    if (text !== '') return { text, userText: false };
  }
  return e.detail === undefined || e.detail === '' ? undefined : { text: e.detail, userText: true };
}
