import type { LiveItemEvent, LiveRecordEvent } from '../../schemas/api/live-schemas.js';
import type { EntityType } from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { WriteOp } from '../domain/write-op.js';

/** One live event before it gets its stream id. */
export type LiveChange =
  { type: 'record'; data: LiveRecordEvent } | { type: 'timer' | 'outbox'; data: LiveItemEvent };

/** Where a record sits, remembered so removals and item events can be filtered. */
export interface RecordPlace {
  entity: EntityType;
  model?: string;
  pipeline?: string;
}

/** A map that forgets its oldest keys past `capacity` (memory stays bounded). */
export class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}

/** What the hub remembers between batches. */
export interface LiveIndex {
  records: BoundedMap<RecordPlace>;
  /** Timer and outbox item id -> record id. */
  items: BoundedMap<string>;
}

function kindOf(r: RecordDoc, revision: number): LiveRecordEvent['kind'] {
  if (revision === 1) return 'created';
  // The engine stamps `stageEnteredAt` with the change's time when the stage changes.
  if (r.stageEnteredAt !== undefined && r.stageEnteredAt === r.updatedAt) return 'moved';
  return 'updated';
}

function recordEvent(r: RecordDoc): LiveRecordEvent {
  // Writers run one at a time on what they read, so the store makes it previous + 1.
  const revision = (r.revision ?? 0) + 1;
  const { title, amount, responsible } = r.fields;
  return {
    id: r.id,
    kind: kindOf(r, revision),
    entity: r.entity,
    ...(r.model === undefined ? {} : { model: r.model }),
    ...(r.pipeline === undefined ? {} : { pipeline: r.pipeline }),
    ...(r.stage === undefined ? {} : { stage: r.stage }),
    revision,
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof amount === 'number' ? { amount } : {}),
    ...(typeof responsible === 'string' ? { responsible } : {}),
  };
}

function placeOf(index: LiveIndex, recordId: string | undefined) {
  const place = recordId === undefined ? undefined : index.records.get(recordId);
  return {
    ...(recordId === undefined ? {} : { recordId }),
    ...(place === undefined ? {} : { entity: place.entity }),
    ...(place?.pipeline === undefined ? {} : { pipeline: place.pipeline }),
  };
}

/**
 * The live events of one durable batch, in the batch's order; a record written twice
 * in one batch gives one event (its last state). Updates `index` as it goes.
 */
export function liveEventsOf(ops: readonly WriteOp[], index: LiveIndex): LiveChange[] {
  const out: LiveChange[] = [];
  const recordAt = new Map<string, number>();
  for (const op of ops) {
    if (op.collection === 'records') {
      let event: LiveRecordEvent;
      if (op.op === 'put') {
        const r = op.value;
        index.records.set(r.id, {
          entity: r.entity,
          ...(r.model === undefined ? {} : { model: r.model }),
          ...(r.pipeline === undefined ? {} : { pipeline: r.pipeline }),
        });
        event = recordEvent(r);
        const before = recordAt.get(r.id);
        // Created and moved in the same batch stays "created".
        if (before !== undefined) {
          const prev = out[before];
          if (prev?.type === 'record' && prev.data.kind === 'created') event.kind = 'created';
        }
      } else if (op.op === 'delete') {
        const place = index.records.get(op.key);
        event = {
          id: op.key,
          kind: 'deleted',
          ...(place === undefined ? {} : { entity: place.entity }),
          ...(place?.model === undefined ? {} : { model: place.model }),
          ...(place?.pipeline === undefined ? {} : { pipeline: place.pipeline }),
        };
      } else continue;
      const at = recordAt.get(event.id);
      if (at !== undefined) out[at] = { type: 'record', data: event };
      else {
        recordAt.set(event.id, out.length);
        out.push({ type: 'record', data: event });
      }
    } else if (op.collection === 'timers') {
      if (op.op === 'put') {
        const t = op.value;
        index.items.set(t.id, t.recordId);
        out.push({
          type: 'timer',
          data: {
            id: t.id,
            change: 'saved',
            ...placeOf(index, t.recordId),
            ...(t.entity === undefined ? {} : { entity: t.entity }),
            pipeline: t.pipeline,
            dueAt: t.dueAt,
            ruleId: t.ruleId,
            ...(t.status === undefined ? {} : { status: t.status }),
          },
        });
      } else if (op.op === 'delete')
        out.push({
          type: 'timer',
          data: { id: op.key, change: 'removed', ...placeOf(index, index.items.get(op.key)) },
        });
    } else if (op.collection === 'outbox') {
      if (op.op === 'put') {
        const o = op.value;
        index.items.set(o.id, o.recordId);
        out.push({
          type: 'outbox',
          data: {
            id: o.id,
            change: 'saved',
            ...placeOf(index, o.recordId),
            status: o.status ?? 'pending',
          },
        });
      } else if (op.op === 'delete')
        out.push({
          type: 'outbox',
          data: { id: op.key, change: 'removed', ...placeOf(index, index.items.get(op.key)) },
        });
    }
  }
  return out;
}
