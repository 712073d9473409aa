/**
 * A transient highlight laid over a node by another view of the model: the simulation
 * (`fired`: it ran; `considered`: it was looked at and did not run) or a version diff
 * (`added`, `removed`, `changed`). Never stored in the model.
 */
export const NODE_MARKS = ['fired', 'considered', 'added', 'removed', 'changed'] as const;
export type NodeMark = (typeof NODE_MARKS)[number];

/** The class a node's root element gets for its mark (`mark-fired`, ...). */
export function markClass(mark: NodeMark | undefined): string {
  return mark ? ` mark-${mark}` : '';
}
