import type { AutomationModel, Directory, Duration, EntityType } from '../../../schemas/index.js';

/*
 * The simulation scenario and result as docs/contracts.md ("Simulation") describes them.
 * The authoritative schema is `schemas/simulation/` (branch `sim`); these types follow
 * the contract so the panel builds before that lands.
 */

export interface SimRecord {
  readonly ref: string;
  readonly entity: EntityType;
  readonly pipeline?: string;
  readonly stage?: string;
  readonly fields: Record<string, unknown>;
  readonly links?: readonly string[];
}

export type SimStep =
  | ({ readonly at: Duration; readonly do: 'create' } & SimRecord)
  | { readonly at: Duration; readonly do: 'move'; readonly ref: string; readonly stage: string }
  | {
      readonly at: Duration;
      readonly do: 'update';
      readonly ref: string;
      readonly fields: Record<string, unknown>;
    }
  | {
      readonly at: Duration;
      readonly do: 'event';
      readonly ref: string;
      readonly kind: string;
      readonly payload?: Record<string, unknown>;
    }
  | {
      readonly at: Duration;
      readonly do: 'complete_task';
      readonly ref: string;
      readonly task: number;
    };

export interface SimulationScenario {
  readonly model?: AutomationModel;
  readonly modelId?: string;
  readonly version?: number;
  readonly directory?: Directory;
  readonly start?: string;
  readonly horizon?: Duration;
  readonly records?: readonly SimRecord[];
  readonly steps?: readonly SimStep[];
}

export interface SimTimelineEntry {
  readonly at: string;
  readonly minute: number;
  readonly ref?: string;
  readonly recordId?: string;
  readonly kind: string;
  readonly ruleId?: string;
  readonly nodeId?: string;
  readonly outcome?: string;
  readonly message: string;
  readonly data?: Record<string, unknown>;
}

/** An outbox item, task or notification: shown as it would look. */
export type SimItem = Record<string, unknown>;

export interface SimulationResult {
  readonly start: string;
  readonly end: string;
  readonly timeline: readonly SimTimelineEntry[];
  readonly records: readonly SimItem[];
  readonly tasks: readonly SimItem[];
  readonly notifications: readonly SimItem[];
  readonly outbox: readonly SimItem[];
  readonly timers?: readonly SimItem[];
}
