import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../../schemas/api/index.js';
import { useOutsideApi } from './outside-api-context.js';
import type { DocumentView, HookView, OutboxView } from './outside-api.js';
import { OutboxTable } from './outbox-table.js';
import './outside.css';

/**
 * The outside world (`#/outside`): dead letters with their errors (replay, drop), the
 * outbox, each model's inbound hook addresses (copy, regenerate) and the documents
 * register (download). Secrets come redacted from the runtime.
 */
export function OutsidePage(p: { origin?: string }) {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const [dead, setDead] = useState<OutboxView[]>([]);
  const [outbox, setOutbox] = useState<OutboxView[]>([]);
  const [docs, setDocs] = useState<DocumentView[]>([]);
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [model, setModel] = useState('');
  const [hooks, setHooks] = useState<HookView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const origin = p.origin ?? globalThis.location?.origin ?? '';

  const fail = (e: unknown) => setNotice(e instanceof Error ? e.message : String(e));
  const [round, setRound] = useState(0);
  const reload = () => setRound((n) => n + 1);
  useEffect(() => {
    let live = true;
    Promise.all([api.deadLetters(), api.outbox(), api.documents(), api.models()]).then(
      ([d, o, docs, m]) => {
        if (!live) return;
        setDead(d.items);
        setOutbox(o.items);
        setDocs(docs.items);
        const published = m.items.filter((x) => x.publishedVersion !== undefined);
        setModels(published);
        setModel((cur) => cur || (published[0]?.id ?? ''));
      },
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [api, round]);
  useEffect(() => {
    if (model === '') return;
    api.hooks(model).then(setHooks, fail);
  }, [api, model]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setNotice(done);
      reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <main className="outside-page" aria-labelledby="outside-title">
      <header className="outside-head">
        <a href="#/">{t('outside.back')}</a>
        <h1 id="outside-title">{t('outside.title')}</h1>
      </header>
      <p role="status" data-testid="outside-notice">
        {notice}
      </p>

      <section aria-labelledby="dead-title">
        <h2 id="dead-title">{t('outside.deadLetters')}</h2>
        <OutboxTable
          items={dead}
          empty={t('outside.noDeadLetters')}
          testId="dead-letters"
          actions={(item) => (
            <>
              <button
                type="button"
                onClick={() =>
                  void act(() => api.replay(item.id), t('outside.replayed', { id: item.id }))
                }
              >
                {t('outside.replay')}
              </button>
              <button
                type="button"
                onClick={() =>
                  void act(() => api.drop(item.id), t('outside.dropped', { id: item.id }))
                }
              >
                {t('outside.drop')}
              </button>
            </>
          )}
        />
      </section>

      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title">{t('outside.outbox')}</h2>
        <OutboxTable items={outbox} empty={t('outside.noOutbox')} testId="outbox" />
      </section>

      <section aria-labelledby="hooks-title">
        <h2 id="hooks-title">{t('outside.hooks')}</h2>
        <label>
          {t('outside.model')}{' '}
          <select value={model} onChange={(e) => setModel(e.target.value)} data-testid="hook-model">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        {hooks.length === 0 ? (
          <p>{t('outside.noHooks')}</p>
        ) : (
          <ul className="outside-hooks" data-testid="hooks">
            {hooks.map((h) => {
              const url = `${origin}${h.path}`;
              return (
                <li key={h.triggerId}>
                  <span>{t('outside.hookOf', { trigger: h.triggerId, stage: h.stage })}</span>
                  <input
                    readOnly
                    value={url}
                    aria-label={t('outside.hookAddress', { trigger: h.triggerId })}
                    data-testid={`hook-url-${h.triggerId}`}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      void navigator.clipboard
                        ?.writeText(url)
                        .then(() => setNotice(t('outside.copied')), fail)
                    }
                  >
                    {t('outside.copy')}
                  </button>
                  <button
                    type="button"
                    data-testid={`regenerate-${h.triggerId}`}
                    onClick={() =>
                      void act(
                        async () => {
                          const fresh = await api.regenerate(model, h.triggerId);
                          setHooks((all) =>
                            all.map((x) => (x.triggerId === h.triggerId ? fresh : x)),
                          );
                        },
                        t('outside.regenerated', { trigger: h.triggerId }),
                      )
                    }
                  >
                    {t('outside.regenerate')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('outside.documents')}</h2>
        {docs.length === 0 ? (
          <p>{t('outside.noDocuments')}</p>
        ) : (
          <table className="outside-table" data-testid="documents">
            <thead>
              <tr>
                <th scope="col">{t('outside.docTitle')}</th>
                <th scope="col">{t('outside.register')}</th>
                <th scope="col">{t('outside.record')}</th>
                <th scope="col">{t('outside.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('outside.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{d.register}</td>
                  <td>{d.recordId}</td>
                  <td>{d.createdAt}</td>
                  <td>
                    <a href={api.documentUrl(d.id)} download>
                      {t('outside.downloadOne', { title: d.title })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
