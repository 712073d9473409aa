import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-types.js';

/**
 * A failure as the user reads it: a known runtime code in the UI language
 * (`access.errors.<CODE>`, then the codes any screen may meet, `apiErrors.<CODE>`),
 * else the runtime's own message.
 *
 * @example const text = useErrorText(); setError(text(e));
 */
export function useErrorText(): (e: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (e: unknown) => {
      if (e instanceof ApiError) {
        const key = [`access.errors.${e.code}`, `apiErrors.${e.code}`].find((k) => i18n.exists(k));
        return key === undefined ? e.message : t(key, { message: e.message });
      }
      return e instanceof Error ? e.message : String(e);
    },
    [t, i18n],
  );
}

/** Whether a failure means the route is not on this runtime yet (404 without a record). */
export function isMissingRoute(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404;
}
