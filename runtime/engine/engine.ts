import {
  isEmpty,
  pipelineDisplayName,
  quoted,
  stageDisplayName,
  type RuleSet,
  type RuleSetPipeline,
} from '../../schemas/index.js';
import type { DirectoryEntries } from '../domain/directory.js';
import type { RecordDoc } from '../domain/record.js';
import type { TimerDoc } from '../domain/timer.js';
import type { ActionHost, Cause } from './action-host.js';
import { runAction } from './actions/run-action.js';
import { auditRecord } from './audit-record.js';
import { readInput, truthy } from './condition-adapter.js';
import { DirectoryView } from './directory-view.js';
import {
  continueChain,
  countCreated,
  countStep,
  logEventNotRun,
  logRobotNotRun,
  loopGuardOf,
  startChain,
  stopChain,
  type ChainOrigin,
} from './loop-guard.js';
import {
  systemRandom,
  type Clock,
  type IdGenerator,
  type OutboxPort,
  type RandomSource,
} from './ports.js';
import { prepareRuleSet, type PreparedRule, type PreparedRuleSet } from './prepared-rule-set.js';
import { conditionData, LIMITS, log, type EngineEvent, type RunContext } from './run-context.js';
import { cancelOnLeave } from './timers/cancel-timer.js';
import { dropDateTriggers, planDateTriggers } from './timers/date-triggers.js';
import { planDueTime } from './timers/plan-due-time.js';
import { readyToFire } from './timers/ready-to-fire.js';
import { replanOnAnchorChange } from './timers/replan-on-anchor-change.js';
import { TemplateRenderer } from './template-renderer.js';
import { scheduleTimer } from './timers/schedule-timer.js';
import { planSkippedRobots } from './timers/plan-skipped-robots.js';
import type { Tx } from './tx.js';

export interface EngineDeps {
  clock: Clock;
  ids: IdGenerator;
  outbox: OutboxPort;
  /** Renders the model's Liquid texts (default: the documented limits). */
  templates?: TemplateRenderer;
  /** Chance for random assignment (default `Math.random`; the simulation seeds it). */
  random?: RandomSource;
}

/** The stage's next robots timed `after_previous`: they wait for robot `index`. */
function followersOf(robots: readonly PreparedRule[], index: number): string[] {
  const out: string[] = [];
  for (const p of robots.slice(index + 1)) {
    if (p.rule.timing?.kind !== 'after_previous') break;
    out.push(p.rule.id);
  }
  return out;
}

/** Fields a stage requires that the record lacks. */
export function missingRequired(
  pipeline: RuleSetPipeline,
  stage: string,
  fields: Record<string, unknown>,
): string[] {
  const s = pipeline.stages.find((x) => x.key === stage);
  return (s?.requiredFields ?? []).filter((f) => isEmpty(fields[f]));
}

/**
 * The rules engine: events in, effects out (written to the run's unit of work). It
 * holds the prepared published versions; the store, clock and ids are injected.
 */
export class Engine implements ActionHost {
  private readonly active = new Map<string, PreparedRuleSet>();
  private readonly prepared = new Map<string, PreparedRuleSet>();

  private readonly templates: TemplateRenderer;

  constructor(private readonly deps: EngineDeps) {
    this.templates = deps.templates ?? new TemplateRenderer();
  }

  /** Prepares (once) a published version. */
  version(modelId: string, version: number, ruleSet: RuleSet): PreparedRuleSet {
    const key = `${modelId}@${version}`;
    let p = this.prepared.get(key);
    if (p === undefined) {
      p = prepareRuleSet(modelId, version, ruleSet);
      this.prepared.set(key, p);
    }
    return p;
  }

  /** Makes a version the one new runs of its model use. */
  activate(modelId: string, version: number, ruleSet: RuleSet): void {
    this.active.delete(modelId);
    // Map order = activation order; the latest activated owns a shared pipeline key.
    this.active.set(modelId, this.version(modelId, version, ruleSet));
  }

  activeVersion(modelId: string): PreparedRuleSet | undefined {
    return this.active.get(modelId);
  }

