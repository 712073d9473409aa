import { ReactFlow } from '@xyflow/react';
import { NODE_TYPES } from '../../designer/src/canvas/node-types.js';
import type { FlowNode } from '../../designer/src/canvas/flow-types.js';

/**
 * One canvas node as React Flow draws it (handles, selection, marks), alone on a
 * small fixed-size canvas. Needs `withFlow` and `withEditor` around it.
 */
export function NodeFrame({
  node,
  width = 320,
  height = 200,
}: {
  node: FlowNode;
  width?: number;
  height?: number;
}) {
  return (
    <div style={{ width, height }} className="story-node-frame">
      <ReactFlow
        nodes={[{ ...node, position: { x: 0, y: 0 } }]}
        edges={[]}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        nodesDraggable={false}
        panOnDrag={false}
        zoomOnScroll={false}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}
