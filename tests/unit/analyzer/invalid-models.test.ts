import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  type AutomationModel,
  type Robot,
  type Stage,
} from '../../../schemas/index.js';
import { validModel } from './fixtures/valid-model.js';

type Mutate = (m: AutomationModel) => void;
interface Row {
  readonly name: string;
  readonly mutate: Mutate;
  readonly code: string;
  readonly path: string;
  /** A piece the message must contain. */
  readonly says?: string;
}

const pipe = (m: AutomationModel, i: number) =>
  m.pipelines[i] as AutomationModel['pipelines'][number];
const stageAt = (m: AutomationModel, p: number, s: number): Stage => pipe(m, p).stages[s] as Stage;
const robotAt = (m: AutomationModel, p: number, s: number, r: number): Robot =>
  stageAt(m, p, s).robots[r] as Robot;
const setAction = (
  m: AutomationModel,
  p: number,
  s: number,
  r: number,
  action: Robot['action'],
) => {
  robotAt(m, p, s, r).action = action;
};
const emptyStage = (key: string): Stage => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
});
const immediate = { kind: 'immediate' } as const;

// Pipelines of the fixture: 0 sales, 1 logistics, 2 subscriptions, 3 calls, 4 leads.
const ROWS: Row[] = [
  {
    name: 'schema: a missing name',
    mutate: (m) => delete (m as Partial<AutomationModel>).name,
    code: 'SCHEMA',
    path: '/name',
  },
  {
    name: 'schema: an unknown action type',
    mutate: (m) => ((robotAt(m, 0, 0, 0).action as { type: string }).type = 'notifyy'),
    code: 'SCHEMA',
    path: '/pipelines/0/stages/0/robots/0/action/type',
  },
  {
    name: 'an operation outside the allow-list',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { log: 1 }),
    code: 'LOGIC_UNKNOWN_OPERATION',
    path: '/pipelines/0/stages/0/robots/2/condition/log',
  },
  {
    name: 'an unsafe var path',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { var: '__proto__.x' }),
    code: 'LOGIC_UNSAFE_PATH',
    path: '/pipelines/0/stages/0/robots/2/condition/var',
  },
  {
    name: 'an operation object with two keys',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { '==': [1, 1], '!=': [1, 2] }),
    code: 'LOGIC_MALFORMED',
    path: '/pipelines/0/stages/0/robots/2/condition',
  },
  {
    name: 'a condition nested too deep',
    mutate: (m) => {
      let logic: unknown = true;
      for (let i = 0; i < 40; i += 1) logic = { '!': logic };
      robotAt(m, 0, 0, 2).condition = logic;
    },
    code: 'LOGIC_TOO_DEEP',
    path: '/pipelines/0/stages/0/robots/2/condition' + '/!'.repeat(33),
  },
  {
    name: 'a condition too large',
    mutate: (m) =>
      (robotAt(m, 0, 0, 2).condition = { or: Array.from({ length: 2100 }, () => false) }),
    code: 'LOGIC_TOO_LARGE',
    path: '/pipelines/0/stages/0/robots/2/condition',
  },
  {
    name: 'two pipelines with one key',
    mutate: (m) => (pipe(m, 2).key = 'sales'),
    code: 'DUPLICATE_KEY',
    path: '/pipelines/2/key',
  },
  {
    name: 'two stages of a pipeline with one key',
    mutate: (m) => (stageAt(m, 2, 1).key = 'onboarding'),
    code: 'DUPLICATE_KEY',
    path: '/pipelines/2/stages/1/key',
    says: 'stage "onboarding" appears twice in pipeline "subscriptions"',
  },
  {
    name: 'a trigger reusing a robot id',
    mutate: (m) => ((stageAt(m, 0, 1).triggers[0] as { id: string }).id = 'distribute'),
    code: 'DUPLICATE_KEY',
    path: '/pipelines/0/stages/1/triggers/0/id',
  },
  {
    name: 'a custom field named like a standard field',
    mutate: (m) =>
      m.entities.deal?.fields.push({ key: 'amount', label: 'Amount 2', type: 'number' }),
    code: 'DUPLICATE_KEY',
    path: '/entities/deal/fields/8/key',
  },
  {
    name: 'two users with one key',
    mutate: (m) => m.directory?.users.push({ key: 'ivanov', name: 'Another Ivanov' }),
    code: 'DUPLICATE_KEY',
    path: '/directory/users/3/key',
  },
  {
    name: 'two templates with one key',
    mutate: (m) => m.templates?.push({ key: 'welcome', kind: 'email', name: 'Again', body: 'x' }),
    code: 'DUPLICATE_KEY',
    path: '/templates/3/key',
  },
  {
    name: 'change_stage to a stage of another pipeline',
    mutate: (m) => setAction(m, 1, 0, 0, { type: 'change_stage', stage: 'paid' }),
    code: 'UNKNOWN_STAGE',
    path: '/pipelines/1/stages/0/robots/0/action/stage',
    says: 'stage "paid" is not a stage of pipeline "logistics"',
  },
  {
    name: 'change_stage to an unknown pipeline',
    mutate: (m) => setAction(m, 1, 0, 0, { type: 'change_stage', pipeline: 'nope', stage: 'new' }),
    code: 'UNKNOWN_PIPELINE',
    path: '/pipelines/1/stages/0/robots/0/action/pipeline',
  },
  {
    name: 'change_stage into a pipeline of another entity',
    mutate: (m) => setAction(m, 1, 0, 0, { type: 'change_stage', pipeline: 'leads', stage: 'new' }),
    code: 'PIPELINE_ENTITY_MISMATCH',
    path: '/pipelines/1/stages/0/robots/0/action/pipeline',
    says: 'holds lead records, not deal records',
  },
  {
    name: 'a linked-record trigger naming an unknown stage',
    mutate: (m) => ((stageAt(m, 0, 3).triggers[0] as { stage: string }).stage = 'lost_parcel'),
    code: 'UNKNOWN_STAGE',
    path: '/pipelines/0/stages/3/triggers/0/stage',
  },
  {
    name: 'create_linked_record into an unknown stage',
    mutate: (m) =>
      setAction(m, 3, 5, 0, {
        type: 'create_linked_record',
        entity: 'deal',
        pipeline: 'sales',
        stage: 'gone',
      }),
    code: 'UNKNOWN_STAGE',
    path: '/pipelines/3/stages/5/robots/0/action/stage',
  },
  {
    name: 'a condition comparing the stage with an unknown stage key',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { '!=': [{ var: 'stage' }, 'in_work'] }),
    code: 'UNKNOWN_STAGE',
    path: '/pipelines/0/stages/0/robots/2/condition/!=/1',
  },
  {
    name: 'a condition reading an unknown field',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { '>': [{ var: 'budget' }, 5] }),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/0/stages/0/robots/2/condition/>/0/var',
    says: 'deal has no field "budget"',
  },
  {
    name: 'a required field that does not exist',
    mutate: (m) => (stageAt(m, 3, 2).requiredFields = ['next_contact', 'next_call']),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/3/stages/2/requiredFields/1',
  },
  {
    name: 'update_fields writing an unknown field',
    mutate: (m) =>
      setAction(m, 1, 1, 1, { type: 'update_fields', set: [{ field: 'discont', value: 0 }] }),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/1/stages/1/robots/1/action/set/0/field',
  },
  {
    name: 'a field_changed trigger on an unknown field',
    mutate: (m) => ((stageAt(m, 1, 2).triggers[0] as { field: string }).field = 'courier'),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/1/stages/2/triggers/0/field',
  },
  {
    name: 'duplicate control on an unknown field',
    mutate: (m) =>
      (m.entities.lead = {
        fields: m.entities.lead?.fields ?? [],
        duplicates: { fields: ['phone', 'telegram'], against: ['lead', 'contact'] },
      }),
    code: 'UNKNOWN_FIELD',
    path: '/entities/lead/duplicates/fields/1',
    says: 'lead has no field "telegram"',
  },
  {
    name: 'duplicate control on a field the against entity lacks',
    mutate: (m) =>
      (m.entities.lead = {
        fields: m.entities.lead?.fields ?? [],
        duplicates: { fields: ['source'], against: ['contact'] },
      }),
    code: 'UNKNOWN_FIELD',
    path: '/entities/lead/duplicates/fields/0',
    says: 'contact has no field "source"',
  },
  {
    name: 'a duplicate_found trigger of an entity without duplicate control',
    mutate: (m) => stageAt(m, 4, 0).triggers.push({ id: 'dupe', type: 'duplicate_found' }),
    code: 'DUPLICATES_NOT_DECLARED',
    path: '/pipelines/4/stages/0/triggers/0',
    says: 'lead declares no duplicate control',
  },
  {
    name: 'a field mapping into a field the new record lacks',
    mutate: (m) =>
      setAction(m, 0, 2, 0, {
        type: 'create_linked_record',
        entity: 'deal',
        pipeline: 'logistics',
        fieldMap: [{ to: 'weight', from: { var: 'amount' } }],
      }),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/0/stages/2/robots/0/action/fieldMap/0/to',
  },
  {
    name: 'a delay anchored to a number field',
    mutate: (m) => {
      const r = robotAt(m, 2, 1, 0);
      r.timing = {
        kind: 'relative_to_field',
        field: 'discount',
        direction: 'after',
        offset: { value: 1, unit: 'days' },
      };
    },
    code: 'FIELD_NOT_DATE',
    path: '/pipelines/2/stages/1/robots/0/timing/field',
  },
  {
    name: 'a date_reached trigger on an unknown field',
    mutate: (m) => ((stageAt(m, 2, 2).triggers[0] as { field: string }).field = 'ends_at'),
    code: 'UNKNOWN_FIELD',
    path: '/pipelines/2/stages/2/triggers/0/field',
  },
  {
    name: 'a task for an unknown user',
    mutate: (m) =>
      setAction(m, 3, 3, 0, {
        type: 'create_task',
        title: 'x',
        assignee: { kind: 'user', user: 'nobody' },
      }),
    code: 'UNKNOWN_USER',
    path: '/pipelines/3/stages/3/robots/0/action/assignee/user',
  },
  {
    name: 'an assignment rule for an unknown user',
    mutate: (m) => {
      const a = robotAt(m, 0, 0, 1).action;
      if (a.type === 'assign' && a.target.kind === 'rules')
        a.target.rules[1]!.target = { kind: 'user', user: 'kuznetsov' };
    },
    code: 'UNKNOWN_USER',
    path: '/pipelines/0/stages/0/robots/1/action/target/rules/1/target/user',
  },
  {
    name: 'a notification to an unknown department',
    mutate: (m) =>
      setAction(m, 2, 2, 0, {
        type: 'notify',
        recipients: [{ kind: 'department', department: 'hr' }],
        message: 'x',
      }),
    code: 'UNKNOWN_DEPARTMENT',
    path: '/pipelines/2/stages/2/robots/0/action/recipients/0/department',
  },
  {
    name: 'an assignment to an unknown queue',
    mutate: (m) =>
      setAction(m, 0, 0, 1, { type: 'assign', target: { kind: 'queue', queue: 'night' } }),
    code: 'UNKNOWN_QUEUE',
    path: '/pipelines/0/stages/0/robots/1/action/target/queue',
  },
  {
    name: 'a timing in an unknown calendar',
    mutate: (m) => {
      robotAt(m, 0, 0, 2).timing = {
        kind: 'delay',
        duration: { value: 1, unit: 'hours' },
        calendar: 'night',
      };
    },
    code: 'UNKNOWN_CALENDAR',
    path: '/pipelines/0/stages/0/robots/2/timing/calendar',
  },
  {
    name: 'an email with an unknown template',
    mutate: (m) =>
      setAction(m, 0, 3, 0, { type: 'send_email', to: { kind: 'client' }, template: 'welcom' }),
    code: 'UNKNOWN_TEMPLATE',
    path: '/pipelines/0/stages/3/robots/0/action/template',
  },
  {
    name: 'an email with a document template',
    mutate: (m) =>
      setAction(m, 0, 3, 0, { type: 'send_email', to: { kind: 'client' }, template: 'contract' }),
    code: 'TEMPLATE_KIND_MISMATCH',
    path: '/pipelines/0/stages/3/robots/0/action/template',
  },
  {
    name: 'a money field compared with text',
    mutate: (m) => (robotAt(m, 0, 0, 2).condition = { '>': [{ var: 'amount' }, 'abc'] }),
    code: 'CONDITION_TYPE_MISMATCH',
    path: '/pipelines/0/stages/0/robots/2/condition/>/1',
  },
  {
    name: 'a date field compared with a number',
    mutate: (m) =>
      (robotAt(m, 0, 0, 2).condition = { '<': [{ var: 'subscription_end' }, 20250101] }),
    code: 'CONDITION_TYPE_MISMATCH',
    path: '/pipelines/0/stages/0/robots/2/condition/</1',
  },
  {
    name: 'an enum field compared with a value that is not an option',
    mutate: (m) => {
      const a = robotAt(m, 0, 0, 1).action;
      if (a.type === 'assign' && a.target.kind === 'rules')
        a.target.rules[2]!.condition = { '==': [{ var: 'product' }, 'c'] };
    },
    code: 'CONDITION_TYPE_MISMATCH',
    path: '/pipelines/0/stages/0/robots/1/action/target/rules/2/condition/==/1',
    says: '"c" is not an option of enum field "product" (options: a, b)',
  },
  {
    name: 'a placeholder naming an unknown record field',
    mutate: (m) =>
      setAction(m, 1, 1, 0, {
        type: 'create_task',
        title: 'Ship {{ record.weight }}',
        assignee: { kind: 'responsible' },
      }),
    code: 'UNKNOWN_PLACEHOLDER',
    path: '/pipelines/1/stages/1/robots/0/action/title',
    says: '{{ record.weight }} names no field of deal',
  },
  {
    name: 'a template with an unknown root variable',
    mutate: (m) => (m.templates![0]!.body = 'Hello {{ deal.title }}'),
    code: 'UNKNOWN_PLACEHOLDER',
    path: '/templates/0/body',
  },
  {
    name: 'a template used for deals naming a lead-only field',
    mutate: (m) => (m.templates![0]!.subject = 'From {{ record.source }}'),
    code: 'UNKNOWN_PLACEHOLDER',
    path: '/templates/0/subject',
  },
  {
    name: 'a comment that does not parse',
    mutate: (m) => setAction(m, 0, 2, 1, { type: 'add_comment', text: 'Paid {{ record.amount ' }),
    code: 'TEMPLATE_PARSE_ERROR',
    path: '/pipelines/0/stages/2/robots/1/action/text',
  },
  {
    name: 'a template including a file',
    mutate: (m) => (m.templates![2]!.body = "{% include 'header' %} {{ record.title }}"),
    code: 'TEMPLATE_UNSUPPORTED_TAG',
    path: '/templates/2/body',
  },
  {
    name: 'two stages moving records back and forth at once',
    mutate: (m) =>
      stageAt(m, 1, 1).robots.push({
        id: 'back',
        timing: immediate,
        action: { type: 'change_stage', stage: 'new_request' },
      }),
    code: 'CYCLE',
    path: '/pipelines/1/stages/0/robots/0',
    says: 'logistics/new_request -> logistics/preparing -> logistics/new_request',
  },
  {
    name: 'a loop with a delay',
    mutate: (m) =>
      stageAt(m, 1, 1).robots.push({
        id: 'back',
        timing: { kind: 'delay', duration: { value: 1, unit: 'days' } },
        action: { type: 'change_stage', stage: 'new_request' },
      }),
    code: 'POSSIBLE_CYCLE',
    path: '/pipelines/1/stages/0/robots/0',
  },
  {
    name: 'a loop across pipelines through linked records',
    mutate: (m) =>
      stageAt(m, 1, 1).robots.push({
        id: 'rebill',
        timing: immediate,
        action: { type: 'create_linked_record', entity: 'deal', pipeline: 'sales', stage: 'paid' },
      }),
    code: 'CYCLE',
    path: '/pipelines/0/stages/2/robots/0',
    says: 'sales/paid -> logistics/new_request -> logistics/preparing -> sales/paid',
  },
  {
    name: 'a loop through a field_changed trigger',
    mutate: (m) => {
      (stageAt(m, 1, 2).triggers[0] as { allowBackwards?: boolean }).allowBackwards = true;
      stageAt(m, 1, 2).robots.push({
        id: 'hand',
        timing: immediate,
        action: { type: 'change_stage', stage: 'handed' },
      });
      stageAt(m, 1, 3).robots.push({
        id: 'rebook',
        timing: immediate,
        action: { type: 'update_fields', set: [{ field: 'courier_booked', value: true }] },
      });
    },
    code: 'CYCLE',
    path: '/pipelines/1/stages/2/robots/0',
  },
  {
    name: 'a stage of an automation-fed pipeline nothing leads to',
    mutate: (m) => pipe(m, 1).stages.push(emptyStage('archived')),
    code: 'UNREACHABLE_STAGE',
    path: '/pipelines/1/stages/5',
  },
  {
    name: 'a pipeline with eight stages',
    mutate: (m) => pipe(m, 3).stages.push(emptyStage('archived')),
    code: 'TOO_MANY_STAGES',
    path: '/pipelines/3/stages',
  },
  {
    name: 'a delay anchored to an optional date field',
    mutate: (m) => delete stageAt(m, 3, 2).requiredFields,
    code: 'ANCHOR_FIELD_OPTIONAL',
    path: '/pipelines/3/stages/2/robots/0/timing/field',
  },
  {
    name: 'a date_reached trigger on an optional date field',
    mutate: (m) => ((stageAt(m, 2, 2).triggers[0] as { field: string }).field = 'next_contact'),
    code: 'ANCHOR_FIELD_OPTIONAL',
    path: '/pipelines/2/stages/2/triggers/0/field',
  },
  {
    name: 'two robots of a stage writing one field',
    mutate: (m) =>
      stageAt(m, 1, 1).robots.push({
        id: 'reset_discount',
        timing: immediate,
        action: {
          type: 'update_fields',
          set: [
            { field: 'renewed', value: true },
            { field: 'discount', value: 5 },
          ],
        },
      }),
    code: 'CONFLICTING_FIELD_WRITES',
    path: '/pipelines/1/stages/1/robots/2/action/set/1/field',
  },
  {
    name: 'an assignment table with holes at its bounds',
    mutate: (m) => {
      const a = robotAt(m, 4, 0, 0).action;
      if (a.type === 'assign' && a.target.kind === 'rules')
        a.target.rules[1]!.condition = { '<': [100000, { var: 'amount' }, 1000000] };
    },
    code: 'ASSIGNMENT_GAP',
    path: '/pipelines/4/stages/0/robots/0/action/target/rules',
    says: 'Amount exactly 1,000,000 is not assigned',
  },
  {
    name: 'an assignment table whose rules overlap',
    mutate: (m) => {
      const a = robotAt(m, 4, 0, 0).action;
      if (a.type === 'assign' && a.target.kind === 'rules')
        a.target.rules[2]!.condition = { '>=': [{ var: 'amount' }, 1000000] };
    },
    code: 'ASSIGNMENT_OVERLAP',
    path: '/pipelines/4/stages/0/robots/0/action/target/rules/2/condition',
    says: 'for Amount exactly 1,000,000 the earlier rule wins',
  },
  {
    name: 'a mixed assignment table (amount and product) with a hole at amount exactly 500,000',
    mutate: (m) => {
      const robot = stageAt(m, 0, 0).robots.find((r) => r.id === 'distribute');
      if (robot?.action.type !== 'assign' || robot.action.target.kind !== 'rules') return;
      delete robot.action.target.otherwise;
      robot.action.target.rules = [
        {
          condition: { '>': [{ var: 'amount' }, 500000] },
          target: { kind: 'user', user: 'sidorov' },
        },
        {
          condition: { '==': [{ var: 'product' }, 'b'] },
          target: { kind: 'user', user: 'petrov' },
        },
        {
          condition: { '<': [{ var: 'amount' }, 500000] },
          target: { kind: 'queue', queue: 'managers' },
        },
      ];
    },
    code: 'ASSIGNMENT_GAP',
    path: '/pipelines/0/stages/0/robots/1/action/target/rules',
    says: 'Amount exactly 500,000 with Product "Product A" is not assigned',
  },
  {
    name: 'an assignment table with a row the gap check cannot decide and no otherwise',
    mutate: (m) => {
      const robot = stageAt(m, 0, 0).robots.find((r) => r.id === 'distribute');
      if (robot?.action.type !== 'assign' || robot.action.target.kind !== 'rules') return;
      delete robot.action.target.otherwise;
      robot.action.target.rules[1]!.condition = { in: ['vip', { var: 'title' }] };
    },
    code: 'ASSIGNMENT_NOT_CHECKED',
    path: '/pipelines/0/stages/0/robots/1/action/target/rules/1/condition',
    says: 'rule 2 is beyond what the gap check can decide',
  },
  {
    name: 'a task with an empty title',
    mutate: (m) => {
      const robot = stageAt(m, 1, 1).robots.find((r) => r.action.type === 'create_task');
      if (robot?.action.type === 'create_task') robot.action.title = '   ';
    },
    code: 'EMPTY_TEXT',
    path: '/pipelines/1/stages/1/robots/0/action/title',
    says: 'an empty task title',
  },
  {
    name: 'a notification with no text',
    mutate: (m) => {
      const a = robotAt(m, 0, 0, 0).action;
      if (a.type === 'notify') a.message = '';
    },
    code: 'EMPTY_TEXT',
    path: '/pipelines/0/stages/0/robots/0/action/message',
    says: 'an empty notification text',
  },
  {
    name: 'a message template with an empty body',
    mutate: (m) => {
      const t = m.templates?.find((x) => x.kind === 'message');
      if (t) t.body = '\n';
    },
    code: 'EMPTY_TEXT',
    path: '/templates/1/body',
    says: 'has an empty body',
  },
];

describe('analyzeModel on models with one mistake', () => {
  it.each(ROWS)('$name -> $code at $path', ({ mutate, code, path, says }) => {
    const model = validModel();
    mutate(model);
    const found = analyzeModel(model).filter((d) => d.code === code);
    expect(found.map((d) => d.path)).toContain(path);
    if (says)
      expect(
        found
          .filter((d) => d.path === path)
          .map((d) => d.message)
          .join('\n'),
      ).toContain(says);
  });

  it('has a row for every documented code', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(
      new URL('../../../schemas/analyzer/README.md', import.meta.url),
      'utf8',
    );
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(20);
    const covered = new Set(ROWS.map((r) => r.code));
    expect(documented.filter((c) => !covered.has(c as string))).toEqual([]);
    expect([...covered].filter((c) => !documented.includes(c))).toEqual([]);
  });
});