  /** The model (latest activated first) that defines a pipeline for an entity. */
  findPipeline(
    entity: string,
    pipeline: string | undefined,
    model?: string,
  ): { set: PreparedRuleSet; def: RuleSetPipeline } | undefined {
    const sets =
      model !== undefined ? [this.active.get(model)] : [...this.active.values()].reverse();
    for (const set of sets) {
      if (set === undefined) continue;
      const def = set.ruleSet.pipelines.find(
        (p) => p.entity === entity && (pipeline === undefined || p.key === pipeline),
      );
      if (def !== undefined) return { set, def };
    }
    return undefined;
  }

  /** Starts a run: pins the active versions (and any extra ones, for timers). */
  startRun(tx: Tx, directory: DirectoryEntries, pinned: PreparedRuleSet[] = []): RunContext {
    const versions = new Map(this.active);
    for (const p of pinned) versions.set(p.modelId, p);
    return {
      tx,
      clock: this.deps.clock,
      ids: this.deps.ids,
      outbox: this.deps.outbox,
      templates: this.templates,
      random: this.deps.random ?? systemRandom,
      // One reading per unit of work: its timeline and audit entries share it.
      now: tx.now ?? this.deps.clock.now().toISOString(),
      directory,
      versions,
      moves: new Map(),
      queue: [],
      draining: false,
      stopped: false,
      seq: 0,
    };
  }

  newEvent(
    kind: EngineEvent['kind'],
    recordId: string,
    extra: Partial<EngineEvent> = {},
  ): EngineEvent {
    return { id: this.deps.ids.next('evt'), kind, recordId, ...extra };
  }

  /**
   * Creates a record (in its pipeline's first stage, or the one given) and queues its
   * entry into that stage. `undefined`: the loop guard refused it (a robot's or
   * trigger's record past the chain's `maxCreatedRecords`). `beforeEnter` (duplicate
   * control of a record from outside) runs, with everything it causes, before the
   * record enters its stage.
   */
  async createRecord(
    ctx: RunContext,
    input: Parameters<ActionHost['createRecord']>[1],
    cause: Cause,
    beforeEnter?: (record: RecordDoc) => Promise<void>,
  ): Promise<RecordDoc | undefined> {
    const found =
      input.pipeline === undefined && input.stage === undefined && input.model === undefined
        ? undefined
        : (this.findPipeline(input.entity, input.pipeline, input.model) ??
          this.findPipeline(input.entity, input.pipeline));
    if (cause.ruleId !== undefined) {
      const by = input.model === undefined ? undefined : ctx.versions.get(input.model);
      const recordId = cause.recordId ?? ctx.chain?.origin.recordId ?? '';
      const at = { recordId, eventId: cause.eventId, ruleId: cause.ruleId };
      if (!countCreated(ctx, loopGuardOf(by ?? found?.set), at)) return undefined;
    }
    const id = ctx.ids.next(input.entity);
    const origin = this.origin(ctx, 'record_created', id, cause);
    await this.entry(ctx, origin, () =>
      this.insertRecord(ctx, id, found, input, cause, beforeEnter),
    );
    return ctx.tx.get('records', id);
  }

