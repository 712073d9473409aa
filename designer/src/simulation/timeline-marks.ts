import type { SimulationTimelineEntry } from '../../../schemas/simulation/index.js';
import type { NodeMark } from '../canvas/node-mark.js';

/**
 * Canvas marks for the timeline up to and including entry `upTo`: a robot or trigger
 * that fired is `fired`; one that was looked at and did not run (condition false,
 * scheduled and not yet due, cancelled, refused) is `considered`. A later firing wins.
 *
 * @example timelineMarks(result.timeline, 5).get('robot:notify_new_request') // 'fired'
 */
export function timelineMarks(
  timeline: readonly SimulationTimelineEntry[],
  upTo: number,
): Map<string, NodeMark> {
  const marks = new Map<string, NodeMark>();
  timeline.slice(0, upTo + 1).forEach((e) => {
    if (!e.nodeId) return;
    const fired = e.kind === 'rule' && e.outcome === 'fired';
    if (fired) marks.set(e.nodeId, 'fired');
    else if (e.kind === 'timer_cancelled' || e.kind === 'rule') {
      // A cancellation after firing is not possible; a later considered entry does not undo a firing.
      if (marks.get(e.nodeId) !== 'fired') marks.set(e.nodeId, 'considered');
    }
  });
  return marks;
}
