import { useTranslation } from 'react-i18next';
import type { Pipeline, Robot, Stage } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { robotNodeId } from '../editor/node-ids.js';
import { ConditionEditor } from '../condition/condition-editor.js';
import { ActionForm } from './action-form.js';
import { TimingEditor } from './timing-editor.js';
import { TextField } from './select-field.js';

/** A robot: name, timing, condition, action settings, order and deletion. */
export function RobotForm({
  pipeline,
  stage,
  robot,
  index,
}: {
  pipeline: Pipeline;
  stage: Stage;
  robot: Robot;
  index: number;
}) {
  const { t } = useTranslation();
  const { dispatch, select } = useEditor();
  const update = (r: Robot) => dispatch({ type: 'updateRobot', robot: r });
  const move = (to: number) =>
    dispatch({
      type: 'moveRobot',
      id: robot.id,
      pipeline: pipeline.key,
      stage: stage.key,
      index: to,
    });
  return (
    <div className="form" data-testid="robot-form">
      <h3>
        {t('inspector.robot')}: {t(`action.${robot.action.type}`)}
      </h3>
      <p className="muted">
        {pipeline.name} / {stage.name} · <code>{robot.id}</code>
      </p>
      <TextField
        label={t('inspector.name')}
        value={robot.name ?? ''}
        onChange={(name) => update({ ...robot, name: name || undefined })}
        testId="robot-name"
      />
      <TimingEditor
        value={robot.timing}
        entity={pipeline.entity}
        onChange={(timing) => update({ ...robot, timing })}
      />
      {robot.timing.kind !== 'immediate' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={(robot.onLeaveStage ?? 'cancel') === 'cancel'}
            onChange={(e) =>
              update({ ...robot, onLeaveStage: e.target.checked ? undefined : 'keep' })
            }
          />
          {t('timing.onLeaveStage')}: {t('timing.cancel')}
        </label>
      )}
      <fieldset>
        <legend>{t('inspector.condition')}</legend>
        <ConditionEditor
          value={robot.condition}
          entity={pipeline.entity}
          onChange={(condition) =>
            dispatch({ type: 'setCondition', nodeId: robotNodeId(robot.id), condition })
          }
          testId="robot-condition"
        />
      </fieldset>
      <fieldset>
        <legend>{t('inspector.action')}</legend>
        <ActionForm
          action={robot.action}
          entity={pipeline.entity}
          pipeline={pipeline.key}
          onChange={(action) => update({ ...robot, action })}
        />
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={index === 0} onClick={() => move(index - 1)}>
          {t('inspector.moveUp')}
        </button>
        <button
          type="button"
          disabled={index === stage.robots.length - 1}
          onClick={() => move(index + 1)}
        >
          {t('inspector.moveDown')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            dispatch({ type: 'removeNodes', nodeIds: [robotNodeId(robot.id)] });
            select(null);
          }}
        >
          {t('inspector.delete')}
        </button>
      </div>
    </div>
  );
}