  private async insertRecord(
    ctx: RunContext,
    id: string,
    found: ReturnType<Engine['findPipeline']>,
    input: Parameters<ActionHost['createRecord']>[1],
    cause: Cause,
    beforeEnter?: (record: RecordDoc) => Promise<void>,
  ): Promise<void> {
    const stage = found === undefined ? undefined : (input.stage ?? found.def.stages[0]?.key);
    const record: RecordDoc = {
      id,
      entity: input.entity,
      fields: { ...input.fields },
      links: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (found !== undefined && stage !== undefined) {
      record.model = found.set.modelId;
      record.pipeline = found.def.key;
      record.stage = stage;
      record.stageEnteredAt = ctx.now;
    }
    ctx.tx.put('records', id, record);
    auditRecord(ctx, cause, record.model, {
      kind: 'record.created',
      entity: record.entity,
      recordId: id,
      changes: Object.fromEntries(
        Object.entries({
          ...record.fields,
          ...(record.pipeline === undefined ? {} : { pipeline: record.pipeline }),
          ...(record.stage === undefined ? {} : { stage: record.stage }),
        }).map(([k, v]) => [k, { after: v }]),
      ),
    });
    log(ctx, id, {
      kind: 'record_created',
      eventId: cause.eventId,
      ...(cause.ruleId ? { ruleId: cause.ruleId } : {}),
      message: `created ${record.entity}${
        found !== undefined && stage !== undefined
          ? ` in ${quoted(pipelineDisplayName([found.def], found.def.key))}, stage ${quoted(stageDisplayName([found.def], found.def.key, stage))}`
          : ''
      }`,
      // Keys for the designer's sentence ("Created in stage “Proposal”").
      ...(found !== undefined && stage !== undefined
        ? { data: { pipeline: found.def.key, stage } }
        : {}),
    });
    for (const l of input.links ?? []) {
      const other = await ctx.tx.get('records', l.id);
      const self = await ctx.tx.get('records', id);
      if (other !== undefined && self !== undefined) await this.link(ctx, self, other, cause);
    }
    if (beforeEnter !== undefined) {
      await beforeEnter(record);
      // Only a request's own record has this hook: the queue holds only what it caused.
      await this.drain(ctx);
    }
    // beforeEnter (duplicate control) may already have moved it: that move queued its robots.
    const now = await ctx.tx.get('records', id);
    const stayed = now?.pipeline === record.pipeline && now?.stage === stage;
    if (record.pipeline !== undefined && stage !== undefined && stayed) {
      await planDateTriggers(ctx, id);
      const to = { pipeline: record.pipeline, stage };
      ctx.queue.push(this.newEvent('stage_entered', id, { from: {}, to }));
    }
  }

  /** Links two records both ways (audited once, as a change of `a`); `cause` absent: the request's. */
  async link(
    ctx: RunContext,
    a: RecordDoc,
    b: RecordDoc,
    cause: Cause = { eventId: 'api' },
  ): Promise<void> {
    let changed = false;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const cur = await ctx.tx.get('records', x.id);
      if (cur === undefined || cur.links.some((l) => l.id === y.id)) continue;
      ctx.tx.put('records', x.id, {
        ...cur,
        links: [...cur.links, { entity: y.entity, id: y.id }],
        updatedAt: ctx.now,
      });
      changed = true;
    }
    if (changed)
      auditRecord(ctx, cause, a.model, {
        kind: 'record.linked',
        entity: a.entity,
        recordId: a.id,
        target: `${b.entity}/${b.id}`,
      });
  }

  async setFields(
    ctx: RunContext,
    recordId: string,
    changes: Record<string, unknown>,
    cause: Cause,
  ): Promise<string[]> {
    const origin = this.origin(ctx, 'fields_changed', recordId, cause);
    return this.entry(ctx, origin, () => this.writeFields(ctx, recordId, changes, cause));
  }

  private async writeFields(
    ctx: RunContext,
    recordId: string,
    changes: Record<string, unknown>,
    cause: Cause,
  ): Promise<string[]> {
    const record = await ctx.tx.get('records', recordId);
    if (record === undefined) return [];
    const fields = { ...record.fields };
    const changed: string[] = [];
    for (const [k, v] of Object.entries(changes)) {
      if (JSON.stringify(fields[k]) === JSON.stringify(v)) continue;
      if (v === null || v === undefined) delete fields[k];
      else fields[k] = v;
      changed.push(k);
    }
    if (changed.length === 0) return [];
    ctx.tx.put('records', recordId, { ...record, fields, updatedAt: ctx.now });
    auditRecord(ctx, cause, record.model, {
      kind: 'record.updated',
      entity: record.entity,
      recordId,
      changes: Object.fromEntries(
        changed.map((k) => [
          k,
          {
            ...(record.fields[k] === undefined ? {} : { before: record.fields[k] }),
            ...(fields[k] === undefined ? {} : { after: fields[k] }),
          },
        ]),
      ),
    });
    log(ctx, recordId, {
      kind: 'fields_changed',
      eventId: cause.eventId,
      ...(cause.ruleId ? { ruleId: cause.ruleId } : {}),
      message: `changed ${changed.join(', ')}`,
      data: {
        before: Object.fromEntries(changed.map((k) => [k, record.fields[k] ?? null])),
        after: Object.fromEntries(changed.map((k) => [k, fields[k] ?? null])),
      },
    });
    await replanOnAnchorChange(ctx, recordId, changed);
    await planDateTriggers(ctx, recordId, changed);
    await planSkippedRobots(ctx, recordId, changed, (set, p, record, event, key) =>
      this.runRobot(ctx, set, p, record, event, key),
    );
    for (const field of changed) {
      ctx.queue.push(this.newEvent('field_changed', recordId, { field }));
      if (field === 'responsible') ctx.queue.push(this.newEvent('responsible_changed', recordId));
    }
    return changed;
  }

