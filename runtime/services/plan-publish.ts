import type { Rule, RuleSet, Timing } from '../../schemas/index.js';
import {
  PREVIEW_SAMPLE,
  type NewRuleImpact,
  type StageImpact,
  type TimerSample,
} from '../../schemas/api/publish-preview-schemas.js';
import type { DirectoryEntries } from '../domain/directory.js';
import type { Page } from '../domain/page.js';
import { readAllPages } from '../domain/read-all-pages.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecordQuery } from '../domain/record-query.js';
import type { Store } from '../domain/store-port.js';
import type { TimerDoc } from '../domain/timer.js';
import { classifyTimer } from '../engine/publish/classify-timer.js';
import {
  robotDueForExisting,
  triggerDueForExisting,
  type ExistingDue,
} from '../engine/publish/due-for-existing.js';
import { newTimedRules } from '../engine/publish/new-timed-rules.js';
import { stageChanges } from '../engine/publish/stage-changes.js';
import type { CancelReason } from '../engine/timers/cancel-timer.js';

const PAGE = 1000;

export interface PlannedCancel {
  timer: TimerDoc;
  reason: CancelReason;
}
export interface PlannedReplan {
  timer: TimerDoc;
  rule: Rule;
  timing: Timing;
  due: Extract<ExistingDue, { kind: 'at' }>;
}
export interface PlannedNewRule {
  impact: NewRuleImpact;
  rule: Rule;
  /** Records already in place it applies to, with their due times. */
  targets: Array<{ recordId: string; due: Extract<ExistingDue, { kind: 'at' }> }>;
}

/** What publishing `next` over the live version does to work in progress. */
export interface PublishPlan {
  cancel: PlannedCancel[];
  replan: PlannedReplan[];
  kept: number;
  stages: StageImpact[];
  newRules: PlannedNewRule[];
  /** Ids of every rule the live version lacks (a new robot's new followers are planned with it). */
  fresh: string[];
}

export interface PlanPublishInput {
  store: Store;
  modelId: string;
  /** The live version's rule set (absent: never published). */
  live?: RuleSet;
  next: RuleSet;
  now: string;
  directory: DirectoryEntries;
  /** The name the model gives a robot or trigger of `next`. */
  nameOf: (rule: Rule) => string;
}

/** Records matching `filter`, page by page (a stage can hold many). */
async function* recordsOf(store: Store, filter: RecordQuery): AsyncGenerator<RecordDoc> {
  let cursor: string | null = null;
  do {
    const page: Page<RecordDoc> = await store.queryRecords(filter, { limit: PAGE, cursor });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

/**
 * Plans what publishing `next` does, from the store as it is: each pending timer of the
 * model kept, re-planned (with its new due time) or cancelled; the live stages that
 * change or go, with the records sitting there; and the new date triggers and delayed
 * robots with the records already in place they would apply to. Reads only; the dry
 * run reports it and a real publish applies it (`applyPublishPlan`).
 */
export async function planPublish(input: PlanPublishInput): Promise<PublishPlan> {
  const { store, modelId, next, now, directory } = input;
  const timers = await readAllPages(store, 'timers', { modelId, state: 'pending' });
  const liveIds = new Set(input.live?.rules.map((r) => r.id) ?? []);
  const fresh = next.rules.filter((r) => !liveIds.has(r.id)).map((r) => r.id);
  const plan: PublishPlan = { cancel: [], replan: [], kept: 0, stages: [], newRules: [], fresh };
  for (const timer of timers) {
    const fate = classifyTimer(timer, next);
    if (fate.kind === 'keep') {
      plan.kept += 1;
      continue;
    }
    if (fate.kind === 'cancel') {
      plan.cancel.push({ timer, reason: fate.reason });
      continue;
    }
    const record = await store.get('records', timer.recordId);
    if (record === undefined) continue;
    const due =
      timer.source === 'trigger'
        ? triggerDueForExisting(fate.rule, record, now)
        : robotDueForExisting(fate.timing, record, now, next, directory);
    if (due.kind === 'skip')
      plan.cancel.push({
        timer,
        reason: due.code === 'anchor_empty' ? 'anchor_cleared' : 'no_working_time',
      });
    else plan.replan.push({ timer, rule: fate.rule, timing: fate.timing, due });
  }

  if (input.live !== undefined) {
    for (const change of stageChanges(input.live, next)) {
      const filter = { model: modelId, pipeline: change.pipeline, stage: change.stage };
      const [records, page] = await Promise.all([
        store.countRecords(filter),
        store.queryRecords(filter, { limit: PREVIEW_SAMPLE }),
      ]);
      plan.stages.push({ ...change, records, sample: page.items.map((r) => r.id) });
    }
  }

  const pending = new Set(timers.map((t) => `${t.ruleId}|${t.recordId}`));
  for (const { rule, kind } of newTimedRules(input.live, next)) {
    const filter: RecordQuery = {
      entity: rule.entity,
      model: modelId,
      pipeline: rule.pipeline,
      ...(kind === 'delayed_robot' ? { stage: rule.stage } : {}),
    };
    const targets: PlannedNewRule['targets'] = [];
    for await (const record of recordsOf(store, filter)) {
      if (pending.has(`${rule.id}|${record.id}`)) continue;
      const due =
        kind === 'date_trigger'
          ? triggerDueForExisting(rule, record, now)
          : robotDueForExisting(rule.timing ?? { kind: 'immediate' }, record, now, next, directory);
      if (due.kind === 'at') targets.push({ recordId: record.id, due });
    }
    plan.newRules.push({
      rule,
      targets,
      impact: {
        ruleId: rule.id,
        ruleName: input.nameOf(rule),
        kind,
        pipeline: rule.pipeline,
        stage: rule.stage,
        records: targets.length,
        sample: targets.slice(0, PREVIEW_SAMPLE).map((t) => t.recordId),
      },
    });
  }
  return plan;
}

const sampleOf = (t: TimerDoc): TimerSample => ({
  timerId: t.id,
  recordId: t.recordId,
  ruleId: t.ruleId,
  dueAt: t.dueAt,
});

/** The dry run's report of a plan. */
export function reportOf(plan: PublishPlan) {
  return {
    timers: {
      cancelled: {
        count: plan.cancel.length,
        sample: plan.cancel
          .slice(0, PREVIEW_SAMPLE)
          .map((c) => ({ ...sampleOf(c.timer), reason: c.reason })),
      },
      replanned: {
        count: plan.replan.length,
        sample: plan.replan
          .slice(0, PREVIEW_SAMPLE)
          .map((r) => ({ ...sampleOf(r.timer), newDueAt: r.due.dueAt })),
      },
      kept: { count: plan.kept },
    },
    stages: plan.stages,
    newRules: plan.newRules.map((n) => n.impact),
  };
}
