import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { RobotNode } from './flow-types.js';
import { IssueBadge } from './issue-badge.js';
import { markClass } from './node-mark.js';
import { describeAction, describeTiming } from './describe.js';
import { useEditor } from '../editor/editor-context.js';
import { ROBOT_HEIGHT, STAGE_WIDTH } from './lane-geometry.js';
import { entityFields } from '../condition/condition-fields.js';

/** A robot under its stage: action, what it targets, timing and a condition badge. */
export function RobotNodeView({ data, selected }: NodeProps<RobotNode>) {
  const { t, i18n } = useTranslation();
  const { model, directory } = useEditor();
  const { robot } = data;
  const fields = entityFields(model, data.entity, i18n.language);
  const fieldLabel = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  return (
    <div
      className={`robot-node${selected ? ' selected' : ''}${markClass(data.mark)}`}
      style={{ width: STAGE_WIDTH, height: ROBOT_HEIGHT }}
      data-testid={`robot-${robot.id}`}
    >
      <div className="node-title">
        <span className="robot-order">{data.order}</span>{' '}
        {robot.name || t(`action.${robot.action.type}`)}
        {robot.condition !== undefined && (
          <span className="condition-badge" title={JSON.stringify(robot.condition)}>
            {t('condition.badge')}
          </span>
        )}
        <IssueBadge issues={data.issues} />
      </div>
      <div className="node-sub ellipsis">
        {describeAction(t, robot.action, { model, directory, pipeline: data.pipeline })}
      </div>
      <div className="node-timing">{describeTiming(t, robot.timing, fieldLabel)}</div>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
}
