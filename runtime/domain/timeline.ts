import type { Actor } from './actor.js';

/** One append-only line of a record's history. */
export interface TimelineEntry {
  id: string;
  recordId: string;
  at: string;
  /** Position within one `at` millisecond, so entries sort in the order they happened. */
  seq: number;
  kind: string;
  eventId?: string;
  ruleId?: string;
  modelId?: string;
  version?: number;
  outcome?: string;
  message: string;
  data?: Record<string, unknown>;
  /** Who asked for it, on entries written for a request (robots' entries name their rule). */
  actor?: Actor;
}
