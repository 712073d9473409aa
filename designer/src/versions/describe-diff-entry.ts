import type { TFunction } from 'i18next';
import type { AutomationModel, Duration } from '../../../schemas/index.js';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { describeDuration } from '../canvas/describe.js';

/** Where a node's own properties start in a diff path (the rest is the property). */
const NODE_PATH =
  /^(\/pipelines\/\d+(\/stages\/\d+(\/(robots|triggers)\/\d+)?)?|\/entities\/[^/]+\/fields\/\d+|\/(templates|calendars)\/\d+|\/directory\/\w+\/\d+)/;

const SUBJECTS = [
  'model',
  'pipeline',
  'stage',
  'robot',
  'trigger',
  'field',
  'template',
  'calendar',
  'directory',
] as const;

/** Reads a JSON Pointer in a model (RFC 6901). */
function at(model: unknown, pointer: string): unknown {
  let v = model;
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const isDuration = (v: unknown): v is Duration =>
  typeof v === 'object' && v !== null && 'value' in v && 'unit' in v;

/**
 * One diff entry as a sentence in the UI language, with the names the admin typed:
 * "Robot “Remind” waits 15 min instead of 10 min", "Stage “Paid” renamed from “Payed”".
 * `format` renders other values (numbers, texts, lists) as the list did before.
 *
 * @example describeDiffEntry(t, entry, { label: 'Remind', format: String, after: v2 })
 */
export function describeDiffEntry(
  t: TFunction,
  e: ModelDiffEntry,
  o: {
    label?: string | undefined;
    format: (v: unknown) => string;
    before?: AutomationModel | undefined;
    after?: AutomationModel | undefined;
  },
): string {
  const prefix = e.nodeId.split(':')[0] ?? '';
  const kind = (SUBJECTS as readonly string[]).includes(prefix) ? prefix : 'model';
  const name = o.label ?? e.nodeId.slice(prefix.length + 1);
  const subject = t(`diff.subject.${kind}`, { name });
  if (e.kind === 'added') return t('diff.added', { subject });
  if (e.kind === 'removed') return t('diff.removed', { subject });
  const rel = e.path.replace(NODE_PATH, '');
  // A delay's number changed: say it with its unit (from the newer model).
  const durationPath = /\/(duration|offset)(\/value)?$/.exec(rel);
  if (durationPath) {
    const base = e.path.replace(/\/value$/, '');
    const unitAfter = at(o.after, `${base}/unit`);
    const unitBefore = at(o.before, `${base}/unit`) ?? unitAfter;
    const as = (v: unknown, unit: unknown): string | undefined => {
      if (isDuration(v)) return describeDuration(t, v);
      if (typeof v === 'number' && typeof unit === 'string')
        return describeDuration(t, { value: v, unit } as Duration);
      return undefined;
    };
    const after = as(e.after, unitAfter);
    const before = as(e.before, unitBefore);
    if (after && before) return t('diff.waits', { subject, after, before });
  }
  if (rel === '/name' && typeof e.after === 'string' && typeof e.before === 'string')
    return t('diff.renamed', {
      subject: t(`diff.subject.${kind}`, { name: e.after }),
      before: e.before,
    });
  const segments = rel.split('/').filter((s) => s !== '' && !/^\d+$/.test(s) && !s.startsWith('$'));
  const property = segments.map((s) => t(`diff.prop.${s}`, { defaultValue: s })).join(' › ');
  if (rel === '' || property === '') return t('diff.reordered', { subject });
  if (e.before === undefined) return t('diff.set', { subject, property, after: o.format(e.after) });
  if (e.after === undefined)
    return t('diff.unset', { subject, property, before: o.format(e.before) });
  return t('diff.changed', {
    subject,
    property,
    after: o.format(e.after),
    before: o.format(e.before),
  });
}
