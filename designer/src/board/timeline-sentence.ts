import type { TFunction } from 'i18next';

/** A timeline entry as `GET /api/records/:entity/:id/timeline` gives it. */
export interface TimelineEntryView {
  readonly kind: string;
  readonly message: string;
  readonly ruleId?: string;
  readonly outcome?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly actor?: Readonly<{ kind: string; name?: string }>;
}

/** How the drawer names what an entry holds as keys: the names the admin typed. */
export interface TimelineNames {
  /** A stage's name (key when unknown). */
  stage(key: string): string;
  /** A robot's or trigger's name from `robot:<id>` / `trigger:<id>`, if the model has it. */
  rule(ruleId: string): string | undefined;
  /** A field's label (key when unknown). */
  field(key: string): string;
  /** A directory user's name (key when unknown). */
  user(key: string): string;
  /** A field's value as the UI shows it (dates in the calendar's zone, users by name). */
  value(field: string, v: unknown): string;
  /** A moment in the calendar's zone, with the zone named. */
  time(iso: string): string;
}

const ACTION_TYPES = new Set([
  'change_stage',
  'assign',
  'update_fields',
  'create_task',
  'notify',
  'send_email',
  'send_message',
  'webhook',
  'generate_document',
  'create_linked_record',
  'convert_lead',
  'add_comment',
]);
const RULE_OUTCOMES = new Set([
  'fired',
  'already_in_stage',
  'backwards_not_allowed',
  'wrong_stage',
  'wrong_pipeline',
  'anchor_set',
  'stopped',
]);
const CANCEL_REASONS = new Set([
  'left_stage',
  'left_pipeline',
  'anchor_cleared',
  'no_working_time',
  'cancelled_by_api',
  'rule_removed',
  'stage_removed',
]);
const STOP_REASONS = new Set(['max_steps', 'max_created_records', 'max_stage_changes']);
const EVENT_KINDS = new Set([
  'stage_entered',
  'field_changed',
  'responsible_changed',
  'incoming_message',
  'incoming_email',
  'payment_received',
  'form_submitted',
  'incoming_call',
  'missed_call',
  'inbound_webhook',
  'linked_record_stage',
  'date_reached',
  'task_completed',
  'duplicate_found',
]);

type Data = Readonly<Record<string, unknown>>;
const K = 'board.timeline';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Data =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {};
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A row of the timeline route read as an entry (fields of the wrong type are left out). */
export function timelineEntryOf(row: Readonly<Record<string, unknown>>): TimelineEntryView {
  const actor = obj(row.actor);
  return {
    kind: text(row.kind) ?? '',
    message: text(row.message) ?? '',
    ...(typeof row.ruleId === 'string' ? { ruleId: row.ruleId } : {}),
    ...(typeof row.outcome === 'string' ? { outcome: row.outcome } : {}),
    ...(row.data === undefined ? {} : { data: obj(row.data) }),
    ...(typeof actor.kind === 'string'
      ? {
          actor: {
            kind: actor.kind,
            ...(typeof actor.name === 'string' ? { name: actor.name } : {}),
          },
        }
      : {}),
  };
}

/**
 * One timeline entry as a sentence in the UI language, from its kind and parameters
 * (never from the runtime's English message, except as the detail of a failure the
 * runtime alone can word): "Entered stage “Proposal”", "Robot “Stamp proposal date”
 * ran: set Proposal date". Who did it (a person, a token, a robot) closes the line.
 *
 * @example timelineSentence({ kind: 'stage_changed', message: '', data: { from: { stage: 'new' }, to: { stage: 'won' } } }, names, t)
 */
export function timelineSentence(e: TimelineEntryView, names: TimelineNames, t: TFunction): string {
  const data = e.data ?? {};
  const rule = ruleSubject(e, names, t);
  const body = describe(e, data, rule, names, t);
  const who = whoDidIt(e, rule, t);
  return who === undefined ? body : t(`${K}.withWho`, { text: body, who });
}

/** "Robot “Remind”" / "Trigger “Paid”", or undefined for entries without a rule. */
function ruleSubject(e: TimelineEntryView, names: TimelineNames, t: TFunction): string | undefined {
  if (e.ruleId === undefined) return undefined;
  const name = names.rule(e.ruleId) ?? e.ruleId.replace(/^(robot|trigger):/, '');
  return t(e.ruleId.startsWith('trigger:') ? `${K}.trigger` : `${K}.robot`, { name });
}

