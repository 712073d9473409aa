import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../schemas/index.js';
import { useFormat } from '../i18n/use-format.js';
import type { StageRule } from './board-rules.js';

/** A column's head: stage name, record count and amount sum, its robots and triggers. */
export function ColumnHeader({
  stage,
  count,
  amount,
  rules,
}: {
  stage: Stage;
  /** Undefined while the totals load. */
  count?: number;
  amount?: number;
  rules: readonly StageRule[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={`column-header kind-${stage.kind}`}>
      <h3 data-user-text>{stage.name}</h3>
      <div className="column-totals" data-testid={`totals-${stage.key}`}>
        <span>
          {count === undefined ? '…' : t('board.count', { count, n: format.number(count) })}
        </span>
        {amount !== undefined && <span className="column-sum">Σ {format.number(amount)}</span>}
      </div>
      {rules.length > 0 && (
        <ul className="column-rules" aria-label={t('board.rulesOf', { stage: stage.name })}>
          {rules.map((r) => (
            <li key={`${r.kind}:${r.id}`} className={`rule-${r.kind}`}>
              <a href={r.href} title={t(`board.${r.kind}`)} data-user-text>
                {r.kind === 'robot' ? '⚙' : '⚡'} {r.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
