import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { StageNode } from './flow-types.js';
import { IssueBadge } from './issue-badge.js';
import { markClass } from './node-mark.js';
import { useCanvasCommands } from './canvas-commands.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './lane-geometry.js';

/** A stage card; success and failure stages are coloured differently. */
export function StageNodeView({ data, selected }: NodeProps<StageNode>) {
  const { t } = useTranslation();
  const commands = useCanvasCommands();
  const { stage } = data;
  return (
    <div
      className={`stage-node stage-${stage.kind}${selected ? ' selected' : ''}${markClass(data.mark)}`}
      style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT }}
      data-testid={`stage-${data.pipeline}-${stage.key}`}
    >
      <Handle type="target" position={Position.Left} id="in" />
      <div className="node-title">
        <span className="stage-index">{data.index + 1}</span> {stage.name}
        <IssueBadge issues={data.issues} />
      </div>
      <div className="node-sub">
        {t(`stageKind.${stage.kind}`)}
        {stage.requiredFields?.length ? ` · ${stage.requiredFields.join(', ')}*` : ''}
      </div>
      <button
        type="button"
        className="stage-add nodrag"
        title={t('inspector.addRobot')}
        aria-label={t('inspector.addRobot')}
        onClick={(e) => {
          e.stopPropagation();
          commands.addRobotTo(data.pipeline, stage.key);
        }}
      >
        +
      </button>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
}
