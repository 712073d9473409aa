import { useTranslation } from 'react-i18next';
import { ACTION_KINDS } from '../catalogue/action-kinds.js';
import { TRIGGER_KINDS } from '../catalogue/trigger-kinds.js';
import { usePlaceItem } from '../palette/use-place-item.js';
import { HAND_OFF_ITEM } from '../palette/use-place-item-for.js';

/** "+ Robot" and "+ Trigger" pickers for a stage. */
export function AddNodeButtons({ pipeline, stage }: { pipeline: string; stage: string }) {
  const { t } = useTranslation();
  const place = usePlaceItem();
  return (
    <div className="button-row">
      <button
        type="button"
        data-testid="add-handoff"
        title={t('handoff.desc')}
        onClick={() => place(HAND_OFF_ITEM, pipeline, stage)}
      >
        {t('handoff.label')}
      </button>
      <select
        value=""
        aria-label={t('inspector.addRobot')}
        data-testid="add-robot"
        onChange={(e) => e.target.value && place(`action:${e.target.value}`, pipeline, stage)}
      >
        <option value="">{t('inspector.addRobot')}</option>
        {ACTION_KINDS.map((k) => (
          <option key={k.type} value={k.type}>
            {t(`action.${k.type}`)}
          </option>
        ))}
      </select>
      <select
        value=""
        aria-label={t('inspector.addTrigger')}
        data-testid="add-trigger"
        onChange={(e) => e.target.value && place(`trigger:${e.target.value}`, pipeline, stage)}
      >
        <option value="">{t('inspector.addTrigger')}</option>
        {TRIGGER_KINDS.map((k) => (
          <option key={k.type} value={k.type}>
            {t(`trigger.${k.type}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
