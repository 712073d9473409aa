import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../access/list-footer.js';
import { useErrorText } from '../access/error-text.js';
import { usePagedList } from '../access/use-paged-list.js';
import { ConfirmProvider } from '../dialogs/confirm-context.js';
import { DeadLettersSection, type OutboxChange } from './dead-letters-section.js';
import { DocumentsSection } from './documents-section.js';
import { HooksSection } from './hooks-section.js';
import { useOutsideApi } from './outside-api-context.js';
import type { OutsideNotice } from './outside-notice.js';
import { OutboxTable } from './outbox-table.js';
import './outside.css';

/**
 * The outside world (`#/outside`): dead letters with their errors (replay, drop), the
 * outbox, each model's inbound hook addresses (copy, regenerate) and the documents
 * register (download), each list page by page. Secrets come redacted from the runtime;
 * dropping and regenerating ask first in the page's own dialog.
 */
export function OutsidePage(p: { origin?: string }) {
  return (
    <ConfirmProvider>
      <Outside origin={p.origin ?? globalThis.location?.origin ?? ''} />
    </ConfirmProvider>
  );
}

function Outside(p: { origin: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState<string | null>(null);
  // A replay or drop changes one outbox row too: the outbox updates it where it stands.
  const [change, setChange] = useState<OutboxChange | null>(null);
  const notice = useMemo<OutsideNotice>(
    () => ({ say: setText, fail: (e) => setText(errorText(e)) }),
    [errorText],
  );
  return (
    <main className="outside-page" aria-labelledby="outside-title">
      <header className="outside-head">
        <a href="#/">{t('outside.back')}</a>
        <h1 id="outside-title">{t('outside.title')}</h1>
      </header>
      <p role="status" data-testid="outside-notice">
        {text}
      </p>
      <DeadLettersSection notice={notice} onChanged={setChange} />
      <OutboxSection change={change} />
      <HooksSection notice={notice} origin={p.origin} />
      <DocumentsSection />
    </main>
  );
}

/**
 * Every outgoing item with its status and last error, page by page. A replayed item's
 * row shows its new status, a dropped one's row goes; the loaded pages stay.
 */
function OutboxSection(p: { change: OutboxChange | null }) {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const list = usePagedList(useCallback((c?: string) => api.outbox(c), [api]));
  const { update } = list;
  useEffect(() => {
    const c = p.change;
    if (c === null) return;
    update((items) =>
      c.gone
        ? items.filter((x) => x.id !== c.item.id)
        : items.map((x) => (x.id === c.item.id ? c.item : x)),
    );
  }, [p.change, update]);
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outside.outbox')}</h2>
      <OutboxTable
        items={list.items ?? []}
        empty={list.items === null ? t('app.loading') : t('outside.noOutbox')}
        testId="outbox"
      />
      <ListFooter list={list} showEmpty={false} />
    </section>
  );
}
