import type { TFunction } from 'i18next';
import type { AutomationModel, Stage } from '../../../schemas/index.js';
import { describeTrigger } from '../canvas/describe.js';

/**
 * The confirmation shown before a stage is deleted: it names every robot and trigger
 * that goes with it, so the admin sees what is lost, not just how many.
 *
 * @example stageRemovalMessage(t, model, stage) // "Delete stage “Paid” ...?\nRobots: Create a request, Notify"
 */
export function stageRemovalMessage(t: TFunction, model: AutomationModel, stage: Stage): string {
  const lines = [
    t('inspector.confirmRemoveStage', {
      name: stage.name,
      robots: stage.robots.length,
      triggers: stage.triggers.length,
    }),
  ];
  if (stage.robots.length > 0)
    lines.push(
      t('inspector.removeStageRobots', {
        names: stage.robots.map((r) => r.name || t(`action.${r.action.type}`)).join(', '),
      }),
    );
  if (stage.triggers.length > 0)
    lines.push(
      t('inspector.removeStageTriggers', {
        names: stage.triggers.map((x) => describeTrigger(t, x, model)).join(', '),
      }),
    );
  return lines.join('\n');
}
