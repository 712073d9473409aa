import type { EntityType, Pipeline, AutomationModel, Directory } from '../../../schemas/index.js';
import type {
  LiveItemEvent,
  LiveRecordEvent,
  RecordBody,
  StageTotal,
} from '../../../schemas/api/index.js';

export type { RecordBody, StageTotal } from '../../../schemas/api/index.js';

/** The API collection of each entity (`/api/records/<path>`). */
export const ENTITY_PATH: Readonly<Record<EntityType, string>> = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
};

/** A published pipeline the board shows: its model (published version) and stages. */
export interface BoardPipeline {
  readonly modelId: string;
  readonly modelName: string;
  readonly version: number;
  readonly model: AutomationModel;
  readonly pipeline: Pipeline;
}

/** The filters of the board (all optional; empty strings mean "any"). */
export interface BoardFilters {
  readonly responsible?: string;
  readonly text?: string;
  readonly amountMin?: string;
  readonly amountMax?: string;
}

/** A pending timer, as the board shows it (from `GET /api/timers`). */
export interface PendingTimer {
  readonly id: string;
  readonly dueAt: string;
  readonly ruleId: string;
  readonly recordId: string;
  readonly stage?: string;
  readonly status?: string;
  readonly modelId?: string;
  readonly pipeline?: string;
}

/** A row of a record's timeline, tasks, notifications, outbox or documents. */
export type RecordItem = Readonly<Record<string, unknown>> & { readonly id: string };

/** A page of a list route. */
export interface PageOfItems<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** "Why didn't it run?" (`GET /api/records/:entity/:id/why?rule=`), built by `preview`. */
export interface WhyAnswer {
  readonly ruleId: string;
  readonly ruleName?: string;
  readonly ran: boolean;
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly text: string;
}

/** A live change (`GET /api/events`), as the board reacts to it. */
export type LiveMessage =
  | { readonly type: 'record'; readonly data: LiveRecordEvent }
  | { readonly type: 'timer' | 'outbox'; readonly data: LiveItemEvent }
  | { readonly type: 'reset' };

/** Whether the live stream is open now (shown on the board). */
export type LiveState = 'connecting' | 'live' | 'offline';

/** Where the board talks to the runtime; stories pass a fake one. */
export interface BoardApi {
  /** Every published pipeline (latest published version of each model). */
  publishedPipelines(): Promise<BoardPipeline[]>;
  directory(): Promise<Directory>;
  /** Who is signed in (for "my records"), when known. */
  me(): Promise<{ userId?: string } | null>;
  records(
    entity: EntityType,
    query: Readonly<Record<string, string>>,
    cursor: string | null,
  ): Promise<PageOfItems<RecordBody>>;
  stageTotals(
    entity: EntityType,
    query: Readonly<Record<string, string>>,
    stages: readonly string[],
  ): Promise<StageTotal[]>;
  /** Pending timers of a model's records, earliest first (one page). */
  timers(modelId: string, entity: EntityType): Promise<PendingTimer[]>;
  getRecord(entity: EntityType, id: string): Promise<RecordBody & { etag?: string }>;
  createRecord(
    entity: EntityType,
    body: { model: string; pipeline: string; stage: string; fields: Record<string, unknown> },
  ): Promise<RecordBody>;
  move(
    entity: EntityType,
    id: string,
    stage: string,
    fields: Record<string, unknown> | undefined,
    ifMatch: string | undefined,
  ): Promise<RecordBody & { etag?: string }>;
  patch(
    entity: EntityType,
    id: string,
    fields: Record<string, unknown>,
    ifMatch: string | undefined,
  ): Promise<RecordBody & { etag?: string }>;
  recordItems(
    entity: EntityType,
    id: string,
    what: 'timeline' | 'tasks' | 'notifications' | 'outbox' | 'documents' | 'timers',
  ): Promise<PageOfItems<RecordItem>>;
  cancelTimer(id: string): Promise<void>;
  /** `ruleId` as the runtime names rules: `robot:<id>` or `trigger:<id>`. */
  why(entity: EntityType, id: string, ruleId: string): Promise<WhyAnswer>;
  /** Listens to live changes of a pipeline until the answer is called (reconnects itself). */
  subscribe(
    filter: { readonly entity: EntityType; readonly pipeline: string },
    on: (m: LiveMessage) => void,
    state: (s: LiveState) => void,
  ): () => void;
}
