import type { FlowNode } from './flow-types.js';

/**
 * Minimap fill per node: stages in the colours of their kind, robots and triggers
 * in their palette colours, so a large model can be navigated from the minimap.
 *
 * @example minimapColor(stageNode) // '#16a34a' for a success stage
 */
export function minimapColor(node: FlowNode): string {
  switch (node.type) {
    case 'lane':
      return '#e5e7eb';
    case 'stage':
      return node.data.stage.kind === 'success'
        ? '#16a34a'
        : node.data.stage.kind === 'failure'
          ? '#dc2626'
          : '#2f6fed';
    case 'robot':
      return '#93c5fd';
    case 'trigger':
      return '#f59e0b';
  }
}
