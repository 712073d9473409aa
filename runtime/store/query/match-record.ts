import type { RecordDoc } from '../../domain/record.js';
import type { RecordQuery } from '../../domain/record-query.js';

const oneOf = (want: string | readonly string[], have: unknown): boolean =>
  typeof want === 'string' ? have === want : want.includes(have as string);

/** Whether a record meets every condition of the query (see `RecordQuery`). */
export function matchRecord(r: RecordDoc, q: RecordQuery): boolean {
  if (q.entity !== undefined && r.entity !== q.entity) return false;
  if (q.model !== undefined && r.model !== q.model) return false;
  if (q.pipeline !== undefined && r.pipeline !== q.pipeline) return false;
  if (q.stage !== undefined && !oneOf(q.stage, r.stage)) return false;
  if (q.responsible !== undefined && !oneOf(q.responsible, r.fields.responsible)) return false;
  if (q.stageLimits !== undefined && r.pipeline !== undefined) {
    const allowed = Object.hasOwn(q.stageLimits, r.pipeline)
      ? q.stageLimits[r.pipeline]
      : undefined;
    if (allowed !== undefined && !allowed.includes(r.stage as string)) return false;
  }
  if (q.updatedSince !== undefined && r.updatedAt < q.updatedSince) return false;
  if (q.fields !== undefined)
    for (const [k, v] of Object.entries(q.fields)) if (r.fields[k] !== v) return false;
  if (q.text !== undefined) {
    const title = r.fields.title;
    if (typeof title !== 'string' || !title.toLowerCase().includes(q.text.toLowerCase()))
      return false;
  }
  if (q.amount !== undefined) {
    const a = r.fields.amount;
    if (typeof a !== 'number') return false;
    if (q.amount.min !== undefined && a < q.amount.min) return false;
    if (q.amount.max !== undefined && a > q.amount.max) return false;
  }
  return true;
}
