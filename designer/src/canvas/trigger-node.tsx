import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { TriggerNode } from './flow-types.js';
import { IssueBadge } from './issue-badge.js';
import { markClass } from './node-mark.js';
import { describeTrigger } from './describe.js';
import { useEditor } from '../editor/editor-context.js';
import { STAGE_WIDTH, TRIGGER_HEIGHT } from './lane-geometry.js';

/** A trigger above the stage it moves records into. */
export function TriggerNodeView({ data, selected }: NodeProps<TriggerNode>) {
  const { t } = useTranslation();
  const { model } = useEditor();
  return (
    <div
      className={`trigger-node${selected ? ' selected' : ''}${markClass(data.mark)}`}
      style={{ width: STAGE_WIDTH, height: TRIGGER_HEIGHT }}
      data-testid={`trigger-${data.trigger.id}`}
    >
      <Handle type="target" position={Position.Left} id="in" />
      <div className="node-title ellipsis">
        ⚡ {describeTrigger(t, data.trigger, model)}
        {data.trigger.condition !== undefined && (
          <span className="condition-badge">{t('condition.badge')}</span>
        )}
        <IssueBadge issues={data.issues} />
      </div>
    </div>
  );
}
