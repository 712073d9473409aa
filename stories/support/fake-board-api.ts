import type { Directory } from '../../schemas/index.js';
import { ApiError } from '../../designer/src/api/api-types.js';
import type {
  BoardApi,
  BoardPipeline,
  PendingTimer,
  RecordBody,
  RecordItem,
} from '../../designer/src/board/board-types.js';
import { HANDOFF } from './fixtures.js';

/** The sales pipeline of scenario 2 (sales to logistics), as published version 3. */
export const BOARD_SALES: BoardPipeline = {
  modelId: HANDOFF.id,
  modelName: HANDOFF.name,
  version: 3,
  model: HANDOFF,
  pipeline: HANDOFF.pipelines[0]!,
};

export const BOARD_DIRECTORY: Directory = {
  users: HANDOFF.directory?.users ?? [],
  departments: [],
  queues: [],
};

const AT = '2026-12-07T09:00:00.000Z';

/** A deal of the story board. */
export function storyDeal(
  id: string,
  stage: string,
  title: string,
  amount?: number,
  responsible?: string,
): RecordBody {
  return {
    id,
    entity: 'deal',
    model: BOARD_SALES.modelId,
    pipeline: BOARD_SALES.pipeline.key,
    stage,
    fields: {
      title,
      ...(amount === undefined ? {} : { amount }),
      ...(responsible === undefined ? {} : { responsible }),
    },
    links: [],
    createdAt: AT,
    updatedAt: AT,
    revision: 1,
  };
}

export const STORY_DEALS: readonly RecordBody[] = [
  storyDeal('deal_1', 'new', 'Bicycle for Anna', 45000, 'lebedev'),
  storyDeal('deal_2', 'new', 'Office chairs ×12', 180000, 'smirnov'),
  storyDeal('deal_3', 'invoice_sent', 'Kitchen set', 320000, 'egorova'),
  storyDeal('deal_4', 'paid', 'Winter tyres', 36000, 'lebedev'),
];

export interface FakeBoardOptions {
  readonly deals?: readonly RecordBody[];
  /** `why` answers 404 (the route is not on this server yet). */
  readonly noWhy?: boolean;
  /** Never answers (loading states). */
  readonly hang?: boolean;
}

const page = <T>(items: readonly T[]) => ({ items, nextCursor: null });

/**
 * An in-memory board runtime for stories: records by stage, totals, one pending
 * timer, moves refused with 422 when a stage needs fields, no live stream.
 */
