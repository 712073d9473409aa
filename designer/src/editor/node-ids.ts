/** Canvas node ids, as docs/contracts.md names them; diagnostics carry the same ids. */
export const stageNodeId = (pipeline: string, stage: string): string =>
  `stage:${pipeline}/${stage}`;
export const robotNodeId = (id: string): string => `robot:${id}`;
export const triggerNodeId = (id: string): string => `trigger:${id}`;
export const pipelineNodeId = (key: string): string => `pipeline:${key}`;

export type ParsedNodeId =
  | { kind: 'stage'; pipeline: string; stage: string }
  | { kind: 'robot'; id: string }
  | { kind: 'trigger'; id: string }
  | { kind: 'pipeline'; key: string };

/** Reads a canvas node id back; `null` for anything else. */
export function parseNodeId(nodeId: string): ParsedNodeId | null {
  const colon = nodeId.indexOf(':');
  if (colon < 0) return null;
  const kind = nodeId.slice(0, colon);
  const rest = nodeId.slice(colon + 1);
  if (kind === 'stage') {
    const slash = rest.indexOf('/');
    if (slash < 0) return null;
    return { kind, pipeline: rest.slice(0, slash), stage: rest.slice(slash + 1) };
  }
  if (kind === 'robot' || kind === 'trigger') return { kind, id: rest };
  if (kind === 'pipeline') return { kind, key: rest };
  return null;
}
