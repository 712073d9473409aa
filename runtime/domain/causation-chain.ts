/**
 * Which external event or request started a chain of automation, and how far it has
 * gone since: what the loop guard counts (`engine/loop-guard.ts`).
 */
export interface CausationChain {
  origin: {
    /** `record_created`, `stage_changed`, `fields_changed` (requests), an external event's kind, or `timer`. */
    kind: string;
    recordId: string;
    eventId: string;
    at: string;
  };
  /** Events handled and delayed robots fired since the origin (the origin's own event included). */
  steps: number;
  /** Records robots and triggers created since the origin. */
  created: number;
}
