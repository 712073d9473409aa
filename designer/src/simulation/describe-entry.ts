import type { TFunction } from 'i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import type { SimulationTimelineEntry } from '../../../schemas/simulation/index.js';
import type { Formatters } from '../i18n/use-format.js';
import { findRobot } from '../editor/model-index.js';
import { parseNodeId } from '../editor/node-ids.js';

const COMPARISONS = ['>', '>=', '<', '<=', '==', '===', '!=', '!=='];

/** `+15 min`, `+2 h 5 min`, `+3 d 1 h`: a virtual time after the start. */
export function formatMinute(minute: number, t: TFunction): string {
  const d = Math.floor(minute / 1440);
  const h = Math.floor((minute % 1440) / 60);
  const m = Math.round(minute % 60);
  const parts = [
    d ? t('simulation.units.d', { n: d }) : '',
    h ? t('simulation.units.h', { n: h }) : '',
    m || (!d && !h) ? t('simulation.units.min', { n: m }) : '',
  ].filter(Boolean);
  return `+${parts.join(' ')}`;
}

function conditionOf(model: AutomationModel, nodeId: string): unknown {
  const p = parseNodeId(nodeId);
  if (p?.kind === 'robot') return findRobot(model, p.id)?.robot.condition;
  if (p?.kind === 'trigger')
    for (const pl of model.pipelines)
      for (const s of pl.stages) {
        const tr = s.triggers.find((x) => x.id === p.id);
        if (tr) return tr.condition;
      }
  return undefined;
}

function stageNameOf(model: AutomationModel, nodeId: string): string | undefined {
  const p = parseNodeId(nodeId);
  return p?.kind === 'robot' ? findRobot(model, p.id)?.stage.name : undefined;
}

const STOP_REASONS = ['max_steps', 'max_created_records', 'max_stage_changes'];

/**
 * A loop guard stop (`loop_stopped`): which limit the chain went past, and whether this
 * record is where the chain started, where it stopped, or both.
 */
function describeLoopStop(e: SimulationTimelineEntry, t: TFunction): string {
  const d = (e.data ?? {}) as {
    reason?: string;
    limit?: number;
    count?: number;
    stoppedAt?: string;
    origin?: { recordId?: string };
  };
  if (d.reason === undefined || !STOP_REASONS.includes(d.reason)) return e.message;
  const stopped = d.stoppedAt === e.recordId;
  const started = d.origin?.recordId === e.recordId;
  const where = stopped && started ? 'both' : stopped ? 'stoppedHere' : 'startedHere';
  return t('simulation.loopStopped.text', {
    why: t(`simulation.loopStopped.${d.reason}`, { limit: d.limit, count: d.count }),
    where: t(`simulation.loopStopped.${where}`),
  });
}

/**
 * `scheduled for Mon, 23 Nov 2026, 10:30 (Europe/Moscow), 23 Nov 2026, 07:30 UTC ·
 * working time counted`: the due time as the calendar's people read it beside UTC.
 */
function describeScheduled(
  data: Record<string, unknown>,
  dueAt: string,
  t: TFunction,
  f: Formatters,
): string {
  const zone = typeof data.timeZone === 'string' ? data.timeZone : undefined;
  const local = zone === undefined ? undefined : f.dateTimeIn(dueAt, zone);
  const text =
    local === undefined || zone === undefined
      ? t('simulation.reason.scheduled', { at: f.dateTime(dueAt) })
      : t('simulation.reason.scheduledInZone', { local, zone, utc: f.dateTime(dueAt) });
  const mode = data.workingHours;
  return mode === 'count' || mode === 'shift'
    ? `${text} · ${t(`simulation.reason.workingHours.${mode}`)}`
    : text;
}

/**
 * Why a robot or trigger did (not) run, for the timeline: `condition false: amount
 * 800 000 is not > 1 000 000`, `cancelled: the record left “New request” at +10 min`.
 * Falls back to the runtime's own message when there is nothing better to say.
 */
export function describeEntry(
  e: SimulationTimelineEntry,
  model: AutomationModel,
  t: TFunction,
  f: Formatters,
): string {
  if (e.kind === 'timer_cancelled' && e.nodeId) {
    const stage = stageNameOf(model, e.nodeId) ?? '';
    return t('simulation.reason.cancelled', { stage, at: formatMinute(e.minute, t) });
  }
  const step = (e.data as { step?: { do?: string; stage?: string } } | undefined)?.step;
  if (e.kind === 'step' && step?.do) {
    const what = t(`simulation.stepKinds.${step.do}`, { defaultValue: step.do });
    const failed =
      e.outcome && e.outcome !== 'done'
        ? ` (${t(`simulation.outcome.${e.outcome}`, { defaultValue: e.outcome })}: ${e.message})`
        : '';
    return `${what}${step.stage ? ` → ${step.stage}` : ''}${failed}`;
  }
  if (e.kind === 'loop_stopped') return describeLoopStop(e, t);
  if (e.kind !== 'rule') return e.message;
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (e.outcome === 'condition_false' && e.nodeId) {
    const inputs = (data.inputs ?? {}) as Record<string, unknown>;
    const cond = conditionOf(model, e.nodeId);
    if (cond && typeof cond === 'object' && !Array.isArray(cond)) {
      const [op, args] = Object.entries(cond)[0] ?? [];
      const [left, right] = Array.isArray(args) ? args : [];
      const v = (left as { var?: unknown } | undefined)?.var;
      if (op && COMPARISONS.includes(op) && typeof v === 'string' && typeof right !== 'object')
        return t('simulation.reason.comparison', {
          field: v,
          value: f.value(inputs[v]),
          op,
          limit: f.value(right),
        });
    }
    const shown = Object.entries(inputs)
      .map(([k, val]) => `${k} = ${f.value(val)}`)
      .join(', ');
    return t('simulation.reason.conditionFalse', { inputs: shown || '—' });
  }
  // A condition that could not be evaluated (past its budget, a date out of range): the reason.
  if (e.outcome === 'failed' && typeof data.error === 'string')
    return t('simulation.reason.conditionFailed', { reason: data.error });
  if (e.outcome === 'scheduled' && typeof data.dueAt === 'string')
    return describeScheduled(data, data.dueAt, t, f);
  if (e.outcome) return t(`simulation.outcome.${e.outcome}`, { defaultValue: e.message });
  return e.message;
}
