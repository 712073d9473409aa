import { useMemo, useState } from 'react';
import { analyzeModel } from '../../schemas/index.js';
import { FlowCanvas } from '../../designer/src/canvas/flow-canvas.js';
import { useEditor } from '../../designer/src/editor/editor-context.js';
import { ToolPanels } from '../../designer/src/app/tool-panels.js';
import type { CanvasOverlay } from '../../designer/src/versions/canvas-overlay.js';

/**
 * The canvas with the tool panels under it, wired as the model editor wires them: the
 * versions panel lays diff marks (and an older model, read-only) over the canvas, the
 * simulation panel lays what fired. The editor context holds the draft; nothing saves.
 */
export function OverlayWorkbench({ height = 420 }: { height?: number }) {
  const { model, dispatch, directory } = useEditor();
  const [overlay, setOverlay] = useState<CanvasOverlay | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const diagnostics = useMemo(() => analyzeModel(model, { directory }), [model, directory]);
  const readOnly = overlay?.model !== undefined;
  return (
    <div>
      <div style={{ height }} className="canvas-area" data-testid="workbench-canvas">
        <FlowCanvas
          model={overlay?.model ?? model}
          marks={overlay?.marks}
          diagnostics={readOnly ? [] : diagnostics}
          selected={selected}
          onSelectionChange={setSelected}
          onAction={readOnly ? () => undefined : dispatch}
          onConnectNodes={() => undefined}
          onPaletteDrop={() => undefined}
          focus={null}
        />
      </div>
      <ToolPanels
        model={model}
        flush={() => Promise.resolve()}
        onOverlay={setOverlay}
        onReplaced={(m) => dispatch({ type: 'replaceModel', model: m })}
        onModelChange={(m) => dispatch({ type: 'replaceModel', model: m })}
      />
    </div>
  );
}
