import { useTranslation } from 'react-i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { useFormat } from '../i18n/use-format.js';
import { describeDiffEntry } from './describe-diff-entry.js';

/** The diff as a list of sentences, one per added/removed part or changed property. */
export function DiffList({
  entries,
  onPick,
  labelOf,
  before,
  after,
}: {
  entries: readonly ModelDiffEntry[];
  onPick?: (nodeId: string) => void;
  /** The part's name as typed (else its id names it). */
  labelOf?: (nodeId: string) => string | undefined;
  /** The two models compared: units of changed delays are read from them. */
  before?: AutomationModel;
  after?: AutomationModel;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (entries.length === 0) return <p className="muted">{t('versions.noChanges')}</p>;
  return (
    <ul className="diff-list" data-testid="diff-list">
      {entries.map((e, i) => (
        <li key={i} className={`diff-${e.kind}`}>
          <button
            type="button"
            className="link-button"
            title={`${e.nodeId} ${e.path}`}
            onClick={() => onPick?.(e.nodeId)}
          >
            <span className="diff-kind visually-hidden">{t(`versions.kind.${e.kind}`)}: </span>
            {describeDiffEntry(t, e, {
              label: labelOf?.(e.nodeId),
              format: (v) => f.value(v),
              before,
              after,
            })}
          </button>
        </li>
      ))}
    </ul>
  );
}
