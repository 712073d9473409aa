import type { Action } from '../../../schemas/index.js';
import type { RecordDoc } from '../../domain/record.js';
import type { ActionInput, ActionOutcome, Cause } from '../action-host.js';
import { conditionData } from '../run-context.js';
import { templateContext } from '../template-context.js';
import { resolveAssignee } from './resolve-assignee.js';

function cause(input: ActionInput): Cause & { ruleId: string } {
  const { payload } = input.event;
  return {
    ruleId: input.prepared.rule.id,
    eventId: input.event.id,
    recordId: input.record.id,
    ...(payload === undefined ? {} : { payload }),
  };
}

const NOT_CREATED: ActionOutcome = {
  outcome: 'stopped',
  message: 'not created: the loop guard stopped this chain',
};

export async function changeStage(
  input: ActionInput,
  a: Extract<Action, { type: 'change_stage' }>,
): Promise<ActionOutcome> {
  const pipeline = a.pipeline ?? input.record.pipeline;
  if (pipeline === undefined) return { outcome: 'failed', message: 'record has no pipeline' };
  if (pipeline === input.record.pipeline && a.stage === input.record.stage) {
    return { outcome: 'skipped', message: `already in stage ${a.stage}` };
  }
  const r = await input.host.move(input.ctx, input.record.id, pipeline, a.stage, cause(input));
  return { outcome: r.ok ? 'done' : r.stopped ? 'stopped' : 'failed', message: r.message };
}

export async function assign(
  input: ActionInput,
  a: Extract<Action, { type: 'assign' }>,
): Promise<ActionOutcome> {
  const r = await resolveAssignee(input, a.target, a.skipUnavailable ?? true);
  if (r.user === undefined) return { outcome: 'failed', message: `nobody to assign (${r.via})` };
  await input.host.setFields(input.ctx, input.record.id, { responsible: r.user }, cause(input));
  return { outcome: 'done', message: `assigned ${r.user} (${r.via})`, data: { user: r.user } };
}

export async function updateFields(
  input: ActionInput,
  a: Extract<Action, { type: 'update_fields' }>,
): Promise<ActionOutcome> {
  const data = conditionData(input.record, input.ctx.now, input.event.payload);
  const changes: Record<string, unknown> = {};
  for (const s of a.set) {
    const fn = input.prepared.values.get(`${input.index}:${s.field}`);
    changes[s.field] = fn === undefined ? s.value : fn(data);
  }
  const changed = await input.host.setFields(input.ctx, input.record.id, changes, cause(input));
  return {
    outcome: 'done',
    message: `set ${Object.keys(changes).join(', ')}`,
    data: { changes, changed },
  };
}

export async function createLinkedRecord(
  input: ActionInput,
  a: Extract<Action, { type: 'create_linked_record' }>,
): Promise<ActionOutcome> {
  const data = conditionData(input.record, input.ctx.now, input.event.payload);
  const fields: Record<string, unknown> = {};
  for (const m of a.fieldMap ?? []) {
    const fn = input.prepared.values.get(`${input.index}:${m.to}`);
    const v = fn === undefined ? m.from : fn(data);
    if (v !== null && v !== undefined) fields[m.to] = v;
  }
  if (a.title !== undefined) {
    fields.title = input.ctx.templates.render(
      a.title,
      await templateContext(input.ctx, input.set, input.dir, input.record, input.event.payload),
      'title',
    );
  }
  if (a.assign !== undefined) {
    const r = await resolveAssignee(input, a.assign, true);
    if (r.user !== undefined) fields.responsible = r.user;
  }
  const pipelineDef = a.pipeline === undefined ? undefined : input.set.pipeline(a.pipeline);
  if (a.pipeline !== undefined && pipelineDef === undefined) {
    return { outcome: 'failed', message: `pipeline ${a.pipeline} not found` };
  }
  const created = await input.host.createRecord(
    input.ctx,
    {
      entity: a.entity,
      model: input.set.modelId,
      ...(a.pipeline === undefined ? {} : { pipeline: a.pipeline }),
      ...(a.stage === undefined ? {} : { stage: a.stage }),
      fields,
      // The client card follows the handoff: the new record's messages and documents
      // must reach and name the same contact and company as the record it came from.
      links: [
        { entity: input.record.entity, id: input.record.id },
        ...input.record.links.filter((l) => l.entity === 'contact' || l.entity === 'company'),
      ],
    },
    cause(input),
  );
  if (created === undefined) return NOT_CREATED;
  return {
    outcome: 'done',
    message: `created ${a.entity} ${created.id}`,
    data: { recordId: created.id },
  };
}

export async function convertLead(
  input: ActionInput,
  a: Extract<Action, { type: 'convert_lead' }>,
): Promise<ActionOutcome> {
  const lead = input.record;
  const f = lead.fields;
  const pick = (...keys: string[]): Record<string, unknown> =>
    Object.fromEntries(
      keys.filter((k) => f[k] !== undefined && f[k] !== null).map((k) => [k, f[k]]),
    );
  const made: RecordDoc[] = [];
  let refused = false;
  const keep = (r: RecordDoc | undefined): void => {
    if (r === undefined) refused = true;
    else made.push(r);
  };
  const c = cause(input);
  const link = [{ entity: lead.entity, id: lead.id }];
  if (a.createContact) {
    const fields = {
      ...pick('name', 'phone', 'email', 'responsible'),
      title: f.name ?? f.title ?? 'Contact',
    };
    keep(await input.host.createRecord(input.ctx, { entity: 'contact', fields, links: link }, c));
  }
  if (a.createCompany) {
    const fields = {
      ...pick('phone', 'email', 'responsible'),
      title: f.company ?? f.title ?? 'Company',
    };
    keep(await input.host.createRecord(input.ctx, { entity: 'company', fields, links: link }, c));
  }
  for (let i = 0; i < made.length; i++) {
    for (let j = i + 1; j < made.length; j++) {
      const x = made[i];
      const y = made[j];
      if (x !== undefined && y !== undefined) await input.host.link(input.ctx, x, y, c);
    }
  }
  if (a.deal !== undefined && !refused) {
    const fields = pick('title', 'amount', 'currency', 'responsible');
    const links = [...link, ...made.map((m) => ({ entity: m.entity, id: m.id }))];
    keep(
      await input.host.createRecord(
        input.ctx,
        {
          entity: 'deal',
          model: input.set.modelId,
          pipeline: a.deal.pipeline,
          ...(a.deal.stage === undefined ? {} : { stage: a.deal.stage }),
          fields,
          links,
        },
        c,
      ),
    );
  }
  const list = made.map((m) => `${m.entity} ${m.id}`).join(', ') || 'nothing';
  return {
    outcome: refused ? 'stopped' : 'done',
    message: refused
      ? `converted into ${list}; the rest not created: the loop guard stopped this chain`
      : `converted into ${list}`,
    data: { created: made.map((m) => ({ entity: m.entity, id: m.id })) },
  };
}
