import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import type { ModelSummary } from '../api/api-types.js';
import { useExtraApi } from '../api/extra-api-context.js';
import { useFormat } from '../i18n/use-format.js';
import { draftStatus, type DraftStatus } from './draft-status.js';

/**
 * One saved model on the model list: name, id, published version, last change and whether
 * the draft differs from what is published (found by loading both, after the list shows).
 */
export function ModelRow({ model }: { model: ModelSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const extra = useExtraApi();
  const [boards, setBoards] = useState<ReadonlyArray<{ key: string; name: string }>>([]);
  const [status, setStatus] = useState<DraftStatus | null>(
    model.publishedVersion === undefined ? 'notPublished' : null,
  );
  useEffect(() => {
    const version = model.publishedVersion;
    if (version === undefined) return;
    let live = true;
    Promise.all([api.getModel(model.id), extra.getVersion(model.id, version)]).then(
      ([draft, published]) => {
        if (!live) return;
        setStatus(draftStatus(draft.model, published.model));
        setBoards(published.model.pipelines.map((p) => ({ key: p.key, name: p.name })));
      },
      // Unknown is shown as unknown ("checking…" stays), not as a guess.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, extra, model.id, model.publishedVersion]);
  return (
    <tr data-testid={`model-row-${model.id}`}>
      <td>
        <a href={`#/models/${encodeURIComponent(model.id)}`} data-user-text>
          {model.name}
        </a>
        {boards.map((b) => (
          <a
            key={b.key}
            className="board-link"
            href={`#/board/${encodeURIComponent(b.key)}?model=${encodeURIComponent(model.id)}`}
            data-testid={`board-link-${model.id}-${b.key}`}
          >
            {t('board.openBoard', { name: b.name })}
          </a>
        ))}
      </td>
      <td>
        <code>{model.id}</code>
      </td>
      <td className="num">
        {model.publishedVersion === undefined ? (
          <span className="muted">{t('app.notPublished')}</span>
        ) : (
          `v${format.number(model.publishedVersion)}`
        )}
      </td>
      <td>{model.updatedAt ? format.dateTime(model.updatedAt) : ''}</td>
      <td data-testid="model-status">
        {status === null ? (
          <span className="muted">{t('app.checking')}</span>
        ) : status === 'unpublishedChanges' ? (
          <span className="status-badge status-changed">{t('app.unpublishedChanges')}</span>
        ) : (
          <span className="muted">{t(`app.${status}`)}</span>
        )}
      </td>
    </tr>
  );
}
