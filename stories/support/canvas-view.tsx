import { useMemo, useState } from 'react';
import { analyzeModel } from '../../schemas/index.js';
import { FlowCanvas } from '../../designer/src/canvas/flow-canvas.js';
import type { NodeMark } from '../../designer/src/canvas/node-mark.js';
import { useEditor } from '../../designer/src/editor/editor-context.js';

/**
 * The whole canvas over the editor context's model with the analyzer's live findings,
 * selection kept locally and edits (drag, connect) applied through the real reducer.
 * Palette drops are ignored: the palette has its own stories.
 */
export function CanvasView({
  marks,
  initialSelection = [],
  height = 560,
}: {
  marks?: ReadonlyMap<string, NodeMark>;
  initialSelection?: readonly string[];
  height?: number;
}) {
  const { model, dispatch, directory } = useEditor();
  const [selected, setSelected] = useState<string[]>([...initialSelection]);
  const diagnostics = useMemo(() => analyzeModel(model, { directory }), [model, directory]);
  return (
    <div style={{ height }} className="canvas-area">
      <FlowCanvas
        model={model}
        diagnostics={diagnostics}
        selected={selected}
        onSelectionChange={setSelected}
        onAction={dispatch}
        onConnectNodes={() => undefined}
        onPaletteDrop={() => undefined}
        focus={null}
        marks={marks}
      />
    </div>
  );
}