  async move(
    ctx: RunContext,
    recordId: string,
    pipeline: string,
    stage: string,
    cause: Cause,
  ): Promise<{ ok: boolean; message: string; stopped?: true }> {
    const origin = this.origin(ctx, 'stage_changed', recordId, cause);
    return this.entry(ctx, origin, () => this.writeMove(ctx, recordId, pipeline, stage, cause));
  }

  private async writeMove(
    ctx: RunContext,
    recordId: string,
    pipeline: string,
    stage: string,
    cause: Cause,
  ): Promise<{ ok: boolean; message: string; stopped?: true }> {
    const record = await ctx.tx.get('records', recordId);
    if (record === undefined) return { ok: false, message: 'record not found' };
    const found =
      this.findPipeline(record.entity, pipeline, record.model) ??
      this.findPipeline(record.entity, pipeline);
    const pinned =
      found === undefined ? undefined : (ctx.versions.get(found.set.modelId) ?? found.set);
    const def = pinned?.pipeline(pipeline);
    if (pinned === undefined || def === undefined || !def.stages.some((s) => s.key === stage)) {
      return { ok: false, message: `stage ${pipeline}/${stage} not found` };
    }
    const missing = missingRequired(def, stage, record.fields);
    if (missing.length > 0)
      return { ok: false, message: `REQUIRED_FIELDS_MISSING: ${missing.join(', ')}` };
    const moves = (ctx.moves.get(recordId) ?? 0) + 1;
    ctx.moves.set(recordId, moves);
    if (moves > LIMITS.maxMovesPerRecord) {
      const at = {
        recordId,
        eventId: cause.eventId,
        ...(cause.ruleId ? { ruleId: cause.ruleId } : {}),
      };
      stopChain(
        ctx,
        at,
        'max_stage_changes',
        LIMITS.maxMovesPerRecord,
        moves,
        `; not moved to ${stage}`,
      );
      return { ok: false, message: 'loop stopped', stopped: true };
    }
    const from = { pipeline: record.pipeline, stage: record.stage };
    ctx.tx.put('records', recordId, {
      ...record,
      model: pinned.modelId,
      pipeline,
      stage,
      stageEnteredAt: ctx.now,
      updatedAt: ctx.now,
    });
    auditRecord(ctx, cause, pinned.modelId, {
      kind: 'record.moved',
      entity: record.entity,
      recordId,
      changes: {
        stage: { ...(from.stage === undefined ? {} : { before: from.stage }), after: stage },
        ...(from.pipeline === pipeline
          ? {}
          : {
              pipeline: {
                ...(from.pipeline === undefined ? {} : { before: from.pipeline }),
                after: pipeline,
              },
            }),
      },
    });
    await cancelOnLeave(ctx, recordId, from);
    if (from.pipeline !== pipeline || record.model !== pinned.modelId) {
      await dropDateTriggers(ctx, recordId);
      await planDateTriggers(ctx, recordId);
    }
    log(ctx, recordId, {
      kind: 'stage_changed',
      eventId: cause.eventId,
      modelId: pinned.modelId,
      version: pinned.version,
      ...(cause.ruleId ? { ruleId: cause.ruleId } : {}),
      // Names for people; `data` keeps the keys for machines.
      message: `moved ${this.stageName(ctx, record.model, from.pipeline, from.stage)} -> ${quoted(stageDisplayName([def], pipeline, stage))}`,
      data: { from, to: { pipeline, stage } },
    });
    // The robots of the new stage see the external event that moved the record ($event).
    const payload = cause.payload === undefined ? {} : { payload: cause.payload };
    ctx.queue.push(
      this.newEvent('stage_entered', recordId, { from, to: { pipeline, stage }, ...payload }),
    );
    return { ok: true, message: `moved to ${quoted(stageDisplayName([def], pipeline, stage))}` };
  }

