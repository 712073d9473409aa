import fc from 'fast-check';
import type { AutomationModel } from '../../../schemas/index.js';

/** Keys from a small alphabet so references often collide, as in real models. */
const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const entity = fc.constantFrom('lead', 'deal', 'contact', 'company');
const duration = fc.record({
  value: fc.integer({ min: 0, max: 1000 }),
  unit: fc.constantFrom('minutes', 'hours', 'days', 'weeks'),
});
const direction = fc.constantFrom('before', 'after');
/** Any JSON: conditions are untrusted and may be anything, `__proto__` keys included. */
const logic = fc.jsonValue({ maxDepth: 3 });
const text = fc.string({ maxLength: 30 });

/** Every spelling: `true`/`"shift"` move into working hours, `"count"` needs a delay. */
const shiftOnly = { workingHours: fc.constantFrom(true, false, 'shift'), calendar: key };
const workingHours = {
  workingHours: fc.constantFrom(true, false, 'shift', 'count'),
  calendar: key,
};
const timing = fc.oneof(
  fc.record({ kind: fc.constant('immediate'), ...shiftOnly }, { requiredKeys: ['kind'] }),
  fc.record(
    { kind: fc.constant('delay'), duration, ...workingHours },
    { requiredKeys: ['kind', 'duration'] },
  ),
  fc.record(
    {
      kind: fc.constant('relative_to_field'),
      field: key,
      direction,
      offset: duration,
      ...workingHours,
    },
    { requiredKeys: ['kind', 'field', 'direction', 'offset'] },
  ),
  fc.record(
    { kind: fc.constant('after_previous'), duration, ...workingHours },
    { requiredKeys: ['kind'] },
  ),
);

const simpleTarget = fc.oneof(
  fc.record({ kind: fc.constant('user'), user: key }),
  fc.record({ kind: fc.constant('queue'), queue: key }),
  fc.record(
    { kind: fc.constant('random'), users: fc.array(key, { maxLength: 3 }), department: key },
    { requiredKeys: ['kind'] },
  ),
);
const assignTarget = fc.oneof(
  simpleTarget,
  fc.record(
    {
      kind: fc.constant('rules'),
      rules: fc.array(fc.record({ condition: logic, target: simpleTarget }), {
        minLength: 1,
        maxLength: 3,
      }),
      otherwise: simpleTarget,
    },
    { requiredKeys: ['kind', 'rules'] },
  ),
);
const person = fc.oneof(
  fc.record({ kind: fc.constantFrom('responsible', 'manager') }),
  fc.record({ kind: fc.constant('user'), user: key }),
  fc.record({ kind: fc.constant('department'), department: key }),
);
const addressee = fc.oneof(
  fc.record({ kind: fc.constantFrom('client', 'responsible', 'manager') }),
  fc.record({ kind: fc.constant('user'), user: key }),
  fc.record({ kind: fc.constant('field'), field: key }),
);

