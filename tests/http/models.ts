/** Small models built inline for HTTP tests. */
const stage = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});

/** Scenario 2's handoff: paid sales deal -> linked logistics deal -> "handed to courier" ships the sale. */
export const handoffModel = {
  schemaVersion: 1,
  id: 'handoff',
  name: 'Sales to logistics',
  entities: {
    deal: {
      fields: [
        { key: 'tracking', label: 'Tracking number', type: 'string' },
        { key: 'address', label: 'Delivery address', type: 'string' },
      ],
    },
  },
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        stage('new'),
        stage('paid', {
          robots: [
            {
              id: 'create_logistics',
              timing: { kind: 'immediate' },
              action: {
                type: 'create_linked_record',
                entity: 'deal',
                pipeline: 'logistics',
                title: 'Delivery: {{ record.title }}',
                fieldMap: [
                  { to: 'amount', from: { var: 'amount' } },
                  { to: 'address', from: { var: 'address' } },
                ],
              },
            },
          ],
        }),
        stage('shipped', {
          triggers: [
            {
              id: 'logistics_handed',
              type: 'linked_record_stage',
              entity: 'deal',
              pipeline: 'logistics',
              stage: 'handed_to_courier',
            },
          ],
        }),
        { ...stage('won'), kind: 'success' },
      ],
    },
    {
      key: 'logistics',
      name: 'Logistics',
      entity: 'deal',
      stages: [
        stage('new_request'),
        stage('handed_to_courier', { requiredFields: ['tracking'] }),
        { ...stage('delivered'), kind: 'success' },
      ],
    },
  ],
};

/** Two stages whose robots move the record to each other: a loop the engine must stop. */
export const loopModel = {
  schemaVersion: 1,
  id: 'ping-pong',
  name: 'Ping pong',
  entities: {},
  pipelines: [
    {
      key: 'loop',
      name: 'Loop',
      entity: 'lead',
      stages: [
        stage('ping', {
          robots: [
            {
              id: 'to_pong',
              condition: { '>=': [{ var: 'amount' }, 0] },
              timing: { kind: 'immediate' },
              action: { type: 'change_stage', stage: 'pong' },
            },
          ],
        }),
        stage('pong', {
          robots: [
            {
              id: 'to_ping',
              condition: { '>=': [{ var: 'amount' }, 0] },
              timing: { kind: 'immediate' },
              action: { type: 'change_stage', stage: 'ping' },
            },
          ],
        }),
      ],
    },
  ],
};