/** Who asked, for entries a request wrote (the rule's entries already name it). */
function whoDidIt(
  e: TimelineEntryView,
  rule: string | undefined,
  t: TFunction,
): string | undefined {
  const a = e.actor;
  // An event follows from the change before it, which already names who made it.
  if (e.kind === 'event') return undefined;
  if (a !== undefined) {
    if (a.kind === 'token') return t(`${K}.token`, { name: a.name ?? '' });
    if (a.kind === 'robot') return undefined;
    return a.name;
  }
  // Changes a rule made: the sentence has no subject of its own.
  return ['record_created', 'fields_changed', 'stage_changed'].includes(e.kind) ? rule : undefined;
}

function describe(
  e: TimelineEntryView,
  data: Data,
  rule: string | undefined,
  names: TimelineNames,
  t: TFunction,
): string {
  const r = rule ?? '';
  switch (e.kind) {
    case 'record_created': {
      const stage = text(data.stage);
      return stage === undefined
        ? t(`${K}.created`)
        : t(`${K}.createdIn`, { stage: names.stage(stage) });
    }
    case 'fields_changed': {
      const before = obj(data.before);
      const after = obj(data.after);
      const changes = Object.keys(after).map((k) =>
        t(`${K}.change`, {
          field: names.field(k),
          before: names.value(k, before[k]),
          after: names.value(k, after[k]),
        }),
      );
      return t(`${K}.fieldsChanged`, { changes: changes.join('; ') });
    }
    case 'stage_changed':
      return t(`${K}.moved`, {
        from: names.stage(text(obj(data.from).stage) ?? '—'),
        to: names.stage(text(obj(data.to).stage) ?? '—'),
      });
    case 'event':
      return describeEvent(e, data, names, t);
    case 'rule':
      return describeRule(e, data, r, names, t);
    case 'action':
      return describeAction(e, data, r, names, t);
    case 'comment':
      return t(`${K}.comment`, { rule: r, text: e.message });
    case 'loop_stopped':
      return describeLoopStop(data, t);
    case 'timer_cancelled': {
      const reason = text(data.reason) ?? '';
      const stage = names.stage(text(data.stage) ?? '');
      return t(`${K}.timerCancelled`, {
        rule: r,
        at: names.time(text(data.dueAt) ?? ''),
        why: CANCEL_REASONS.has(reason) ? t(`${K}.cancelReason.${reason}`, { stage }) : e.message,
      });
    }
    case 'timer_dropped':
      return t(`${K}.timerDropped`, { rule: r });
    case 'timer_fired':
      return t(`${K}.timerFired`, { rule: r, at: names.time(text(data.dueAt) ?? '') });
    case 'timer_failed': {
      const error = text(data.error) ?? '';
      const retryAt = text(data.retryAt);
      return retryAt === undefined
        ? t(`${K}.timerParked`, { rule: r, error })
        : t(`${K}.timerRetry`, { rule: r, error, at: names.time(retryAt) });
    }
    case 'timer_replanned': {
      const field = text(data.field);
      return t(`${K}.timerReplanned`, {
        rule: r,
        from: names.time(text(data.from) ?? ''),
        to: names.time(text(data.to) ?? ''),
        why:
          data.reason === 'anchor_changed' && field !== undefined
            ? t(`${K}.replanReason.anchor`, { field: names.field(field) })
            : t(`${K}.replanReason.timing`),
      });
    }
    case 'timer_retried':
      return t(`${K}.timerRetried`, { rule: r });
    case 'delivery':
      return describeDelivery(e, data, t);
    case 'duplicate_found': {
      const list = Array.isArray(data.duplicates) ? data.duplicates.map(obj) : [];
      return t(`${K}.duplicate`, {
        list: list
          .map((d) =>
            t(`${K}.duplicateOf`, {
              entity: t(`entity.${text(d.entity) ?? 'deal'}`),
              id: text(d.id) ?? '',
              field: names.field(text(d.field) ?? ''),
            }),
          )
          .join(', '),
      });
    }
    case 'record_restored':
      return t(`${K}.restored`);
    default:
      // A kind this designer does not know yet (a newer runtime): its own words.
      return e.message;
  }
}

function describeEvent(e: TimelineEntryView, data: Data, names: TimelineNames, t: TFunction) {
  // The runtime writes the event's kind, then the field it is about, if any.
  const [kind = '', field] = e.message.replace(/:.*$/, '').split(' ');
  const to = text(obj(data.to).stage);
  const said =
    kind === 'stage_entered' && to !== undefined
      ? t(`${K}.event.enteredStage`, { stage: names.stage(to) })
      : kind === 'field_changed' && field !== undefined
        ? t(`${K}.event.fieldChanged`, { field: names.field(field) })
        : EVENT_KINDS.has(kind)
          ? t(`${K}.event.${kind}`)
          : e.message;
  return e.outcome === 'stopped' ? t(`${K}.event.notHandled`, { event: said }) : said;
}

