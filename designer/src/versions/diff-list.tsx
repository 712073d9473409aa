import { useTranslation } from 'react-i18next';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { useFormat } from '../i18n/use-format.js';

/** The diff as a list: one row per added/removed part or changed property. */
export function DiffList({
  entries,
  onPick,
  labelOf,
}: {
  entries: readonly ModelDiffEntry[];
  onPick?: (nodeId: string) => void;
  /** The part's name as typed, for the row (the id is shown too). */
  labelOf?: (nodeId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (entries.length === 0) return <p className="muted">{t('versions.noChanges')}</p>;
  return (
    <ul className="diff-list" data-testid="diff-list">
      {entries.map((e, i) => (
        <li key={i} className={`diff-${e.kind}`}>
          <button type="button" className="link-button" onClick={() => onPick?.(e.nodeId)}>
            <span className="diff-kind">{t(`versions.kind.${e.kind}`)}</span>{' '}
            {labelOf?.(e.nodeId) && <span data-user-text>{labelOf(e.nodeId)} </span>}
            <code>{e.nodeId}</code>
          </button>
          {e.kind === 'changed' && (
            <span className="diff-change">
              {' '}
              <code>{e.path}</code>: {f.value(e.before)} → {f.value(e.after)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
