import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readPreference, writePreference } from './preferences.js';
import './onboarding.css';

export const FIRST_RUN_KEY = 'conveyor.firstRunDismissed';

/**
 * The three ideas (stage, robot, trigger) in a few lines on the canvas, until dismissed.
 * Dismissal is a UI preference, so localStorage is the right place for it.
 */
export function FirstRunOverlay() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(() => readPreference(FIRST_RUN_KEY) !== 'yes');
  if (!shown) return null;
  return (
    <aside className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{t('onboarding.title')}</h2>
      <dl>
        <dt className="first-run-stage">{t('onboarding.stage')}</dt>
        <dd>{t('onboarding.stageText')}</dd>
        <dt className="first-run-robot">{t('onboarding.robot')}</dt>
        <dd>{t('onboarding.robotText')}</dd>
        <dt className="first-run-trigger">{t('onboarding.trigger')}</dt>
        <dd>{t('onboarding.triggerText')}</dd>
      </dl>
      <button
        type="button"
        className="primary"
        onClick={() => {
          writePreference(FIRST_RUN_KEY, 'yes');
          setShown(false);
        }}
        data-testid="first-run-dismiss"
      >
        {t('onboarding.dismiss')}
      </button>
    </aside>
  );
}