  /** A stage's name, quoted, looked up in the version the run pinned for the model. */
  private stageName(
    ctx: RunContext,
    model: string | undefined,
    pipeline: string | undefined,
    stage: string | undefined,
  ): string {
    if (stage === undefined) return '(none)';
    const set = model === undefined ? undefined : ctx.versions.get(model);
    return quoted(stageDisplayName(set?.ruleSet.pipelines ?? [], pipeline, stage));
  }

  /** An external event (payment, message, webhook call, completed task, duplicate found). */
  async handle(ctx: RunContext, event: EngineEvent): Promise<void> {
    const origin = { kind: event.kind, recordId: event.recordId, eventId: event.id, at: ctx.now };
    await this.entry(ctx, origin, async () => {
      ctx.queue.push(event);
    });
  }

  /** Where a chain begins when a request's change is the run's entry point. */
  private origin(ctx: RunContext, kind: string, recordId: string, cause: Cause): ChainOrigin {
    return { kind, recordId, eventId: cause.eventId, at: ctx.now };
  }

  /**
   * Runs an entry point of the run (a request, an external event, a firing timer):
   * `start` queues the events its changes cause, which are then handled oldest first,
   * each to its end (the stage's robots, then the linked records) before the next, so
   * linked records see stage changes in the order they happened. A change made while
   * the queue is worked through (an action's) only queues its events.
   */
  private async entry<T>(
    ctx: RunContext,
    origin: ChainOrigin,
    start: () => Promise<T>,
  ): Promise<T> {
    if (ctx.draining) return start();
    ctx.draining = true;
    try {
      startChain(ctx, origin);
      const out = await start();
      await this.drain(ctx);
      return out;
    } finally {
      ctx.draining = false;
    }
  }

  /** Handles the queued events in order, until none is left. */
  private async drain(ctx: RunContext): Promise<void> {
    for (let event = ctx.queue.shift(); event !== undefined; event = ctx.queue.shift()) {
      await this.process(ctx, event);
    }
  }

  /** One queued event: a step of the chain, handled unless the loop guard stops it. */
  private async process(ctx: RunContext, event: EngineEvent): Promise<void> {
    const record = await ctx.tx.get('records', event.recordId);
    if (record === undefined) return;
    const set = record.model === undefined ? undefined : ctx.versions.get(record.model);
    const at = { recordId: record.id, eventId: event.id };
    if (countStep(ctx, loopGuardOf(set), at)) await this.handleNow(ctx, set, record, event);
    else logEventNotRun(ctx, set, record, event);
  }

  /** Reacts to one event: robots of an entered stage, or triggers listening to it. */
  private async handleNow(
    ctx: RunContext,
    set: PreparedRuleSet | undefined,
    record: RecordDoc,
    event: EngineEvent,
  ): Promise<void> {
    log(ctx, record.id, {
      kind: 'event',
      eventId: event.id,
      message: `${event.kind}${event.field ? ` ${event.field}` : ''}`,
      ...(set ? { modelId: set.modelId, version: set.version } : {}),
      // The stage entered, so the timeline can name it ("Entered stage “Proposal”").
      ...(event.payload || event.to
        ? {
            data: {
              ...(event.payload ? { payload: event.payload } : {}),
              ...(event.to ? { to: event.to } : {}),
            },
          }
        : {}),
    });
    if (set === undefined || record.pipeline === undefined || record.stage === undefined) return;
    if (event.kind === 'stage_entered') {
      // The stage entered, even when the record has moved on since (its robots then say so).
      const visit = { ...record, ...event.to };
      await this.runRobots(ctx, set, visit, event);
      await this.notifyLinked(ctx, visit, event);
      return;
    }
    for (const p of set.triggers(record.entity, event.kind, record.pipeline)) {
      if (!this.matches(p, event)) continue;
      const cur = await ctx.tx.get('records', record.id);
      if (cur === undefined) return;
      if (await this.tryTrigger(ctx, set, p, cur, event)) return;
    }
  }

