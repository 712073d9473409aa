import type { Action } from '../../../schemas/index.js';
import type { ActionInput, ActionOutcome } from '../action-host.js';
import { templateContext } from '../template-context.js';

/** The register a document lands in when the action names none. */
export const DEFAULT_REGISTER = 'documents';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/** A template body that is a fragment gets a minimal page around it, so it opens as one. */
function asPage(title: string, body: string): string {
  if (/<html[\s>]/i.test(body)) return body;
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

/**
 * Renders a template with the record's data and stores it as an HTML document listed
 * in a register; the outbox gets a `stored` item pointing at it (the simulation and
 * the record's outbox show it like any other outgoing item).
 */
export async function generateDocument(
  input: ActionInput,
  a: Extract<Action, { type: 'generate_document' }>,
): Promise<ActionOutcome> {
  const template = input.set.ruleSet.templates.find((t) => t.key === a.template);
  if (template === undefined)
    return { outcome: 'failed', message: `template ${a.template} not found` };
  const ctx = await templateContext(
    input.ctx,
    input.set,
    input.dir,
    input.record,
    input.event.payload,
  );
  const render = input.ctx.templates;
  const title =
    template.subject === undefined ? template.key : render.render(template.subject, ctx, 'title');
  const content = asPage(title, render.render(template.body, ctx, 'document'));
  const register = a.register ?? DEFAULT_REGISTER;
  const id = input.ctx.ids.next('doc');
  const common = {
    recordId: input.record.id,
    createdAt: input.ctx.now,
    ruleId: input.prepared.rule.id,
    idempotencyKey: input.idempotencyKey,
    template: template.key,
  };
  input.ctx.tx.put('documents', id, {
    id,
    ...common,
    register,
    title,
    mediaType: 'text/html',
    content,
  });
  const outboxId = input.ctx.ids.next('out');
  await input.ctx.outbox.deliver(input.ctx.tx, {
    id: outboxId,
    ...common,
    kind: 'generate_document',
    subject: title,
    body: content,
    status: 'stored',
    documentId: id,
  });
  return {
    outcome: 'done',
    message: `document "${title}" stored in register ${register}`,
    data: { documentId: id, outboxId, register },
  };
}
