import type { EntityType } from '../../schemas/index.js';
import type { RecordQuery } from '../domain/record-query.js';
import type { AppAbility, RecordAction } from './ability.js';

/** The part of a store query that keeps a list within an action's scope. */
export type ScopeFilter = Pick<RecordQuery, 'responsible' | 'stageLimits'>;

/**
 * Turns the CASL rules of `action` on `entity` into a store filter, so a scoped list
 * never loads records out of scope: `null` when no rule allows the action, `{}` when
 * one allows it without conditions. The rules are the ones `abilityOf` writes (a scope
 * condition on `responsible`, and per limited pipeline one rule with its stages plus
 * one `pipeline: {$nin}` rule for the others); any other shape is refused loudly.
 */
export function recordScopeFilter(
  ability: AppAbility,
  action: RecordAction,
  entity: EntityType,
): ScopeFilter | null {
  const rules = ability.rulesFor(action, entity).filter((r) => !r.inverted);
  if (rules.length === 0) return null;
  if (rules.some((r) => r.conditions === undefined)) return {};
  const out: ScopeFilter = {};
  const limits: Record<string, string[]> = {};
  for (const rule of rules) {
    const c = rule.conditions as Record<string, unknown>;
    for (const [key, value] of Object.entries(c)) {
      if (key === 'responsible') {
        out.responsible =
          typeof value === 'string' ? value : ((value as { $in: string[] }).$in ?? []);
      } else if (key === 'pipeline' && typeof value === 'string') {
        limits[value] = (c.stage as { $in: string[] }).$in;
      } else if (key !== 'stage' && key !== 'pipeline')
        throw new Error(`recordScopeFilter: no store filter for condition ${key}`);
    }
  }
  if (Object.keys(limits).length > 0) out.stageLimits = limits;
  return out;
}

/** Responsible users both lists allow (a caller's own filter within the scope's). */
export function intersectResponsible(
  asked: string | readonly string[] | undefined,
  scope: string | readonly string[] | undefined,
): string | readonly string[] | undefined {
  if (scope === undefined) return asked;
  if (asked === undefined) return scope;
  const allowed = new Set(typeof scope === 'string' ? [scope] : scope);
  return (typeof asked === 'string' ? [asked] : asked).filter((u) => allowed.has(u));
}
