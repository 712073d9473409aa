// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { useErrorText } from '../../../designer/src/access/error-text.js';
import { ApiError } from '../../../designer/src/api/api-types.js';
import { DELIVERY_ERROR_CODES } from '../../../runtime/delivery/delivery-ports.js';
import { DELIVERY_STATUSES, OUTBOX_KINDS } from '../../../runtime/http/schemas/delivery-schemas.js';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

describe('the outside world in the reader’s language', () => {
  it('has a sentence for every delivery error code, outbox kind and status, in both languages', () => {
    for (const lng of ['en', 'ru']) {
      const missing = [
        ...DELIVERY_ERROR_CODES.map((c) => `outside.errors.${c}`),
        ...OUTBOX_KINDS.map((k) => `outside.kinds.${k}`),
        ...DELIVERY_STATUSES.map((s) => `outside.statuses.${s}`),
      ].filter((key) => !i18n.exists(key, { lng }));
      expect(missing, lng).toEqual([]);
    }
  });

  it('says a refused address in Russian from the code and its parameters', async () => {
    await i18n.changeLanguage('ru');
    expect(i18n.t('outside.errors.refused', { host: '127.0.0.1' })).toBe(
      'Отказано: 127.0.0.1 — локальный или служебный адрес; исходящие запросы доходят до него, только если он указан в OUTBOUND_ALLOW',
    );
  });

  it('renders a runtime error code in Russian instead of the English message', async () => {
    await i18n.changeLanguage('ru');
    const { result } = renderHook(() => useErrorText(), { wrapper });
    const stale = new ApiError(
      409,
      'NOT_DEAD',
      'outbox item out_1 is sent; only dead letters are dropped',
    );
    expect(result.current(stale)).toBe(
      'Это уже не недоставленное сообщение (его повторили или удалили).',
    );
    // A code with no sentence keeps the runtime's words rather than showing nothing.
    expect(result.current(new ApiError(400, 'SOMETHING_NEW', 'as the runtime said'))).toBe(
      'as the runtime said',
    );
  });
});