const action = fc.oneof(
  fc.record(
    { type: fc.constant('change_stage'), pipeline: key, stage: key },
    { requiredKeys: ['type', 'stage'] },
  ),
  fc.record(
    { type: fc.constant('assign'), target: assignTarget, skipUnavailable: fc.boolean() },
    { requiredKeys: ['type', 'target'] },
  ),
  fc.record({
    type: fc.constant('update_fields'),
    set: fc.array(fc.record({ field: key, value: logic }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record(
    {
      type: fc.constant('create_task'),
      title: text,
      description: text,
      assignee: person,
      deadline: fc.record(
        {
          from: fc.oneof(fc.constant('now'), fc.record({ field: key })),
          direction,
          offset: duration,
        },
        { requiredKeys: ['from', 'offset'] },
      ),
    },
    { requiredKeys: ['type', 'title', 'assignee'] },
  ),
  fc.record({
    type: fc.constant('notify'),
    recipients: fc.array(person, { minLength: 1, maxLength: 3 }),
    message: text,
  }),
  fc.record({ type: fc.constant('send_email'), to: addressee, template: key }),
  fc.record(
    { type: fc.constant('send_message'), channel: key, to: addressee, template: key },
    { requiredKeys: ['type', 'to', 'template'] },
  ),
  fc.record(
    {
      type: fc.constant('create_linked_record'),
      entity,
      pipeline: key,
      stage: key,
      title: text,
      fieldMap: fc.array(fc.record({ to: key, from: logic }), { maxLength: 2 }),
      assign: assignTarget,
    },
    { requiredKeys: ['type', 'entity'] },
  ),
  fc.record(
    {
      type: fc.constant('webhook'),
      url: fc.constantFrom('https://example.com/hook', 'http://127.0.0.1:9/x'),
      method: fc.constantFrom('POST', 'PUT', 'PATCH', 'GET'),
      headers: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), {
        maxKeys: 3,
      }),
      body: text,
      timeoutMs: fc.integer({ min: 100, max: 60_000 }),
      maxAttempts: fc.integer({ min: 1, max: 10 }),
    },
    { requiredKeys: ['type', 'url'] },
  ),
  fc.record(
    {
      type: fc.constant('convert_lead'),
      createContact: fc.boolean(),
      createCompany: fc.boolean(),
      deal: fc.record({ pipeline: key, stage: key }, { requiredKeys: ['pipeline'] }),
    },
    { requiredKeys: ['type', 'createContact', 'createCompany'] },
  ),
  fc.record({ type: fc.constant('add_comment'), text }),
  fc.record(
    { type: fc.constant('generate_document'), template: key, register: key },
    { requiredKeys: ['type', 'template'] },
  ),
);

const robot = fc.record(
  {
    id: key,
    name: text,
    condition: logic,
    timing,
    onLeaveStage: fc.constantFrom('cancel', 'keep'),
    onAnchorChange: fc.constantFrom('replan', 'keep'),
    action,
  },
  { requiredKeys: ['id', 'timing', 'action'] },
);

const triggerCommon = { id: key, name: text, condition: logic, allowBackwards: fc.boolean() };
const commonKeys = ['id', 'type'] as const;
const trigger = fc.oneof(
  fc.record(
    { type: fc.constant('field_changed'), field: key, ...triggerCommon },
    {
      requiredKeys: [...commonKeys, 'field'],
    },
  ),
  fc.record(
    {
      type: fc.constantFrom(
        'responsible_changed',
        'incoming_email',
        'payment_received',
        'incoming_call',
        'missed_call',
        'inbound_webhook',
        'task_completed',
      ),
      ...triggerCommon,
    },
    { requiredKeys: [...commonKeys] },
  ),
  fc.record(
    { type: fc.constant('incoming_message'), channel: key, ...triggerCommon },
    {
      requiredKeys: [...commonKeys],
    },
  ),
  fc.record(
    { type: fc.constant('form_submitted'), form: key, ...triggerCommon },
    {
      requiredKeys: [...commonKeys],
    },
  ),
  fc.record(
    {
      type: fc.constant('linked_record_stage'),
      entity,
      pipeline: key,
      stage: key,
      ...triggerCommon,
    },
    { requiredKeys: [...commonKeys, 'entity', 'pipeline', 'stage'] },
  ),
  fc.record(
    {
      type: fc.constant('date_reached'),
      field: key,
      direction,
      offset: duration,
      ...triggerCommon,
    },
    { requiredKeys: [...commonKeys, 'field'] },
  ),
);

const stage = fc.record(
  {
    key,
    name: fc.string({ minLength: 1, maxLength: 20 }),
    kind: fc.constantFrom('in_progress', 'success', 'failure'),
    requiredFields: fc.array(key, { maxLength: 3 }),
    robots: fc.array(robot, { maxLength: 4 }),
    triggers: fc.array(trigger, { maxLength: 3 }),
  },
  { requiredKeys: ['key', 'name', 'kind', 'robots', 'triggers'] },
);

const pipeline = fc.record({
  key,
  name: fc.string({ minLength: 1, maxLength: 20 }),
  entity,
  stages: fc.array(stage, { minLength: 1, maxLength: 4 }),
});

const fieldDef = fc.record(
  {
    key,
    label: fc.string({ minLength: 1, maxLength: 20 }),
    type: fc.constantFrom(
      'string',
      'number',
      'money',
      'date',
      'datetime',
      'enum',
      'boolean',
      'user',
      'link',
    ),
    required: fc.boolean(),
    multiple: fc.boolean(),
    options: fc.array(fc.record({ key, label: fc.string({ minLength: 1, maxLength: 10 }) }), {
      maxLength: 3,
    }),
    linkEntity: entity,
  },
  { requiredKeys: ['key', 'label', 'type'] },
);
const entityDef = fc.record({ fields: fc.array(fieldDef, { maxLength: 3 }) });

const name = fc.string({ minLength: 1, maxLength: 20 });
const directory = fc.record({
  users: fc.array(
    fc.record(
      {
        key,
        name,
        department: key,
        manager: key,
        active: fc.boolean(),
        absent: fc.boolean(),
        calendar: key,
      },
      { requiredKeys: ['key', 'name'] },
    ),
    { maxLength: 3 },
  ),
  departments: fc.array(
    fc.record({ key, name, manager: key, parent: key }, { requiredKeys: ['key', 'name'] }),
    { maxLength: 2 },
  ),
  queues: fc.array(fc.record({ key, name, users: fc.array(key, { minLength: 1, maxLength: 3 }) }), {
    maxLength: 2,
  }),
});
const template = fc.record(
  { key, kind: fc.constantFrom('email', 'message', 'document'), name, subject: text, body: text },
  { requiredKeys: ['key', 'kind', 'name', 'body'] },
);
const time = fc.constantFrom('09:00', '13:00', '18:00', '23:59');
const calendar = fc.record(
  {
    key,
    name,
    timeZone: fc.constantFrom('Europe/Moscow', 'UTC', 'Asia/Yekaterinburg'),
    week: fc.record(
      {
        mon: fc.array(fc.record({ from: time, to: time }), { maxLength: 2 }),
        sat: fc.constant([]),
      },
      { requiredKeys: [] },
    ),
    holidays: fc.array(fc.constantFrom('2025-01-01', '2025-05-09'), { maxLength: 2 }),
  },
  { requiredKeys: ['key', 'timeZone', 'week'] },
);
const position = fc.record({ x: fc.integer(), y: fc.integer() });

/**
 * Schema-valid models (shape only: keys may dangle or repeat, which the analyzer, not
 * the compiler, judges). The property tests assert validity with validateModelSchema.
 */
export const automationModel: fc.Arbitrary<AutomationModel> = fc.record(
  {
    schemaVersion: fc.constant(1 as const),
    id: key,
    name,
    description: text,
    entities: fc.record(
      { lead: entityDef, deal: entityDef, contact: entityDef, company: entityDef },
      {
        requiredKeys: [],
      },
    ),
    pipelines: fc.array(pipeline, { maxLength: 3 }),
    directory,
    templates: fc.array(template, { maxLength: 2 }),
    calendars: fc.array(calendar, { maxLength: 2 }),
    defaultCalendar: key,
    layout: fc.record({
      nodes: fc.dictionary(fc.string({ maxLength: 12 }), position, { maxKeys: 4 }),
    }),
  },
  { requiredKeys: ['schemaVersion', 'id', 'name', 'entities', 'pipelines'] },
) as fc.Arbitrary<AutomationModel>;

/** A deep copy with every object's keys in an order drawn from `seed`. */
export function shuffleKeys(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: a tiny deterministic generator, enough to permute keys.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (typeof v !== 'object' || v === null) return v;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [keys[i], keys[j]] = [keys[j] ?? '', keys[i] ?? ''];
    }
    const out = {};
    for (const k of keys) {
      Object.defineProperty(out, k, {
        value: visit((v as Record<string, unknown>)[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return visit(value);
}
