import { describe, expect, it } from 'vitest';
import type { AutomationModel } from '../../../schemas/index.js';
import { formatSimulation } from '../../../runtime/simulation/format-simulation.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';

/** A Russian admin's pipeline: keys transliterated from the names they typed. */
const model: AutomationModel = {
  schemaVersion: 1,
  id: 'prodazhi',
  name: 'Продажи',
  entities: {},
  pipelines: [
    {
      key: 'prodazhi',
      name: 'Продажи',
      entity: 'deal',
      stages: [
        {
          key: 'novaya_zayavka',
          name: 'Новая заявка',
          kind: 'in_progress',
          robots: [],
          triggers: [],
        },
        {
          key: 'v_rabote',
          name: 'В работе',
          kind: 'in_progress',
          robots: [
            {
              id: 'uvedomit',
              name: 'Уведомить менеджера',
              timing: { kind: 'immediate' },
              action: {
                type: 'notify',
                recipients: [{ kind: 'responsible' }],
                message:
                  'Сделка {{ record.title }}: «{{ record.stageName }}» в воронке «{{ record.pipelineName }}» ({{ record.stage }})',
              },
            },
          ],
          triggers: [],
        },
        { key: 'uspeshno', name: 'Успешно', kind: 'success', robots: [], triggers: [] },
      ],
    },
  ],
  directory: { users: [{ key: 'ivanov', name: 'Иванов' }], departments: [], queues: [] },
};

const run = () =>
  runSimulation({
    model,
    scenario: {
      horizon: { value: 1, unit: 'hours' },
      steps: [
        {
          at: { value: 0, unit: 'minutes' },
          do: 'create',
          ref: 'a',
          entity: 'deal',
          pipeline: 'prodazhi',
          fields: { title: 'Окна', responsible: 'ivanov' },
        },
        { at: { value: 5, unit: 'minutes' }, do: 'move', ref: 'a', stage: 'v_rabote' },
      ],
    },
  });

describe("the timeline speaks the admin's names, not keys", () => {
  it('a manager moves a deal from "Новая заявка" to "В работе": the step and the stage change say so', async () => {
    const result = await run();
    const messages = result.timeline.map((e) => e.message);
    expect(messages).toContain('created deal in "Продажи", stage "Новая заявка"');
    expect(messages).toContain('moved "Новая заявка" -> "В работе"');
    const change = result.timeline.find((e) => e.kind === 'stage_changed');
    expect(change?.message).toBe('moved "Новая заявка" -> "В работе"');
    // Machines keep the keys.
    expect(change?.data).toMatchObject({ to: { pipeline: 'prodazhi', stage: 'v_rabote' } });
  });

  it('{{ record.stageName }} and {{ record.pipelineName }} render the names in a notification', async () => {
    const result = await run();
    expect(result.notifications.map((n) => (n as { message?: unknown }).message)).toEqual([
      'Сделка Окна: «В работе» в воронке «Продажи» (v_rabote)',
    ]);
  });

  it('the text timeline (conveyor simulate) names the robot and the stages', async () => {
    const text = formatSimulation(await run(), model);
    expect(text).toContain('moved "Новая заявка" -> "В работе"');
    expect(text).toContain('robot "Уведомить менеджера"');
  });
});