  private matches(p: PreparedRule, event: EngineEvent): boolean {
    if (event.ruleId !== undefined && p.rule.id !== event.ruleId) return false;
    const m = p.rule.match ?? {};
    if (m.field !== undefined && event.kind === 'field_changed' && m.field !== event.field)
      return false;
    if (m.channel !== undefined && event.payload?.channel !== m.channel) return false;
    if (m.form !== undefined && event.payload?.form !== m.form) return false;
    return true;
  }

  /**
   * Evaluates a condition and records the inputs it read. A condition that fails
   * (past its budget, a date out of range, a refused rule) does not pass, and says why.
   */
  private evaluate(
    ctx: RunContext,
    p: PreparedRule,
    record: RecordDoc,
    event: EngineEvent,
  ): { pass: boolean; inputs: Record<string, unknown>; result: unknown; error?: string } {
    const data = conditionData(record, ctx.now, event.payload);
    const inputs = Object.fromEntries(p.vars.map((v) => [v, readInput(data, v)]));
    try {
      const result = p.condition(data);
      return { pass: truthy(result), inputs, result };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      return { pass: false, inputs, result: null, error };
    }
  }

  private async tryTrigger(
    ctx: RunContext,
    set: PreparedRuleSet,
    p: PreparedRule,
    record: RecordDoc,
    event: EngineEvent,
  ): Promise<boolean> {
    const r = p.rule;
    const base = {
      kind: 'rule',
      ruleId: r.id,
      eventId: event.id,
      modelId: set.modelId,
      version: set.version,
    };
    if (record.pipeline === r.pipeline && record.stage === r.stage) {
      log(ctx, record.id, {
        ...base,
        outcome: 'already_in_stage',
        message: `${r.id}: record already in ${quoted(stageDisplayName(set.ruleSet.pipelines, r.pipeline, r.stage))}`,
      });
      return false;
    }
    const def = set.pipeline(r.pipeline);
    const from = def?.stages.findIndex((s) => s.key === record.stage) ?? -1;
    const to = def?.stages.findIndex((s) => s.key === r.stage) ?? -1;
    if (record.pipeline === r.pipeline && to < from && r.allowBackwards !== true) {
      log(ctx, record.id, {
        ...base,
        outcome: 'backwards_not_allowed',
        message: `${r.id}: ${quoted(stageDisplayName(set.ruleSet.pipelines, r.pipeline, r.stage))} is before ${quoted(stageDisplayName(set.ruleSet.pipelines, r.pipeline, record.stage))} and backwards moves are not allowed`,
      });
      return false;
    }
    const ev = this.evaluate(ctx, p, record, event);
    if (ev.error !== undefined) {
      log(ctx, record.id, {
        ...base,
        outcome: 'failed',
        message: `${r.id}: condition failed: ${ev.error}`,
        data: { inputs: ev.inputs, error: ev.error },
      });
      return false;
    }
    if (!ev.pass) {
      log(ctx, record.id, {
        ...base,
        outcome: 'condition_false',
        message: `${r.id}: condition false`,
        data: { inputs: ev.inputs, result: ev.result },
      });
      return false;
    }
    log(ctx, record.id, {
      ...base,
      outcome: 'fired',
      message: `${r.id}: fired`,
      data: { inputs: ev.inputs, result: ev.result },
    });
    await this.runActions(ctx, set, p, record, event, `${r.id}|${record.id}|${event.id}`);
    return true;
  }

