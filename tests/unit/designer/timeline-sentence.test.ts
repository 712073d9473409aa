import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import {
  timelineEntryOf,
  timelineSentence,
  type TimelineEntryView,
} from '../../../designer/src/board/timeline-sentence.js';
import type { TimelineNames } from '../../../designer/src/board/timeline-sentence.js';
import { RULE_EVENTS } from '../../../schemas/ruleset/ruleset.js';

/**
 * The kinds the runtime's sources write into timelines: the `kind` after each `log(ctx,`
 * and `put`/`append('timeline',` call, and of the `base` entries rules and actions spread.
 * Engine events (`stage_entered`...) written nearby are picked up too; they are allowed.
 */
function kindsInRuntime(dir = 'runtime'): Set<string> {
  const out = new Set<string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) for (const k of kindsInRuntime(path)) out.add(k);
    else if (e.name.endsWith('.ts')) {
      const src = readFileSync(path, 'utf8');
      const calls = /(log\(\s*(?:input\.)?ctx,|(?:put|append)\('timeline',|const base = \{)/g;
      for (const m of src.matchAll(calls)) {
        const kind = /kind: '([a-z_]+)'/.exec(src.slice(m.index, m.index + 400))?.[1];
        if (kind !== undefined) out.add(kind);
      }
    }
  }
  return out;
}

async function tOf(lng: 'en' | 'ru'): Promise<TFunction> {
  const i = createInstance();
  await i.init({
    lng,
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

/** The names the admin typed in the model and the directory. */
const names: TimelineNames = {
  stage: (k) => ({ new: 'New request', proposal: 'Proposal', won: 'Won' })[k] ?? k,
  rule: (id) =>
    ({ 'robot:stamp': 'Stamp proposal date', 'trigger:paid': 'Paid', 'robot:nudge': 'Nudge' })[id],
  field: (k) => ({ amount: 'Amount', proposalDate: 'Proposal date', phone: 'Phone' })[k] ?? k,
  user: (k) => ({ anna: 'Anna Petrova', ivan: 'Ivan Orlov' })[k] ?? k,
  value: (k, v) => (v === null ? '—' : k === 'responsible' ? String(v) : String(v)),
  time: (iso) => `${iso.slice(0, 16).replace('T', ' ')} (Europe/Moscow)`,
};
const anna = { kind: 'person', name: 'Anna Petrova' };
const rule = (ruleId: string, outcome: string, data?: Record<string, unknown>) => ({
  kind: 'rule',
  ruleId,
  outcome,
  message: `${ruleId}: ${outcome}`,
  ...(data === undefined ? {} : { data }),
});
const action = (type: string, outcome: string, data?: Record<string, unknown>, detail = 'x') => ({
  kind: 'action',
  ruleId: 'robot:stamp',
  outcome,
  message: `${type}: ${detail}`,
  ...(data === undefined ? {} : { data }),
});

/** Every kind (and outcome) the engine and services write into a record's timeline. */
const ENTRIES: Array<[string, TimelineEntryView]> = [
  [
    'created',
    { kind: 'record_created', message: 'created deal', data: { stage: 'new' }, actor: anna },
  ],
  ['created bare', { kind: 'record_created', message: 'created deal' }],
  [
    'fields',
    {
      kind: 'fields_changed',
      message: 'changed amount',
      data: { before: { amount: 40 }, after: { amount: 50 } },
      actor: { kind: 'token', name: 'CI' },
    },
  ],
  [
    'moved by robot',
    {
      kind: 'stage_changed',
      ruleId: 'trigger:paid',
      message: 'moved',
      data: { from: { pipeline: 'sales', stage: 'new' }, to: { pipeline: 'sales', stage: 'won' } },
    },
  ],
  ['entered', { kind: 'event', message: 'stage_entered', data: { to: { stage: 'proposal' } } }],
  ['field event', { kind: 'event', message: 'field_changed amount' }],
  ['payment', { kind: 'event', message: 'payment_received', data: { payload: { sum: 1 } } }],
  [
    'event stopped',
    { kind: 'event', outcome: 'stopped', message: 'incoming_call: not handled, the loop guard…' },
  ],
  ['fired', rule('robot:stamp', 'fired', { inputs: {}, result: true })],
  ['false', rule('robot:stamp', 'condition_false', { inputs: { amount: 40 }, result: false })],
  ['failed', rule('robot:stamp', 'failed', { inputs: {}, error: 'budget' })],
  ['already', rule('trigger:paid', 'already_in_stage')],
  ['backwards', rule('trigger:paid', 'backwards_not_allowed')],
  ['wrong stage', rule('robot:stamp', 'wrong_stage')],
  ['wrong pipeline', rule('trigger:paid', 'wrong_pipeline', { reason: 'left_pipeline' })],
  ['anchor empty', rule('robot:nudge', 'skipped', { reason: 'anchor_empty' })],
  ['no working time', rule('robot:nudge', 'skipped', { reason: 'no_working_time' })],
  ['scheduled', rule('robot:nudge', 'scheduled', { dueAt: '2026-12-08T07:00:00.000Z' })],
  [
    'scheduled then',
    rule('robot:nudge', 'scheduled', {
      dueAt: '2026-12-08T07:00:00.000Z',
      followers: ['robot:stamp'],
    }),
  ],
  ['anchor set', rule('robot:nudge', 'anchor_set', { field: 'proposalDate' })],
  ['rule stopped', rule('robot:stamp', 'stopped')],
  [
    'set',
    action('update_fields', 'done', { changes: { proposalDate: 'x' }, changed: ['proposalDate'] }),
  ],
  ['assign', action('assign', 'done', { user: 'ivan' })],
  ['notify', action('notify', 'done', { recipients: ['anna', 'ivan'] })],
  ['task', action('create_task', 'done', { taskId: 't1' })],
  ['email', action('send_email', 'done', { outboxId: 'o1' })],
  ['message', action('send_message', 'done', { outboxId: 'o1' })],
  ['webhook', action('webhook', 'done', { outboxId: 'o1' })],
  ['document', action('generate_document', 'done', { documentId: 'd1' })],
  ['linked', action('create_linked_record', 'done', { recordId: 'c1' })],
  ['convert', action('convert_lead', 'done')],
  ['comment action', action('add_comment', 'done')],
  ['change stage', action('change_stage', 'done')],
  ['action failed', action('send_email', 'failed', undefined, 'template welcome not found')],
  ['action skipped', action('change_stage', 'skipped', undefined, 'already in stage won')],
  ['action stopped', action('create_linked_record', 'stopped')],
  ['action duplicate', action('notify', 'duplicate')],
  ['comment', { kind: 'comment', ruleId: 'robot:stamp', message: 'Call the client' }],
  [
    'loop',
    {
      kind: 'loop_stopped',
      outcome: 'stopped',
      message: 'loop…',
      data: { reason: 'max_steps', limit: 50, count: 51 },
    },
  ],
  [
    'cancelled',
    {
      kind: 'timer_cancelled',
      ruleId: 'robot:nudge',
      message: 'pending …',
      data: { dueAt: '2026-12-08T07:00:00.000Z', reason: 'left_stage', stage: 'proposal' },
    },
  ],
  [
    'dropped timer',
    { kind: 'timer_dropped', ruleId: 'robot:nudge', outcome: 'skipped', message: '…' },
  ],
  [
    'timer fired',
    {
      kind: 'timer_fired',
      ruleId: 'robot:nudge',
      message: '…',
      data: { dueAt: '2026-12-08T07:00:00.000Z' },
    },
  ],
  [
    'parked',
    {
      kind: 'timer_failed',
      ruleId: 'robot:nudge',
      outcome: 'parked',
      message: '…',
      data: { error: 'boom' },
    },
  ],
  [
    'retry',
    {
      kind: 'timer_failed',
      ruleId: 'robot:nudge',
      outcome: 'retry',
      message: '…',
      data: { error: 'boom', retryAt: '2026-12-08T08:00:00.000Z' },
    },
  ],
  [
    'replanned anchor',
    {
      kind: 'timer_replanned',
      ruleId: 'robot:nudge',
      message: '…',
      data: {
        from: '2026-12-08T07:00:00.000Z',
        to: '2026-12-09T07:00:00.000Z',
        reason: 'anchor_changed',
        field: 'proposalDate',
      },
    },
  ],
  [
    'replanned timing',
    {
      kind: 'timer_replanned',
      ruleId: 'robot:nudge',
      message: '…',
      data: { from: 'a', to: 'b', reason: 'timing_changed' },
    },
  ],
  ['retried', { kind: 'timer_retried', ruleId: 'robot:nudge', message: '…', actor: anna }],
  ['sent', { kind: 'delivery', outcome: 'sent', message: '…', data: { attempt: 1 } }],
  [
    'delivery retry',
    { kind: 'delivery', outcome: 'retry', message: '…', data: { attempt: 2, error: 'HTTP 503' } },
  ],
  [
    'dead',
    { kind: 'delivery', outcome: 'dead', message: '…', data: { attempt: 5, error: 'HTTP 500' } },
  ],
  ['dropped', { kind: 'delivery', outcome: 'dropped', message: '…', actor: anna }],
  ['replayed', { kind: 'delivery', outcome: 'replayed', message: '…', actor: anna }],
  [
    'duplicate',
    {
      kind: 'duplicate_found',
      message: '…',
      data: { duplicates: [{ entity: 'contact', id: 'c_7', field: 'phone' }] },
    },
  ],
  ['restored', { kind: 'record_restored', message: 'restored …', actor: anna }],
];

describe("timeline entries read as sentences in the admin's words", () => {
  it('in English, with stage, robot, field and person names', async () => {
    const t = await tOf('en');
    const say = (label: string) =>
      timelineSentence(ENTRIES.find(([l]) => l === label)![1], names, t);
    expect(say('entered')).toBe('Entered stage “Proposal”');
    expect(say('set')).toBe('Robot “Stamp proposal date” ran: set Proposal date');
    expect(say('created')).toBe('Created in stage “New request” — Anna Petrova');
    expect(say('fields')).toBe('Changed Amount: 40 → 50 — token “CI”');
    expect(say('moved by robot')).toBe('Moved from “New request” to “Won” — Trigger “Paid”');
    expect(say('false')).toBe(
      'Robot “Stamp proposal date” did not run: its condition is false (Amount = 40)',
    );
    expect(say('assign')).toBe('Robot “Stamp proposal date” ran: assigned Ivan Orlov');
    expect(say('notify')).toBe(
      'Robot “Stamp proposal date” ran: notified Anna Petrova, Ivan Orlov',
    );
    expect(say('scheduled then')).toBe(
      'Robot “Nudge” planned for 2026-12-08 07:00 (Europe/Moscow), then Stamp proposal date',
    );
    expect(say('cancelled')).toBe(
      'Pending Robot “Nudge” (due 2026-12-08 07:00 (Europe/Moscow)) cancelled: the record left “Proposal”',
    );
    expect(say('replanned anchor')).toContain('“Proposal date” changed');
    expect(say('action failed')).toBe(
      'Robot “Stamp proposal date” could not send an email: template welcome not found',
    );
    expect(say('loop')).toBe(
      'The loop guard stopped the chain: step 51 of the chain is past its limit of 50 steps',
    );
    expect(say('duplicate')).toBe('Possible duplicate of Contact c_7 (same Phone)');
  });

  it('in Russian, with the same names', async () => {
    const t = await tOf('ru');
    const say = (label: string) =>
      timelineSentence(ENTRIES.find(([l]) => l === label)![1], names, t);
    expect(say('entered')).toBe('Вошла в стадию «Proposal»');
    expect(say('set')).toBe('Робот «Stamp proposal date» выполнен: заполнено: Proposal date');
    expect(say('moved by robot')).toBe('Перенесена из «New request» в «Won» — Триггер «Paid»');
    expect(say('restored')).toBe('Восстановлена из корзины — Anna Petrova');
  });

  for (const lng of ['en', 'ru'] as const)
    it(`has a sentence of its own for every kind and outcome (${lng}): no raw kinds, ids or keys`, async () => {
      const t = await tOf(lng);
      for (const [label, entry] of ENTRIES) {
        const said = timelineSentence(entry, names, t);
        expect(said, label).not.toBe(entry.message);
        expect(said, label).not.toMatch(/board\.timeline|robot:|trigger:|\{\{|undefined|_[a-z]+:/);
        // Each kind's words come from the UI language, not the runtime's English message.
        expect(said, label).not.toContain('…');
      }
    });

  it('covers every kind the runtime writes (a new kind fails here until it has its sentence)', () => {
    const covered = new Set<string>([...ENTRIES.map(([, e]) => e.kind), ...RULE_EVENTS]);
    const found = [...kindsInRuntime()];
    expect(found).toContain('action');
    expect(found).toContain('timer_replanned');
    expect(found.filter((k) => !covered.has(k))).toEqual([]);
  });

  it("keeps the runtime's own words for a kind this designer does not know", async () => {
    const t = await tOf('en');
    expect(timelineSentence({ kind: 'future_kind', message: 'something new' }, names, t)).toBe(
      'something new',
    );
  });

  it('reads a route row and drops fields of the wrong type', () => {
    expect(
      timelineEntryOf({
        id: 'tl1',
        kind: 'rule',
        message: 'm',
        ruleId: 5,
        actor: { kind: 'person', name: 'A' },
      }),
    ).toEqual({ kind: 'rule', message: 'm', actor: { kind: 'person', name: 'A' } });
  });
});
