import type { AutomationModel } from '../../schemas/index.js';
import { Inspector } from '../../designer/src/inspector/inspector.js';
import { EditorHarness } from './editor-harness.js';

/**
 * The inspector with one node selected, over a live editor: what the admin edits goes
 * through the real reducer, and `onModelChange` hears each new model.
 */
export function InspectorView({
  model,
  nodeId,
  onModelChange,
}: {
  model: AutomationModel;
  nodeId: string | null;
  onModelChange?: (model: AutomationModel) => void;
}) {
  return (
    <div style={{ display: 'flex', height: 720 }}>
      <EditorHarness initial={model} onModelChange={onModelChange}>
        <Inspector nodeId={nodeId} />
      </EditorHarness>
    </div>
  );
}
