import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type NodeChange,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { AutomationModel, Diagnostic } from '../../../schemas/index.js';
import { renderDiagnostic } from '../diagnostics/render-diagnostic.js';
import type { ModelAction } from '../editor/model-action.js';
import { toFlow } from './to-flow.js';
import { NODE_TYPES } from './node-types.js';
import type { FlowNode } from './flow-types.js';
import { dragToAction } from './drag-to-action.js';
import { stageAtPoint } from './stage-at-point.js';
import { nextSelection } from './next-selection.js';
import type { NodeMark } from './node-mark.js';
import { useFlowAriaLabels } from '../i18n/use-flow-aria-labels.js';
import { initialViewport } from './initial-viewport.js';
import { labelNodes } from './node-labels.js';
import { minimapColor } from './minimap-color.js';
import { reuseUnchanged } from './reuse-unchanged.js';
import { useEditor } from '../editor/editor-context.js';
import { useKeepInView } from './use-keep-in-view.js';
import { useMovingClass } from './use-moving-class.js';
import { capturePanePointer } from './capture-pane-pointer.js';

export const PALETTE_MIME = 'application/x-conveyor-palette';

/** Below this zoom nodes are drawn as plain cards (see `.zoomed-out` in styles.css). */
const FAR_ZOOM = 0.45;

export interface FlowCanvasProps {
  readonly model: AutomationModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly selected: readonly string[];
  readonly onSelectionChange: (ids: string[]) => void;
  readonly onAction: (action: ModelAction) => void;
  readonly onConnectNodes: (source: string, target: string) => void;
  readonly onPaletteDrop: (item: string, pipeline: string, stage: string) => void;
  /** Node to centre on; the counter makes repeated clicks on one node work. */
  readonly focus: { nodeId: string; n: number } | null;
  /** Highlights from the simulation or a version diff, by node id. */
  readonly marks?: ReadonlyMap<string, NodeMark>;
  /** A diff is shown: no dragging, no connecting, no drops. */
  readonly readOnly?: boolean;
}

/** The React Flow view of the model: lanes, stages, robots, triggers and their edges. */
export function FlowCanvas(props: FlowCanvasProps) {
  const { model, diagnostics, selected, onSelectionChange, onAction, focus, marks } = props;
  const { t, i18n } = useTranslation();
  const { directory } = useEditor();
  const flow = useReactFlow();
  const ariaLabels = useFlowAriaLabels();
  const store = useStoreApi();
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const derived = useMemo(() => {
    // Badge tooltips in the UI language, with the admin's names.
    const shown = diagnostics.map((d) => ({ ...d, message: renderDiagnostic(t, d) }));
    const flow = toFlow(model, shown, selectedSet, marks);
    return {
      nodes: labelNodes(flow.nodes, model, directory, t, i18n.language),
      edges: flow.edges,
    };
  }, [model, diagnostics, selectedSet, marks, directory, t, i18n.language]);
  const [nodes, setNodes] = useState<FlowNode[]>(derived.nodes);
  // React Flow keeps transient state (drag positions, sizes) in `nodes`; a new
  // model view replaces it (adjusting state during render, not in an effect).
  const [shown, setShown] = useState(derived.nodes);
  if (shown !== derived.nodes) {
    setShown(derived.nodes);
    setNodes((previous) => reuseUnchanged(previous, derived.nodes));
  }
  const edges = useMemo(
    () =>
      derived.edges.map((e) => ({ ...e, label: e.data ? t(`edge.${e.data.kind}`) : undefined })),
    [derived.edges, t],
  );

  useKeepInView(model, selected, marks);
  const { onMoveStart, onMoveEnd } = useMovingClass();
  // Zoomed out, node texts are too small to read anyway: drawing them and the moving
  // dashes of animated edges is what made panning a fitted 1,000-robot model slow.
  const far = useStore((st) => st.transform[2] < FAR_ZOOM);
  // The overview map can be put away when it hides stages (kept as a UI preference).
  const [minimap, setMinimap] = useState(
    () => globalThis.localStorage?.getItem('conveyor.minimap') !== 'off',
  );
  const toggleMinimap = () =>
    setMinimap((on) => {
      globalThis.localStorage?.setItem('conveyor.minimap', on ? 'off' : 'on');
      return !on;
    });

  useEffect(() => {
    if (focus) void flow.fitView({ nodes: [{ id: focus.nodeId }], duration: 300, maxZoom: 1.2 });
  }, [focus, flow]);

  // Selection is read from the user's own `select` changes, not from onSelectionChange:
  // that callback also fires while React Flow catches up with a selection we set from
  // outside (e.g. a new lane), reports the stale one, and the two ping-pong forever.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      const next = nextSelection(selected, changes);
      if (next) onSelectionChange(next);
    },
    [selected, onSelectionChange],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, node: FlowNode) => {
      const action = dragToAction(model, node.id, node.position);
      if (action) onAction(action);
      else setNodes((previous) => reuseUnchanged(previous, derived.nodes));
    },
    [model, onAction, derived.nodes],
  );
  // Not `fitView`: on a large model it zooms out until the text is unreadable.
  const onInit = useCallback(() => {
    const { width, height } = store.getState();
    void flow.setViewport(initialViewport(model, { width, height }));
    // Only the first view: later edits must not move the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onConnect = useCallback(
    (c: Connection) => props.onConnectNodes(c.source, c.target),
    [props],
  );
  const onDrop = useCallback(
    (e: DragEvent) => {
      const item = e.dataTransfer.getData(PALETTE_MIME);
      if (!item || props.readOnly) return;
      e.preventDefault();
      const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const target = stageAtPoint(model, point);
      if (target) props.onPaletteDrop(item, target.pipeline, target.stage);
    },
    [flow, model, props],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      onDrop={onDrop}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      deleteKeyCode={null}
      nodesDraggable={!props.readOnly}
      nodesConnectable={!props.readOnly}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      onInit={onInit}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
      onPointerDown={capturePanePointer}
      minZoom={0.1}
      className={far ? 'zoomed-out' : undefined}
      ariaLabelConfig={ariaLabels}
    >
      {/* Zoomed out its dots are specks a few pixels apart, which cost a repaint of the
          whole pane on every frame of a pan. */}
      {!far && <Background />}
      {minimap && (
        <MiniMap<FlowNode>
          pannable
          zoomable
          nodeColor={minimapColor}
          className="conveyor-minimap"
          ariaLabel={t('canvas.minimap')}
        />
      )}
      <Controls>
        <ControlButton
          onClick={toggleMinimap}
          aria-label={t('canvas.toggleMinimap')}
          title={t('canvas.toggleMinimap')}
          aria-pressed={minimap}
          data-testid="toggle-minimap"
        >
          ▦
        </ControlButton>
      </Controls>
    </ReactFlow>
  );
}
