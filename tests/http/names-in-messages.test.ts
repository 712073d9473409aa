import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationModel } from '../../schemas/index.js';
import { startServer, type Harness } from './server-harness.js';

/** A Russian admin's pipeline; keys transliterated from the names. */
const model: AutomationModel = {
  schemaVersion: 1,
  id: 'prodazhi',
  name: 'Продажи',
  entities: { deal: { fields: [{ key: 'adres', label: 'Адрес', type: 'string' }] } },
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
          requiredFields: ['adres'],
          robots: [],
          triggers: [],
        },
      ],
    },
  ],
};

describe('422 answers name stages the way the admin named them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
    expect((await h.call('POST', '/api/models/prodazhi/publish', {})).status).toBe(201);
  });
  afterAll(() => h.close());

  it('moving a deal into "В работе" without its required address: the message says "В работе", the path keeps the key', async () => {
    const deal = (
      await h.call('POST', '/api/records/deals', {
        pipeline: 'prodazhi',
        fields: { title: 'Окна' },
      })
    ).body;
    const refused = await h.call('POST', `/api/records/deals/${deal.id}/move`, {
      stage: 'v_rabote',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('stage "В работе" requires adres');
    expect(refused.body.error.diagnostics[0]).toMatchObject({
      path: '/fields/adres',
      message: '/fields/adres is required to enter "В работе"',
      params: { field: 'adres', stage: 'В работе' },
    });
  });

  it('moving into the stage it is in: 409 naming the stage', async () => {
    const deal = (
      await h.call('POST', '/api/records/deals', {
        pipeline: 'prodazhi',
        fields: { title: 'Двери' },
      })
    ).body;
    const again = await h.call('POST', `/api/records/deals/${deal.id}/move`, {
      stage: 'novaya_zayavka',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('the record is already in "Новая заявка"');
  });

  it('publishing a robot with an empty notification: 422 whose diagnostic names the robot and the stage', async () => {
    const broken = structuredClone(model);
    broken.pipelines[0]!.stages[1]!.robots.push({
      id: 'uvedomit',
      name: 'Уведомить менеджера',
      timing: { kind: 'immediate' },
      action: { type: 'notify', recipients: [{ kind: 'responsible' }], message: '  ' },
    });
    expect((await h.call('PUT', '/api/models/prodazhi', broken)).status).toBe(200);
    const refused = await h.call('POST', '/api/models/prodazhi/publish', {});
    expect(refused.status).toBe(422);
    const [d] = refused.body.error.diagnostics;
    expect(d).toMatchObject({
      code: 'EMPTY_TEXT',
      path: '/pipelines/0/stages/1/robots/0/action/message',
      params: { robot: 'Уведомить менеджера' },
    });
    expect(d.message).toContain('"Уведомить менеджера"');
  });
});
