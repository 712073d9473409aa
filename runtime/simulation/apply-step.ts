import {
  pipelineDisplayName,
  quoted,
  stageDisplayName,
  type NamedPipeline,
  type ScenarioStep,
} from '../../schemas/index.js';
import { HttpError } from '../http/http-error.js';
import type { RecordService } from '../services/record-service.js';
import type { RecordDoc } from '../domain/record.js';
import type { TaskDoc } from '../domain/task.js';
import type { SimulationStore } from './simulation-store.js';

export interface StepContext {
  records: RecordService;
  store: SimulationStore;
  modelId: string;
  /** Record id by scenario ref. */
  ids: Map<string, string>;
  /** The model's pipelines, for the names the timeline shows. */
  pipelines: readonly NamedPipeline[];
}

export type StepOutcome =
  | { ok: true; recordId: string; message: string }
  | { ok: false; recordId: string; message: string };

async function recordOf(ctx: StepContext, ref: string): Promise<RecordDoc> {
  const id = ctx.ids.get(ref);
  const r = id === undefined ? undefined : await ctx.store.get('records', id);
  if (r === undefined) throw new HttpError(422, 'UNKNOWN_REF', `no record ${ref} (yet)`);
  return r;
}

async function pickTask(ctx: StepContext, r: RecordDoc, which: number | string): Promise<TaskDoc> {
  // A simulation is small: its store is read whole, in the order things happened.
  const tasks = ctx.store.snapshot('tasks').filter((x) => x.recordId === r.id);
  const t =
    typeof which === 'number'
      ? tasks[which]
      : tasks.find((x) => x.status === 'open' && x.title.includes(which));
  if (t === undefined)
    throw new HttpError(422, 'UNKNOWN_TASK', `no task ${JSON.stringify(which)} on this record`);
  return t;
}

/**
 * Runs one script step through the same services the HTTP API uses, so automations
 * react exactly as they would live. What the runtime refuses (a move missing required
 * fields, an unknown stage) comes back as a refused outcome, not an exception.
 */
export async function applyStep(ctx: StepContext, step: ScenarioStep): Promise<StepOutcome> {
  let recordId = ctx.ids.get(step.ref) ?? '';
  try {
    switch (step.do) {
      case 'create': {
        const created = await ctx.records.create(step.entity, {
          ...(step.pipeline === undefined && step.stage === undefined
            ? {}
            : { model: ctx.modelId }),
          ...(step.pipeline === undefined ? {} : { pipeline: step.pipeline }),
          ...(step.stage === undefined ? {} : { stage: step.stage }),
          fields: step.fields ?? {},
        });
        recordId = created.id;
        ctx.ids.set(step.ref, created.id);
        for (const l of step.links ?? []) {
          const other = await recordOf(ctx, l);
          await ctx.records.link(step.entity, created.id, { entity: other.entity, id: other.id });
        }
        return {
          ok: true,
          recordId,
          message:
            created.stage === undefined
              ? `created ${step.entity}`
              : `created ${step.entity} in ${quoted(pipelineDisplayName(ctx.pipelines, created.pipeline))}, stage ${quoted(stageDisplayName(ctx.pipelines, created.pipeline, created.stage))}`,
        };
      }
      case 'update': {
        const r = await recordOf(ctx, step.ref);
        await ctx.records.patch(r.entity, r.id, step.fields);
        return { ok: true, recordId, message: `updated ${Object.keys(step.fields).join(', ')}` };
      }
      case 'move': {
        const r = await recordOf(ctx, step.ref);
        await ctx.records.move(r.entity, r.id, {
          stage: step.stage,
          ...(step.pipeline === undefined ? {} : { pipeline: step.pipeline }),
        });
        const from =
          r.stage === undefined
            ? '(none)'
            : quoted(stageDisplayName(ctx.pipelines, r.pipeline, r.stage));
        const to = quoted(stageDisplayName(ctx.pipelines, step.pipeline ?? r.pipeline, step.stage));
        return { ok: true, recordId, message: `moved ${from} -> ${to}` };
      }
      case 'event': {
        const r = await recordOf(ctx, step.ref);
        await ctx.records.event({
          kind: step.kind,
          entity: r.entity,
          recordId: r.id,
          ...(step.payload === undefined ? {} : { payload: step.payload }),
        });
        return { ok: true, recordId, message: `event ${step.kind}` };
      }
      case 'complete_task': {
        const r = await recordOf(ctx, step.ref);
        const t = await pickTask(ctx, r, step.task);
        await ctx.records.completeTask(t.id);
        return { ok: true, recordId, message: `completed task "${t.title}"` };
      }
      case 'link': {
        const a = await recordOf(ctx, step.ref);
        const b = await recordOf(ctx, step.to);
        await ctx.records.link(a.entity, a.id, { entity: b.entity, id: b.id });
        return { ok: true, recordId, message: `linked ${step.to}` };
      }
    }
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { ok: false, recordId, message: `${step.do} refused: ${e.message}` };
  }
}
