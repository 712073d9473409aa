import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../access/list-footer.js';
import { usePagedList } from '../access/use-paged-list.js';
import { useConfirm } from '../dialogs/confirm-context.js';
import { useOutsideApi } from './outside-api-context.js';
import { OutboxTable } from './outbox-table.js';
import type { OutboxView } from './outside-api.js';
import type { OutsideNotice } from './outside-notice.js';

/** What a replay or drop did to one outbox item: the outbox list updates that row only. */
export interface OutboxChange {
  item: OutboxView;
  /** Dropped: deleted from the outbox too. */
  gone: boolean;
}

/**
 * Dead letters with their errors, page by page: replay at once; drop only after the
 * page's own dialog confirms it (a dropped item is never delivered). Either takes the
 * row out of the loaded pages (no reload from the first page: the admin keeps their
 * place) and tells the outbox (`onChanged`).
 */
export function DeadLettersSection(p: {
  notice: OutsideNotice;
  onChanged(change: OutboxChange): void;
}) {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const confirm = useConfirm();
  const list = usePagedList(useCallback((c?: string) => api.deadLetters(c), [api]));
  const act = async (id: string, work: () => Promise<OutboxView>, done: string, gone: boolean) => {
    try {
      const item = await work();
      p.notice.say(done);
      list.update((items) => items.filter((x) => x.id !== id));
      p.onChanged({ item, gone });
    } catch (e) {
      p.notice.fail(e);
    }
  };
  const named = (item: OutboxView) => ({
    kind: t(`outside.kinds.${item.kind}`, { defaultValue: item.kind }),
    record: item.recordTitle ?? item.recordId,
  });
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
                void act(
                  item.id,
                  () => api.replay(item.id),
                  t('outside.replayed', named(item)),
                  false,
                )
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
                    ...named(item),
                    to: item.to ?? item.subject ?? '—',
                  }),
                  confirmLabel: t('outside.drop'),
                  run: () =>
                    act(item.id, () => api.drop(item.id), t('outside.dropped', named(item)), true),
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
