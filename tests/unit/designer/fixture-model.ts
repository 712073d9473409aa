import type { AutomationModel } from '../../../schemas/index.js';

/** Two deal pipelines and a lead pipeline, with robots and triggers, for designer tests. */
export function fixtureModel(): AutomationModel {
  return {
    schemaVersion: 1,
    id: 'demo',
    name: 'Demo',
    entities: {
      deal: {
        fields: [
          {
            key: 'product',
            label: 'Product',
            type: 'enum',
            options: [
              { key: 'a', label: 'A' },
              { key: 'b', label: 'B' },
            ],
          },
          { key: 'end_date', label: 'End date', type: 'date' },
        ],
      },
    },
    directory: {
      users: [
        { key: 'ivanov', name: 'Ivanov' },
        { key: 'sidorov', name: 'Sidorov' },
      ],
      departments: [],
      queues: [{ key: 'managers', name: 'Managers', users: ['ivanov'] }],
    },
    pipelines: [
      {
        key: 'sales',
        name: 'Sales',
        entity: 'deal',
        stages: [
          {
            key: 'new',
            name: 'New',
            kind: 'in_progress',
            robots: [
              {
                id: 'assign1',
                timing: { kind: 'immediate' },
                action: { type: 'assign', target: { kind: 'user', user: 'ivanov' } },
              },
              {
                id: 'later',
                timing: { kind: 'delay', duration: { value: 15, unit: 'minutes' } },
                condition: { '>': [{ var: 'amount' }, 1000] },
                action: { type: 'change_stage', stage: 'won' },
              },
            ],
            triggers: [{ id: 'paid', type: 'payment_received' }],
          },
          { key: 'won', name: 'Won', kind: 'success', robots: [], triggers: [] },
          { key: 'lost', name: 'Lost', kind: 'failure', robots: [], triggers: [] },
        ],
      },
      {
        key: 'logistics',
        name: 'Logistics',
        entity: 'deal',
        stages: [
          { key: 'request', name: 'Request', kind: 'in_progress', robots: [], triggers: [] },
          { key: 'handed', name: 'Handed', kind: 'in_progress', robots: [], triggers: [] },
        ],
      },
      {
        key: 'leads',
        name: 'Leads',
        entity: 'lead',
        stages: [{ key: 'fresh', name: 'Fresh', kind: 'in_progress', robots: [], triggers: [] }],
      },
    ],
  };
}
