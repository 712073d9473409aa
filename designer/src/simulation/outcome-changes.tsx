import { useTranslation } from 'react-i18next';
import type { OutcomeLine } from './outcome-diff.js';
import { describeOutcomeLine } from './describe-outcome-line.js';

/** What a rerun changed in the outcome, against the previous run of the same scenario. */
export function OutcomeChanges({
  added,
  removed,
}: {
  added: readonly OutcomeLine[];
  removed: readonly OutcomeLine[];
}) {
  const { t } = useTranslation();
  return (
    <section className="sim-changes" aria-label={t('simulation.changes')} data-testid="sim-changes">
      <h4>{t('simulation.changes')}</h4>
      {added.length + removed.length === 0 ? (
        <p className="muted">{t('simulation.noChanges')}</p>
      ) : (
        <ul className="diff-list">
          {added.map((l) => (
            <li key={`a${l.key}`} className="diff-added">
              <span className="diff-kind">{t('simulation.nowHappens')}</span>{' '}
              {describeOutcomeLine(l, t)}
            </li>
          ))}
          {removed.map((l) => (
            <li key={`r${l.key}`} className="diff-removed">
              <span className="diff-kind">{t('simulation.noLonger')}</span>{' '}
              {describeOutcomeLine(l, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