  private async runRobots(
    ctx: RunContext,
    set: PreparedRuleSet,
    entered: RecordDoc,
    event: EngineEvent,
    // A fired timer's followers; by default every robot of the entered stage.
    robots: readonly PreparedRule[] = set.robots(
      entered.entity,
      entered.pipeline ?? '',
      entered.stage ?? '',
    ),
  ): Promise<void> {
    const { pipeline, stage } = entered;
    let waiting = false;
    for (const [index, p] of robots.entries()) {
      const r = p.rule;
      // Planned by the delayed robot before it, when that one fires.
      if (waiting && r.timing?.kind === 'after_previous') continue;
      waiting = false;
      if (ctx.stopped) {
        logRobotNotRun(ctx, set, p, entered, event);
        continue;
      }
      const base = {
        kind: 'rule',
        ruleId: r.id,
        eventId: event.id,
        modelId: set.modelId,
        version: set.version,
      };
      const record = await ctx.tx.get('records', entered.id);
      if (record === undefined) return;
      if (record.stage !== stage || record.pipeline !== pipeline) {
        log(ctx, record.id, {
          ...base,
          outcome: 'wrong_stage',
          message: `${r.id}: record left ${this.stageName(ctx, set.modelId, pipeline, stage)} before this robot ran`,
        });
        continue;
      }
      const key = `${r.id}|${record.id}|${event.id}`;
      const plan = planDueTime(r.timing, record, ctx.now, set.ruleSet, ctx.directory);
      if (plan.kind === 'skip') {
        log(ctx, record.id, {
          ...base,
          outcome: 'skipped',
          message: `${r.id}: ${plan.reason}`,
          data: { reason: plan.code, stageEnteredAt: record.stageEnteredAt ?? null },
        });
        continue;
      }
      if (plan.kind === 'at') {
        scheduleTimer(ctx, set, p, record, event, key, plan, followersOf(robots, index));
        waiting = true;
        continue;
      }
      await this.runRobot(ctx, set, p, record, event, key);
    }
  }

  private async runRobot(
    ctx: RunContext,
    set: PreparedRuleSet,
    p: PreparedRule,
    record: RecordDoc,
    event: EngineEvent,
    key: string,
  ): Promise<void> {
    const base = {
      kind: 'rule',
      ruleId: p.rule.id,
      eventId: event.id,
      modelId: set.modelId,
      version: set.version,
    };
    const ev = this.evaluate(ctx, p, record, event);
    if (ev.error !== undefined) {
      log(ctx, record.id, {
        ...base,
        outcome: 'failed',
        message: `${p.rule.id}: condition failed: ${ev.error}`,
        data: { inputs: ev.inputs, error: ev.error },
      });
      return;
    }
    if (!ev.pass) {
      log(ctx, record.id, {
        ...base,
        outcome: 'condition_false',
        message: `${p.rule.id}: condition false`,
        data: { inputs: ev.inputs, result: ev.result },
      });
      return;
    }
    log(ctx, record.id, {
      ...base,
      outcome: 'fired',
      message: `${p.rule.id}: fired`,
      data: { inputs: ev.inputs, result: ev.result },
    });
    await this.runActions(ctx, set, p, record, event, key);
  }

