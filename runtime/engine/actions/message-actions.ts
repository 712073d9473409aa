import type { Action, Deadline } from '../../../schemas/index.js';
import { dateAdd } from '../../../schemas/index.js';
import type { OutboxDoc } from '../../domain/outbox.js';
import type { ActionInput, ActionOutcome } from '../action-host.js';
import { log } from '../run-context.js';
import { templateContext } from '../template-context.js';
import { resolveAddress, resolvePerson } from './resolve-people.js';
import { redactSecrets } from '../../security/redact-secrets.js';

async function context(input: ActionInput): Promise<Record<string, unknown>> {
  return templateContext(input.ctx, input.set, input.dir, input.record, input.event.payload);
}

function deadlineOf(input: ActionInput, d: Deadline): string | undefined {
  const base = d.from === 'now' ? input.ctx.now : input.record.fields[d.from.field];
  const sign = d.direction === 'before' ? -1 : 1;
  return dateAdd(base, sign * d.offset.value, d.offset.unit) ?? undefined;
}

export async function createTask(
  input: ActionInput,
  a: Extract<Action, { type: 'create_task' }>,
): Promise<ActionOutcome> {
  const ctx = await context(input);
  const render = input.ctx.templates;
  const title = render.render(a.title, ctx, 'task');
  const description =
    a.description === undefined ? undefined : render.render(a.description, ctx, 'task');
  const assignee = resolvePerson(input.dir, input.record, a.assignee)[0];
  const id = input.ctx.ids.next('task');
  input.ctx.tx.put('tasks', id, {
    id,
    recordId: input.record.id,
    title,
    ...(description === undefined ? {} : { description }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(a.deadline === undefined ? {} : { deadline: deadlineOf(input, a.deadline) }),
    status: 'open',
    createdAt: input.ctx.now,
    ruleId: input.prepared.rule.id,
    version: input.set.version,
  });
  return {
    outcome: 'done',
    message: `task "${title}" for ${assignee ?? 'nobody'}`,
    data: { taskId: id },
  };
}

export async function notify(
  input: ActionInput,
  a: Extract<Action, { type: 'notify' }>,
): Promise<ActionOutcome> {
  const message = input.ctx.templates.render(a.message, await context(input), 'notification');
  const recipients = [
    ...new Set(a.recipients.flatMap((r) => resolvePerson(input.dir, input.record, r))),
  ];
  if (recipients.length === 0) return { outcome: 'failed', message: 'no recipient resolved' };
  for (const recipient of recipients) {
    const id = input.ctx.ids.next('ntf');
    input.ctx.tx.put('notifications', id, {
      id,
      recordId: input.record.id,
      recipient,
      message,
      createdAt: input.ctx.now,
      ruleId: input.prepared.rule.id,
    });
  }
  return { outcome: 'done', message: `notified ${recipients.join(', ')}`, data: { recipients } };
}

type OutboxAction = Extract<Action, { type: 'send_email' | 'send_message' | 'webhook' }>;

/**
 * Renders the message and hands it to the outbox port; the dispatcher
 * (`runtime/delivery/`) sends it after the batch is durable, when an adapter exists.
 */
export async function sendToOutbox(input: ActionInput, a: OutboxAction): Promise<ActionOutcome> {
  const ctx = await context(input);
  const base = {
    id: input.ctx.ids.next('out'),
    recordId: input.record.id,
    kind: a.type,
    createdAt: input.ctx.now,
    ruleId: input.prepared.rule.id,
    idempotencyKey: input.idempotencyKey,
  };
  const render = input.ctx.templates;
  let item: OutboxDoc;
  if (a.type === 'webhook') {
    const body =
      a.body === undefined ? JSON.stringify(ctx.record) : render.render(a.body, ctx, 'webhook');
    item = {
      ...base,
      to: a.url,
      body,
      method: a.method ?? 'POST',
      ...(a.headers === undefined ? {} : { headers: a.headers }),
      ...(a.timeoutMs === undefined ? {} : { timeoutMs: a.timeoutMs }),
      ...(a.maxAttempts === undefined ? {} : { maxAttempts: a.maxAttempts }),
    };
  } else {
    const template = input.set.ruleSet.templates.find((t) => t.key === a.template);
    if (template === undefined)
      return { outcome: 'failed', message: `template ${a.template} not found` };
    const to = await resolveAddress(input.ctx, input.dir, input.record, a.to);
    if (to === undefined) return { outcome: 'failed', message: `no address for ${a.to.kind}` };
    const kind = a.type === 'send_email' ? 'email' : 'message';
    item = {
      ...base,
      to,
      ...(a.type === 'send_message' && a.channel !== undefined ? { channel: a.channel } : {}),
      ...(template.subject === undefined
        ? {}
        : { subject: render.render(template.subject, ctx, kind) }),
      body: render.render(template.body, ctx, kind),
      template: template.key,
    };
  }
  await input.ctx.outbox.deliver(input.ctx.tx, item);
  const stored = await input.ctx.tx.get('outbox', item.id);
  // `kept`: no adapter for it here (no SMTP_URL, a simulation...), so it only waits.
  const how = stored?.status === 'kept' ? 'kept in the outbox' : 'queued';
  return {
    outcome: 'done',
    message: `${a.type} ${how}${item.to ? ` to ${redactSecrets(item.to)}` : ''}`,
    data: { outboxId: item.id },
  };
}

export async function addComment(
  input: ActionInput,
  a: Extract<Action, { type: 'add_comment' }>,
): Promise<ActionOutcome> {
  const text = input.ctx.templates.render(a.text, await context(input), 'comment');
  log(input.ctx, input.record.id, {
    kind: 'comment',
    ruleId: input.prepared.rule.id,
    modelId: input.set.modelId,
    version: input.set.version,
    message: text,
  });
  return { outcome: 'done', message: 'comment added' };
}
