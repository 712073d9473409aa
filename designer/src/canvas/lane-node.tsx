import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { LaneNode } from './flow-types.js';
import { useCanvasCommands } from './canvas-commands.js';

/** A pipeline: the lane behind its stages, with its name and a "+ stage" button. */
export function LaneNodeView({ data, selected }: NodeProps<LaneNode>) {
  const { t } = useTranslation();
  const commands = useCanvasCommands();
  return (
    <div
      className={`lane-node${selected ? ' selected' : ''}`}
      style={{ width: data.width, height: data.height }}
      data-testid={`lane-${data.pipeline.key}`}
    >
      <div className="lane-header">
        <strong>{data.pipeline.name}</strong>
        <span className="lane-entity">{t(`entity.${data.pipeline.entity}`)}</span>
        <button
          type="button"
          className="nodrag"
          data-testid={`add-stage-${data.pipeline.key}`}
          onClick={(e) => {
            e.stopPropagation();
            commands.addStage(data.pipeline.key);
          }}
        >
          {t('lane.addStage')}
        </button>
      </div>
    </div>
  );
}
