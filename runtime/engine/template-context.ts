import {
  STANDARD_FIELDS,
  pipelineDisplayName,
  stageDisplayName,
  type EntityType,
} from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { DirectoryView } from './directory-view.js';
import type { PreparedRuleSet } from './prepared-rule-set.js';
import type { RunContext } from './run-context.js';

/** Every field an entity may have, as null, so a known-but-empty field renders empty. */
function blank(set: PreparedRuleSet | undefined, entity: EntityType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of STANDARD_FIELDS[entity]) out[f.key] = null;
  for (const f of set?.ruleSet.fields[entity] ?? []) out[f.key] = null;
  return out;
}

function person(dir: DirectoryView, key: unknown): Record<string, unknown> {
  const u = dir.user(key);
  return { key: u?.key ?? null, name: u?.name ?? null, email: u?.email ?? null };
}

/** The context Liquid templates see (docs/contracts.md, Templates). */
export async function templateContext(
  ctx: RunContext,
  set: PreparedRuleSet | undefined,
  dir: DirectoryView,
  record: RecordDoc,
  event?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const linked = async (entity: EntityType): Promise<Record<string, unknown>> => {
    const link = record.links.find((l) => l.entity === entity);
    const other = link === undefined ? undefined : await ctx.tx.get('records', link.id);
    return { ...blank(set, entity), ...(other?.fields ?? {}) };
  };
  const responsible = record.fields.responsible;
  const pipelines =
    (record.model === undefined ? undefined : ctx.versions.get(record.model))?.ruleSet.pipelines ??
    set?.ruleSet.pipelines ??
    [];
  return {
    record: {
      ...blank(set, record.entity),
      ...record.fields,
      id: record.id,
      entity: record.entity,
      pipeline: record.pipeline ?? null,
      stage: record.stage ?? null,
      // The names the admin gave them, for texts people read (keys stay for conditions).
      pipelineName:
        record.pipeline === undefined ? null : pipelineDisplayName(pipelines, record.pipeline),
      stageName:
        record.stage === undefined
          ? null
          : stageDisplayName(pipelines, record.pipeline, record.stage),
    },
    contact: await linked('contact'),
    company: await linked('company'),
    // linked.<entity>: the first linked record of each entity (a lead's deal...).
    linked: {
      lead: await linked('lead'),
      deal: await linked('deal'),
      contact: await linked('contact'),
      company: await linked('company'),
    },
    responsible: person(dir, responsible),
    manager: person(dir, dir.managerOf(responsible)?.key),
    event: event ?? {},
    now: ctx.now,
  };
}
