import type {
  AutomationModel,
  Department,
  EntityType,
  Queue,
  RuleSet,
  Timing,
  User,
} from '../../schemas/index.js';

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
  draft: AutomationModel;
  updatedAt: string;
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
];

/** One write of a batch; a batch is applied all at once or not at all. */
export type WriteOp = {
  [C in CollectionName]:
    | { op: 'put'; collection: C; key: string; value: CollectionTypes[C] }
    | { op: 'delete'; collection: C; key: string };
}[CollectionName];