export function createFakeBoardApi(options: FakeBoardOptions = {}): BoardApi {
  const records = new Map((options.deals ?? STORY_DEALS).map((r) => [r.id, { ...r }]));
  const wait = <T>(v: T): Promise<T> =>
    options.hang ? new Promise<T>(() => undefined) : Promise.resolve(v);
  const inStage = (stage: string | undefined, q: Readonly<Record<string, string>>) =>
    [...records.values()].filter(
      (r) =>
        (stage === undefined || r.stage === stage) &&
        (q.responsible === undefined || r.fields.responsible === q.responsible) &&
        (q.q === undefined ||
          String(r.fields.title ?? '')
            .toLowerCase()
            .includes(q.q.toLowerCase())),
    );
  const timer: PendingTimer = {
    id: 'timer_1',
    dueAt: new Date(Date.now() + 14 * 60_000).toISOString(),
    ruleId: 'robot:ask_feedback_email',
    recordId: 'deal_1',
  };
  const items: Record<string, RecordItem[]> = {
    timers: [{ ...timer }],
    // Entries as the engine writes them (kind, outcome, keys in `data`): the drawer words them.
    timeline: [
      {
        id: 't1',
        at: AT,
        kind: 'record_created',
        message: 'created deal',
        data: { pipeline: 'sales', stage: 'new' },
        actor: { kind: 'person', name: 'Андрей Лебедев' },
      },
      {
        id: 't2',
        at: AT,
        kind: 'stage_changed',
        message: 'moved',
        data: {
          from: { pipeline: 'sales', stage: 'invoice_sent' },
          to: { pipeline: 'sales', stage: 'paid' },
        },
        ruleId: 'trigger:payment_arrived',
      },
      {
        id: 't3',
        at: AT,
        kind: 'event',
        message: 'stage_entered',
        data: { to: { pipeline: 'sales', stage: 'paid' } },
      },
      {
        id: 't4',
        at: AT,
        kind: 'rule',
        ruleId: 'robot:hand_to_logistics',
        outcome: 'condition_false',
        message: 'robot:hand_to_logistics: condition false',
        data: { inputs: { amount: 36000 }, result: false },
      },
      {
        id: 't5',
        at: AT,
        kind: 'action',
        ruleId: 'robot:tell_seller_paid',
        outcome: 'done',
        message: 'notify: notified lebedev',
        data: { recipients: ['lebedev'] },
      },
    ],
    tasks: [{ id: 'task_1', title: 'Call the client', status: 'open' }],
    notifications: [],
    documents: [],
    outbox: [{ id: 'o1', kind: 'send_email', to: 'anna@example.com', status: 'kept' }],
  };
  return {
    publishedPipelines: () => wait([BOARD_SALES]),
    directory: () => wait(BOARD_DIRECTORY),
    me: () => wait({ userId: 'lebedev' }),
    records: (_entity, q) => wait(page(inStage(q.stage, q))),
    stageTotals: (_entity, q, stages) =>
      wait(
        stages.map((stage) => {
          const list = inStage(stage, q);
          const amount = list.reduce(
            (s, r) => s + (typeof r.fields.amount === 'number' ? r.fields.amount : 0),
            0,
          );
          return { stage, count: list.length, amount };
        }),
      ),
    timers: () => wait([timer]),
    getRecord: async (_entity, id) => {
      const r = records.get(id);
      if (r === undefined) throw new ApiError(404, 'NOT_FOUND', `deal ${id} not found`);
      return wait({ ...r, etag: `"${r.revision ?? 0}"` });
    },
    createRecord: async (_entity, body) => {
      const r = storyDeal(`deal_${records.size + 1}`, body.stage, String(body.fields.title));
      records.set(r.id, { ...r, fields: { ...r.fields, ...body.fields } });
      return r;
    },
    async move(_entity, id, stage, fields) {
      const r = records.get(id);
      if (r === undefined) throw new ApiError(404, 'NOT_FOUND', `deal ${id} not found`);
      const merged = { ...r.fields, ...fields };
      const needs = BOARD_SALES.pipeline.stages.find((s) => s.key === stage)?.requiredFields ?? [];
      const missing = needs.filter((k) => merged[k] === undefined || merged[k] === '');
      if (missing.length > 0)
        throw new ApiError(
          422,
          'REQUIRED_FIELDS_MISSING',
          `stage requires ${missing.join(', ')}`,
          missing.map((field) => ({
            code: 'REQUIRED_FIELD_MISSING',
            severity: 'error' as const,
            path: `/fields/${field}`,
            message: `/fields/${field} is required`,
            params: { field, stage },
          })),
        );
      const next = { ...r, stage, fields: merged, revision: (r.revision ?? 0) + 1 };
      records.set(id, next);
      return next;
    },
    patch: async (_entity, id, fields) => {
      const r = records.get(id);
      if (r === undefined) throw new ApiError(404, 'NOT_FOUND', `deal ${id} not found`);
      const next = { ...r, fields: { ...r.fields, ...fields }, revision: (r.revision ?? 0) + 1 };
      records.set(id, next);
      return next;
    },
    recordItems: (_entity, _id, what) => wait(page(items[what] ?? [])),
    cancelTimer: async () => undefined,
    why: async (_entity, _id, ruleId) => {
      if (options.noWhy) throw new ApiError(404, 'NOT_FOUND', 'no such API route');
      return {
        ruleId,
        ran: false,
        code: 'story',
        text: 'Not run: the condition was false (amount 45,000 is not over 100,000).',
      };
    },
    subscribe: (_filter, _on, state) => {
      state('live');
      return () => undefined;
    },
  };
}
