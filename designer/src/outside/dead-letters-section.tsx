import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../access/list-footer.js';
import { usePagedList } from '../access/use-paged-list.js';
import { useConfirm } from '../dialogs/confirm-context.js';
import { useOutsideApi } from './outside-api-context.js';
import { OutboxTable } from './outbox-table.js';
import type { OutsideNotice } from './outside-notice.js';

/**
 * Dead letters with their errors, page by page: replay at once; drop only after the
 * page's own dialog confirms it (a dropped item is never delivered). Both reload the
 * dead letters and tell the outbox (`onChanged`).
 */
export function DeadLettersSection(p: { notice: OutsideNotice; onChanged(): void }) {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const confirm = useConfirm();
  const list = usePagedList(useCallback((c?: string) => api.deadLetters(c), [api]));
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      p.notice.say(done);
      list.reload();
      p.onChanged();
    } catch (e) {
      p.notice.fail(e);
    }
  };
  return (
    <section aria-labelledby="dead-title">
      <h2 id="dead-title">{t('outside.deadLetters')}</h2>
      <OutboxTable
        items={list.items ?? []}
        empty={list.items === null ? t('app.loading') : t('outside.noDeadLetters')}
        testId="dead-letters"
        actions={(item) => (
          <>
            <button
              type="button"
              data-testid={`replay-${item.id}`}
              onClick={() =>
                void act(() => api.replay(item.id), t('outside.replayed', { id: item.id }))
              }
            >
              {t('outside.replay')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid={`drop-${item.id}`}
              onClick={() =>
                confirm({
                  title: t('outside.dropTitle'),
                  message: t('outside.dropMessage', {
                    kind: item.kind,
                    to: item.to ?? item.subject ?? '—',
                    record: item.recordId,
                  }),
                  confirmLabel: t('outside.drop'),
                  run: () => act(() => api.drop(item.id), t('outside.dropped', { id: item.id })),
                })
              }
            >
              {t('outside.drop')}
            </button>
          </>
        )}
      />
      <ListFooter list={list} showEmpty={false} />
    </section>
  );
}
