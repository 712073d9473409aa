import type {
  AutomationModel,
  Department,
  EntityType,
  Queue,
  RuleSet,
  Timing,
  User,
} from '../../schemas/index.js';
import type {
  AccountDoc,
  ApiTokenDoc,
  AuditEntry,
  RecycleBinEntry,
  RoleDoc,
  SessionDoc,
  SettingDoc,
} from '../domain/security-types.js';

/** A CRM record (lead, deal, contact, company). */
export interface RecordDoc {
  id: string;
  entity: EntityType;
  /** The model whose pipeline the record sits in (pipeline keys may repeat across models). */
  model?: string;
  pipeline?: string;
  stage?: string;
  fields: Record<string, unknown>;
  links: Array<{ entity: EntityType; id: string }>;
  createdAt: string;
  updatedAt: string;
  stageEnteredAt?: string;
}

export interface ModelEntry {
  id: string;
  /** May not match the model schema: drafts are kept as typed, publishing checks them. */
  draft: AutomationModel;
  updatedAt: string;
  /** Who last changed the draft ("api" until accounts exist). */
  updatedBy?: string;
  /** Bumped on every change of the draft; the HTTP `ETag` (absent in older data: 0). */
  revision?: number;
  publishedVersion?: number;
  /** The highest version number ever used (rollback publishes as a new number). */
  lastVersion?: number;
}

export interface ModelVersion {
  modelId: string;
  version: number;
  note?: string;
  publishedAt: string;
  publishedBy: string;
  model: AutomationModel;
  ruleSet: RuleSet;
}

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
}

export interface TaskDoc {
  id: string;
  recordId: string;
  title: string;
  description?: string;
  assignee?: string;
  deadline?: string;
  status: 'open' | 'done';
  createdAt: string;
  completedAt?: string;
  ruleId?: string;
  version?: number;
}

export interface NotificationDoc {
  id: string;
  recordId: string;
  recipient: string;
  message: string;
  createdAt: string;
  ruleId?: string;
}

export interface OutboxDoc {
  id: string;
  recordId: string;
  kind: 'send_email' | 'send_message' | 'generate_document' | 'webhook';
  to?: string;
  channel?: string;
  subject?: string;
  body: string;
  template?: string;
  createdAt: string;
  ruleId?: string;
  idempotencyKey: string;
  /** Delivery state (runtime/delivery/): absent on items stored before delivery existed. */
  status?: DeliveryStatus;
  /** Webhooks: the request to make and its own limits. */
  method?: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxAttempts?: number;
  attempts?: number;
  nextAttemptAt?: string;
  lastError?: string;
  /** The last answer (webhooks: HTTP status and a bounded excerpt of the body). */
  response?: { status?: number; excerpt?: string };
  deliveredAt?: string;
  /** generate_document: the stored document. */
  documentId?: string;
}

/**
 * `pending`: waiting for (another) attempt; `kept`: no adapter configured, stays in the
 * outbox; `sent`: delivered; `dead`: gave up (the dead-letter list, replayable);
 * `stored`: a generated document, nothing to deliver.
 */
export type DeliveryStatus = 'pending' | 'kept' | 'sent' | 'dead' | 'stored';

/** A document rendered from a template with a record's data (HTML). */
export interface DocumentDoc {
  id: string;
  recordId: string;
  template: string;
  register: string;
  title: string;
  mediaType: 'text/html';
  content: string;
  createdAt: string;
  ruleId?: string;
  idempotencyKey: string;
}

/** The secret token of one inbound_webhook trigger (an installation secret, not model data). */
export interface HookTokenDoc {
  /** `<modelId>/<triggerId>` */
  key: string;
  modelId: string;
  triggerId: string;
  token: string;
  createdAt: string;
}

export interface TimerDoc {
  id: string;
  dueAt: string;
  ruleId: string;
  recordId: string;
  modelId: string;
  version: number;
  pipeline: string;
  stage: string;
  eventId: string;
  idempotencyKey: string;
  onLeaveStage: 'cancel' | 'keep';
  /** The record's entity, so timers can be listed by entity without reading records. */
  entity?: EntityType;
  /** The robot's timing, so a changed anchor field re-plans without the rule set. */
  timing?: Timing;
  /** `relative_to_field` timers: what a change of `timing.field` does (default replan). */
  onAnchorChange?: 'replan' | 'keep';
  /** Set when working hours moved the due time: the time before moving. */
  plannedFor?: string;
  /**
   * `trigger`: a `date_reached` trigger's timer (`stage` is the trigger's target; it
   * survives stage changes and is dropped when the record leaves the pipeline).
   * Absent: a robot's.
   */
  source?: 'trigger';
  /** Rule ids of the stage's next robots timed `after_previous`: planned when this fires. */
  followers?: string[];
  /** Payload of the external event that moved the record here, as the robot will see it. */
  payload?: Record<string, unknown>;
  /** Runs that failed so far; the next one is at `dueAt` (moved by the backoff). */
  attempts?: number;
  /** Why the last run failed (or why the timer was parked). */
  lastError?: string;
  /** `failed`: parked after its attempts or a crash loop; never due until retried. */
  status?: 'failed';
  /**
   * Runs started and not finished: set on disk before each run, cleared by its end. A
   * timer found with 2 at start-up was running when the process died twice: parked.
   */
  inFlight?: number;
  /**
   * The chain of automation that planned this timer, as it was then: firing continues
   * it, so a loop through delayed robots is counted (and stopped) across runs and
   * restarts. Absent on timers planned before chains were kept: firing starts a chain.
   */
  chain?: CausationChain;
}

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

export interface DirectoryEntries {
  users: User[];
  departments: Department[];
  queues: Queue[];
}

/** Every collection a store keeps; each is a map from key to document. */
export interface CollectionTypes {
  records: RecordDoc;
  models: ModelEntry;
  versions: ModelVersion;
  timeline: TimelineEntry;
  tasks: TaskDoc;
  notifications: NotificationDoc;
  outbox: OutboxDoc;
  timers: TimerDoc;
  users: User;
  departments: Department;
  queues: Queue;
  /** Round-robin positions by queue key: survives restarts. */
  queuePositions: { key: string; position: number };
  /** Idempotency keys of side effects already done. */
  effects: { key: string; at: string };
  documents: DocumentDoc;
  hookTokens: HookTokenDoc;
  accounts: AccountDoc;
  sessions: SessionDoc;
  apiTokens: ApiTokenDoc;
  roles: RoleDoc;
  /** Append-only. */
  audit: AuditEntry;
  recycleBin: RecycleBinEntry;
  settings: SettingDoc;
}
export type CollectionName = keyof CollectionTypes;

export const COLLECTIONS: readonly CollectionName[] = [
  'records',
  'models',
  'versions',
  'timeline',
  'tasks',
  'notifications',
  'outbox',
  'timers',
  'users',
  'departments',
  'queues',
  'queuePositions',
  'effects',
  'documents',
  'hookTokens',
  'accounts',
  'sessions',
  'apiTokens',
  'roles',
  'audit',
  'recycleBin',
  'settings',
];

/** One write of a batch; a batch is applied all at once or not at all. */
export type WriteOp = {
  [C in CollectionName]:
    | { op: 'put'; collection: C; key: string; value: CollectionTypes[C] }
    | { op: 'delete'; collection: C; key: string };
}[CollectionName];