  private async runActions(
    ctx: RunContext,
    set: PreparedRuleSet,
    p: PreparedRule,
    record: RecordDoc,
    event: EngineEvent,
    key: string,
  ): Promise<void> {
    const dir = new DirectoryView(ctx.directory, set.ruleSet);
    for (const [index, action] of p.rule.actions.entries()) {
      const idempotencyKey = `${key}|${index}`;
      const base = {
        kind: 'action',
        ruleId: p.rule.id,
        eventId: event.id,
        modelId: set.modelId,
        version: set.version,
      };
      if (ctx.stopped) {
        log(ctx, record.id, {
          ...base,
          outcome: 'stopped',
          message: `${action.type}: not run, the loop guard stopped this chain`,
        });
        continue;
      }
      if ((await ctx.tx.get('effects', idempotencyKey)) !== undefined) {
        log(ctx, record.id, {
          ...base,
          outcome: 'duplicate',
          message: `${action.type}: already done for this event`,
        });
        continue;
      }
      const current = (await ctx.tx.get('records', record.id)) ?? record;
      let outcome;
      try {
        outcome = await runAction({
          ctx,
          host: this,
          set,
          prepared: p,
          action,
          index,
          record: current,
          event,
          dir,
          idempotencyKey,
        });
      } catch (e) {
        outcome = {
          outcome: 'failed' as const,
          message: e instanceof Error ? e.message : String(e),
        };
      }
      ctx.tx.put('effects', idempotencyKey, { key: idempotencyKey, at: ctx.now });
      log(ctx, record.id, {
        ...base,
        outcome: outcome.outcome,
        message: `${action.type}: ${outcome.message}`,
        ...(outcome.data ? { data: outcome.data } : {}),
      });
    }
  }

  /** Tells the linked records' `linked_record_stage` triggers that `entered` entered its stage. */
  private async notifyLinked(
    ctx: RunContext,
    entered: RecordDoc,
    event: EngineEvent,
  ): Promise<void> {
    if (entered.pipeline === undefined || entered.stage === undefined) return;
    const watched = { entity: entered.entity, pipeline: entered.pipeline, stage: entered.stage };
    for (const l of entered.links) {
      const other = await ctx.tx.get('records', l.id);
      if (other?.model === undefined || other.pipeline === undefined) continue;
      const set = ctx.versions.get(other.model);
      if (set === undefined) continue;
      for (const p of set.linkedTriggers(other.entity, other.pipeline, watched)) {
        if (ctx.stopped) return;
        const cur = await ctx.tx.get('records', other.id);
        if (cur === undefined) break;
        if (await this.tryTrigger(ctx, set, p, cur, { ...event, recordId: other.id })) break;
      }
    }
  }

  /**
   * Runs a due timer: re-reads the record, re-checks stage and condition. The run
   * continues the chain that planned the timer (firing is a step of it), so a loop
   * through delayed robots is counted, and stopped, across runs and restarts.
   */
  async fireTimer(ctx: RunContext, timer: TimerDoc): Promise<void> {
    const ready = await readyToFire(ctx, timer);
    if (ready === undefined) return;
    const { set, record } = ready;
    if (timer.chain !== undefined) continueChain(ctx, timer.chain);
    const origin = { kind: 'timer', recordId: record.id, eventId: timer.eventId, at: ctx.now };
    await this.entry(ctx, origin, async () => {
      if (timer.source === 'trigger') {
        const event = { id: timer.eventId, kind: 'date_reached' as const, recordId: record.id };
        ctx.queue.push({ ...event, ruleId: timer.ruleId });
        return;
      }
      const event: EngineEvent = {
        id: timer.eventId,
        kind: 'stage_entered',
        recordId: record.id,
        ...(timer.payload === undefined ? {} : { payload: timer.payload }),
      };
      const followers = (timer.followers ?? []).flatMap((id) => set.byId.get(id) ?? []);
      const at = { recordId: record.id, eventId: timer.eventId, ruleId: timer.ruleId };
      if (!countStep(ctx, loopGuardOf(set), at)) {
        for (const p of [ready.prepared, ...followers]) logRobotNotRun(ctx, set, p, record, event);
        return;
      }
      await this.runRobot(ctx, set, ready.prepared, record, event, timer.idempotencyKey);
      // after_previous robots count their wait from now, when this one ran.
      if (followers.length === 0) return;
      const visit = { ...record, pipeline: timer.pipeline, stage: timer.stage };
      await this.runRobots(ctx, set, visit, event, followers);
    });
  }

  /** The pipeline definition a record's pinned version gives. */
  pipelineOf(ctx: RunContext, record: RecordDoc): RuleSetPipeline | undefined {
    if (record.model === undefined || record.pipeline === undefined) return undefined;
    return ctx.versions.get(record.model)?.pipeline(record.pipeline);
  }
}
