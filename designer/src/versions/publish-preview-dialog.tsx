import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExistingRecords, PublishPreview } from '../api/publish-api.js';

const ids = (sample: readonly string[], total: number): string =>
  sample.length === 0 ? '' : `${sample.join(', ')}${total > sample.length ? ', …' : ''}`;

/**
 * Before publishing: what the new version does to work in progress (pending timers
 * cancelled, re-planned or kept; records in stages that change or go; new timed rules
 * for records already in place) and the choice for those records.
 */
export function PublishPreviewDialog(p: {
  preview: PublishPreview;
  busy?: boolean;
  onConfirm(existingRecords: ExistingRecords): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<ExistingRecords>('new_only');
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const { timers, stages, newRules } = p.preview;
  return (
    <dialog
      ref={ref}
      className="rollback-dialog publish-preview"
      aria-labelledby="publish-preview-title"
      aria-describedby="publish-preview-intro"
      onCancel={p.onCancel}
      data-testid="publish-preview"
    >
      <h2 id="publish-preview-title">
        {t('publishPreview.title', { version: (p.preview.liveVersion ?? 0) + 1 })}
      </h2>
      <p id="publish-preview-intro">
        {t('publishPreview.intro', { version: p.preview.liveVersion ?? 0 })}
      </p>
      <h3>{t('publishPreview.timers')}</h3>
      <ul data-testid="preview-timers">
        <li data-testid="timers-cancelled">
          {t('publishPreview.cancelled', { count: timers.cancelled.count })}
        </li>
        <li data-testid="timers-replanned">
          {t('publishPreview.replanned', { count: timers.replanned.count })}
        </li>
        <li data-testid="timers-kept">{t('publishPreview.kept', { count: timers.kept.count })}</li>
      </ul>
      <h3>{t('publishPreview.stages')}</h3>
      {stages.length === 0 ? (
        <p>{t('publishPreview.noStages')}</p>
      ) : (
        <ul data-testid="preview-stages">
          {stages.map((s) => (
            <li key={`${s.pipeline}/${s.stage}`}>
              {t(
                s.change === 'removed'
                  ? 'publishPreview.stageRemoved'
                  : 'publishPreview.stageChanged',
                {
                  name: s.name,
                  count: s.records,
                },
              )}{' '}
              <span className="muted">{ids(s.sample, s.records)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('publishPreview.newRules')}</h3>
      {newRules.length === 0 ? (
        <p>{t('publishPreview.noNewRules')}</p>
      ) : (
        <ul data-testid="preview-new-rules">
          {newRules.map((r) => (
            <li key={r.ruleId}>
              {t(
                r.kind === 'date_trigger'
                  ? 'publishPreview.newDateTrigger'
                  : 'publishPreview.newDelayedRobot',
                {
                  name: r.ruleName,
                  count: r.records,
                },
              )}{' '}
              <span className="muted">{ids(r.sample, r.records)}</span>
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('publishPreview.choice')}</legend>
        <label>
          <input
            type="radio"
            name="existing-records"
            value="new_only"
            checked={choice === 'new_only'}
            onChange={() => setChoice('new_only')}
          />{' '}
          {t('publishPreview.newOnly')}
        </label>
        <br />
        <label>
          <input
            type="radio"
            name="existing-records"
            value="include_existing"
            checked={choice === 'include_existing'}
            onChange={() => setChoice('include_existing')}
          />{' '}
          {t('publishPreview.includeExisting')}
        </label>
      </fieldset>
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          disabled={p.busy === true}
          onClick={() => p.onConfirm(choice)}
          data-testid="confirm-publish"
        >
          {t('publishPreview.confirm')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </dialog>
  );
}
