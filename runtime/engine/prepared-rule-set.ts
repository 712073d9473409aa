import type { Rule, RuleSet, RuleSetPipeline } from '../../schemas/index.js';
import { inputsOf, prepare, type PreparedCondition } from './condition-adapter.js';

export interface PreparedRule {
  readonly rule: Rule;
  readonly condition: PreparedCondition;
  readonly vars: readonly string[];
  /** Conditions of an `assign` rules table, prepared with the rule. */
  readonly assignConditions: readonly PreparedCondition[];
  /** Field values of `update_fields` / mappings of `create_linked_record`, prepared too. */
  readonly values: ReadonlyMap<string, PreparedCondition>;
}

/**
 * One published version ready to run: conditions prepared once, rules indexed by
 * (entity, event, pipeline, stage) so an event only looks at rules that can match it.
 */
export interface PreparedRuleSet {
  readonly modelId: string;
  readonly version: number;
  readonly ruleSet: RuleSet;
  readonly byId: ReadonlyMap<string, PreparedRule>;
  /** Robots of a stage, in order: key `entity|pipeline|stage`. */
  robots(entity: string, pipeline: string, stage: string): readonly PreparedRule[];
  /** Triggers of a pipeline listening to an event: key `entity|event|pipeline`. */
  triggers(entity: string, event: string, pipeline: string): readonly PreparedRule[];
  /** `linked_record_stage` triggers of `entity|pipeline` watching a linked `entity/pipeline/stage`. */
  linkedTriggers(
    entity: string,
    pipeline: string,
    linked: { entity: string; pipeline: string; stage: string },
  ): readonly PreparedRule[];
  pipeline(key: string): RuleSetPipeline | undefined;
}

function push(map: Map<string, PreparedRule[]>, key: string, rule: PreparedRule): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rule]);
  else list.push(rule);
}

function prepareValues(rule: Rule): Map<string, PreparedCondition> {
  const values = new Map<string, PreparedCondition>();
  rule.actions.forEach((a, i) => {
    if (a.type === 'update_fields') {
      for (const s of a.set) values.set(`${i}:${s.field}`, prepare(s.value));
    }
    if (a.type === 'create_linked_record') {
      for (const m of a.fieldMap ?? []) values.set(`${i}:${m.to}`, prepare(m.from));
    }
  });
  return values;
}

function assignConditions(rule: Rule): PreparedCondition[] {
  const out: PreparedCondition[] = [];
  for (const a of rule.actions) {
    if (a.type === 'assign' && a.target.kind === 'rules') {
      for (const row of a.target.rules) out.push(prepare(row.condition));
    }
  }
  return out;
}

const EMPTY: readonly PreparedRule[] = [];

/** Prepares a rule set; done when a version is activated, never per event. */
export function prepareRuleSet(
  modelId: string,
  version: number,
  ruleSet: RuleSet,
): PreparedRuleSet {
  const robots = new Map<string, PreparedRule[]>();
  const triggers = new Map<string, PreparedRule[]>();
  const linked = new Map<string, PreparedRule[]>();
  const byId = new Map<string, PreparedRule>();
  for (const rule of ruleSet.rules) {
    const p: PreparedRule = {
      rule,
      condition: prepare(rule.condition),
      vars: inputsOf(rule.condition),
      assignConditions: assignConditions(rule),
      values: prepareValues(rule),
    };
    byId.set(rule.id, p);
    if (rule.source.kind === 'robot') {
      push(robots, `${rule.entity}|${rule.pipeline}|${rule.stage}`, p);
    } else if (rule.event === 'linked_record_stage') {
      const m = rule.match ?? {};
      push(
        linked,
        `${rule.entity}|${rule.pipeline}|${m.entity ?? ''}/${m.pipeline ?? ''}/${m.stage ?? ''}`,
        p,
      );
    } else {
      push(triggers, `${rule.entity}|${rule.event}|${rule.pipeline}`, p);
    }
  }
  const pipelines = new Map(ruleSet.pipelines.map((p) => [p.key, p]));
  return {
    modelId,
    version,
    ruleSet,
    byId,
    robots: (e, p, s) => robots.get(`${e}|${p}|${s}`) ?? EMPTY,
    triggers: (e, ev, p) => triggers.get(`${e}|${ev}|${p}`) ?? EMPTY,
    linkedTriggers: (e, p, l) =>
      linked.get(`${e}|${p}|${l.entity}/${l.pipeline}/${l.stage}`) ?? EMPTY,
    pipeline: (key) => pipelines.get(key),
  };
}
