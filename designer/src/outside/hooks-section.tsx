import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../../schemas/api/index.js';
import { useConfirm } from '../dialogs/confirm-context.js';
import { useOutsideApi } from './outside-api-context.js';
import type { HookView } from './outside-api.js';
import type { OutsideNotice } from './outside-notice.js';

/**
 * Inbound hook addresses of a published model: copy, and regenerate after the page's
 * own dialog confirms it (the old address stops working at once).
 */
export function HooksSection(p: { notice: OutsideNotice; origin: string }) {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const confirm = useConfirm();
  const { notice } = p;
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [model, setModel] = useState('');
  const [hooks, setHooks] = useState<HookView[]>([]);
  useEffect(() => {
    api.models().then((m) => {
      const published = m.items.filter((x) => x.publishedVersion !== undefined);
      setModels(published);
      setModel((cur) => cur || (published[0]?.id ?? ''));
    }, notice.fail);
  }, [api, notice]);
  useEffect(() => {
    if (model === '') return;
    api.hooks(model).then(setHooks, notice.fail);
  }, [api, model, notice]);

  const regenerate = async (h: HookView) => {
    try {
      const fresh = await api.regenerate(model, h.triggerId);
      setHooks((all) => all.map((x) => (x.triggerId === h.triggerId ? fresh : x)));
      notice.say(t('outside.regenerated', { trigger: h.triggerName }));
    } catch (e) {
      notice.fail(e);
    }
  };
  return (
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
            const url = `${p.origin}${h.path}`;
            return (
              <li key={h.triggerId}>
                <span
                  data-user-text
                  data-testid={`hook-name-${h.triggerId}`}
                  title={`${h.ruleId} → ${h.pipeline}/${h.stage}`}
                >
                  {t('outside.hookOf', {
                    trigger: h.triggerName,
                    pipeline: h.pipelineName,
                    stage: h.stageName,
                  })}
                </span>
                <input
                  readOnly
                  value={url}
                  aria-label={t('outside.hookAddress', { trigger: h.triggerName })}
                  data-testid={`hook-url-${h.triggerId}`}
                />
                <button
                  type="button"
                  onClick={() =>
                    void navigator.clipboard
                      ?.writeText(url)
                      .then(() => notice.say(t('outside.copied')), notice.fail)
                  }
                >
                  {t('outside.copy')}
                </button>
                <button
                  type="button"
                  className="danger"
                  data-testid={`regenerate-${h.triggerId}`}
                  onClick={() =>
                    confirm({
                      title: t('outside.regenerateTitle', { trigger: h.triggerName }),
                      message: t('outside.regenerateMessage'),
                      confirmLabel: t('outside.regenerateConfirm'),
                      run: () => regenerate(h),
                    })
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
  );
}
