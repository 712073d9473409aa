import { useTranslation } from 'react-i18next';
import { useEditor } from '../editor/editor-context.js';
import { findRobot, findStage, findTrigger } from '../editor/model-index.js';
import { parseNodeId } from '../editor/node-ids.js';
import { StageForm } from './stage-form.js';
import { RobotForm } from './robot-form.js';
import { TriggerForm } from './trigger-form.js';
import { PipelineForm } from './pipeline-form.js';
import type { Diagnostic } from '../../../schemas/index.js';
import { FieldIssues, type FieldIssue } from './field-issues.js';
import { nodeOfPath } from './field-of-path.js';

/** The form of the selected node. */
export function Inspector({
  nodeId,
  readOnly = false,
  diagnostics = [],
  jump = null,
}: {
  nodeId: string | null;
  /** Shows the form disabled (a version diff is on the canvas). */
  readOnly?: boolean;
  /** The model's problems: the selected node's are listed and their fields marked. */
  diagnostics?: readonly Diagnostic[];
  /** A problem picked in the Problems panel: focus the field at this path of the node. */
  jump?: { rel: string; n: number } | null;
}) {
  const { t } = useTranslation();
  const { model } = useEditor();
  const issues: FieldIssue[] = [];
  if (nodeId)
    for (const d of diagnostics) {
      const at = nodeOfPath(model, d.path);
      if (at?.nodeId === nodeId) issues.push({ diagnostic: d, rel: at.rel });
      else if (d.nodeId === nodeId) issues.push({ diagnostic: d, rel: '' });
    }
  const parsed = nodeId ? parseNodeId(nodeId) : null;
  let body = <p className="muted">{t('inspector.nothing')}</p>;
  if (parsed?.kind === 'stage') {
    const f = findStage(model, parsed.pipeline, parsed.stage);
    if (f)
      body = <StageForm key={nodeId} pipeline={f.pipeline} stage={f.stage} index={f.stageIndex} />;
  } else if (parsed?.kind === 'robot') {
    const f = findRobot(model, parsed.id);
    if (f)
      body = (
        <RobotForm
          key={nodeId}
          pipeline={f.pipeline}
          stage={f.stage}
          robot={f.robot}
          index={f.index}
        />
      );
  } else if (parsed?.kind === 'trigger') {
    const f = findTrigger(model, parsed.id);
    if (f)
      body = <TriggerForm key={nodeId} pipeline={f.pipeline} stage={f.stage} trigger={f.trigger} />;
  } else if (parsed?.kind === 'pipeline') {
    const p = model.pipelines.find((x) => x.key === parsed.key);
    if (p) body = <PipelineForm key={nodeId} pipeline={p} />;
  }
  return (
    <aside className="inspector" data-testid="inspector">
      {nodeId && !readOnly && <FieldIssues issues={issues} nodeId={nodeId} jump={jump} />}
      {readOnly ? (
        // A disabled fieldset disables every control inside it, however deep.
        <fieldset disabled className="read-only-form" data-testid="inspector-read-only">
          <legend className="muted">{t('header.readOnly')}</legend>
          {body}
        </fieldset>
      ) : (
        body
      )}
    </aside>
  );
}