function describeRule(
  e: TimelineEntryView,
  data: Data,
  rule: string,
  names: TimelineNames,
  t: TFunction,
): string {
  const outcome = e.outcome ?? '';
  switch (outcome) {
    case 'condition_false': {
      const inputs = Object.entries(obj(data.inputs))
        .map(([k, v]) => `${names.field(k)} = ${names.value(k, v)}`)
        .join(', ');
      return t(`${K}.rule.conditionFalse`, { rule, inputs: inputs || '—' });
    }
    case 'failed':
      return t(`${K}.rule.conditionFailed`, { rule, error: text(data.error) ?? e.message });
    case 'scheduled': {
      const followers = strings(data.followers).map((id) => names.rule(id) ?? id);
      const at = names.time(text(data.dueAt) ?? '');
      return followers.length === 0
        ? t(`${K}.rule.scheduled`, { rule, at })
        : t(`${K}.rule.scheduledThen`, { rule, at, then: followers.join(', ') });
    }
    case 'skipped':
      return t(
        data.reason === 'no_working_time' ? `${K}.rule.noWorkingTime` : `${K}.rule.anchorEmpty`,
        { rule },
      );
    case 'anchor_set':
      return t(`${K}.rule.anchor_set`, { rule, field: names.field(text(data.field) ?? '') });
    default:
      return RULE_OUTCOMES.has(outcome)
        ? t(`${K}.rule.${outcome}`, { rule })
        : t(`${K}.other`, { subject: rule, text: e.message });
  }
}

function describeAction(
  e: TimelineEntryView,
  data: Data,
  rule: string,
  names: TimelineNames,
  t: TFunction,
): string {
  // The entry keeps the action's type only as its message's prefix (`update_fields: …`).
  const colon = e.message.indexOf(': ');
  const type = colon < 0 ? '' : e.message.slice(0, colon);
  const detail = colon < 0 ? e.message : e.message.slice(colon + 2);
  if (!ACTION_TYPES.has(type)) return t(`${K}.other`, { subject: rule, text: e.message });
  const action = t(`${K}.actionName.${type}`);
  switch (e.outcome) {
    case 'done':
      return t(`${K}.action.done`, { rule, did: didWhat(type, data, names, t) });
    case 'duplicate':
      return t(`${K}.action.duplicate`, { rule, action });
    case 'stopped':
      return t(`${K}.action.stopped`, { rule, action });
    case 'skipped':
      return t(`${K}.action.skipped`, { rule, action, detail });
    default:
      return t(`${K}.action.failed`, { rule, action, detail });
  }
}

/** What a done action did: "set Proposal date", "assigned Anna Petrova". */
function didWhat(type: string, data: Data, names: TimelineNames, t: TFunction): string {
  switch (type) {
    case 'update_fields': {
      const changed = strings(data.changed);
      const keys = changed.length > 0 ? changed : Object.keys(obj(data.changes));
      return t(`${K}.did.update_fields`, { fields: keys.map((k) => names.field(k)).join(', ') });
    }
    case 'assign':
      return t(`${K}.did.assign`, { user: names.user(text(data.user) ?? '') });
    case 'notify':
      return t(`${K}.did.notify`, {
        people: strings(data.recipients)
          .map((u) => names.user(u))
          .join(', '),
      });
    default:
      return t(`${K}.did.${type}`);
  }
}

function describeLoopStop(data: Data, t: TFunction): string {
  const reason = text(data.reason) ?? '';
  if (!STOP_REASONS.has(reason)) return t(`${K}.loopStopped`, { why: '' }).trim();
  return t(`${K}.loopStopped`, {
    why: t(`simulation.loopStopped.${reason}`, { limit: data.limit, count: data.count }),
  });
}

function describeDelivery(e: TimelineEntryView, data: Data, t: TFunction): string {
  const error = text(data.error) ?? '';
  switch (e.outcome) {
    case 'sent':
      return t(`${K}.delivery.sent`, { attempt: data.attempt });
    case 'retry':
      return t(`${K}.delivery.retry`, { attempt: data.attempt, error });
    case 'dead':
      return t(`${K}.delivery.dead`, { error });
    case 'dropped':
      return t(`${K}.delivery.dropped`);
    case 'replayed':
      return t(`${K}.delivery.replayed`);
    default:
      return e.message;
  }
}
