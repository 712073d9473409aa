import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { RobotNode, RobotNodeData } from './flow-types.js';
import { IssueBadge } from './issue-badge.js';
import { markClass } from './node-mark.js';
import { describeAction, describeTiming } from './describe.js';
import { useEditor } from '../editor/editor-context.js';
import { ROBOT_HEIGHT, STAGE_WIDTH } from './lane-geometry.js';
import { entityFields } from '../condition/condition-fields.js';

type Text = { action: string; timing: string; condition?: string };

/** A robot under its stage: action, what it targets, timing and a condition badge. */
export function RobotNodeView(props: NodeProps<RobotNode>) {
  const { text } = props.data;
  // The canvas passes the texts in; without them (a story, a test) they come from context.
  return text ? (
    <RobotCard data={props.data} selected={!!props.selected} text={text} />
  ) : (
    <RobotNodeFromContext data={props.data} selected={!!props.selected} />
  );
}

function RobotNodeFromContext({ data, selected }: { data: RobotNodeData; selected: boolean }) {
  const { t, i18n } = useTranslation();
  const { model, directory } = useEditor();
  const fields = entityFields(model, data.entity, i18n.language);
  const fieldLabel = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const text = {
    action: describeAction(t, data.robot.action, { model, directory, pipeline: data.pipeline }),
    timing: describeTiming(t, data.robot.timing, fieldLabel),
  };
  return <RobotCard data={data} selected={selected} text={text} />;
}

const RobotCard = memo(function RobotCard({
  data,
  selected,
  text,
}: {
  data: RobotNodeData;
  selected: boolean;
  text: Text;
}) {
  const { t } = useTranslation();
  const { robot } = data;
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
          <span
            className="condition-badge"
            title={text.condition ?? JSON.stringify(robot.condition)}
          >
            {text.condition
              ? t('condition.summary', { text: text.condition })
              : t('condition.badge')}
          </span>
        )}
        <IssueBadge issues={data.issues} />
      </div>
      <div className="node-sub ellipsis">{text.action}</div>
      <div className="node-timing">{text.timing}</div>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
