import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { TriggerNode, TriggerNodeData } from './flow-types.js';
import { IssueBadge } from './issue-badge.js';
import { markClass } from './node-mark.js';
import { describeTrigger } from './describe.js';
import { useEditor } from '../editor/editor-context.js';
import { STAGE_WIDTH, TRIGGER_HEIGHT } from './lane-geometry.js';

/** A trigger above the stage it moves records into. */
export function TriggerNodeView(props: NodeProps<TriggerNode>) {
  const { text } = props.data;
  // The canvas passes the text in; without it (a story, a test) it comes from context.
  return text !== undefined ? (
    <TriggerCard data={props.data} selected={!!props.selected} text={text} />
  ) : (
    <TriggerNodeFromContext data={props.data} selected={!!props.selected} />
  );
}

function TriggerNodeFromContext({ data, selected }: { data: TriggerNodeData; selected: boolean }) {
  const { t } = useTranslation();
  const { model } = useEditor();
  return (
    <TriggerCard data={data} selected={selected} text={describeTrigger(t, data.trigger, model)} />
  );
}

function TriggerCard({
  data,
  selected,
  text,
}: {
  data: TriggerNodeData;
  selected: boolean;
  text: string;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`trigger-node${selected ? ' selected' : ''}${markClass(data.mark)}`}
      style={{ width: STAGE_WIDTH, height: TRIGGER_HEIGHT }}
      data-testid={`trigger-${data.trigger.id}`}
    >
      <Handle type="target" position={Position.Left} id="in" />
      {/* The name the admin typed; the event is the tooltip (and the text when unnamed). */}
      <div className="node-title ellipsis" title={text}>
        ⚡ {data.trigger.name || text}
        {data.trigger.condition !== undefined && (
          <span className="condition-badge" title={data.conditionText}>
            {data.conditionText
              ? t('condition.summary', { text: data.conditionText })
              : t('condition.badge')}
          </span>
        )}
        <IssueBadge issues={data.issues} />
      </div>
    </div>
  );
}
