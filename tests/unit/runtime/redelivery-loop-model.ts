/**
 * A loop through a delayed robot: a sale in "Paid" creates a delivery deal and waits
 * for it; an hour later the delivery comes back "Returned", which moves the sale back
 * to "Paid", which creates the next delivery. Nothing ends it unless the sale's
 * `max_attempts` is set (then only that many deliveries are made).
 */
const stage = (key: string, name: string, extra: Record<string, unknown> = {}) => ({
  key,
  name,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});

export function redeliveryLoopModel(loopGuard?: Record<string, number>): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'redelivery',
    name: 'Redelivery loop',
    ...(loopGuard === undefined ? {} : { settings: { loopGuard } }),
    entities: {
      deal: {
        fields: [
          { key: 'attempts', label: 'Delivery attempts', type: 'number' },
          { key: 'max_attempts', label: 'Attempts allowed', type: 'number' },
        ],
      },
    },
    pipelines: [
      {
        key: 'sales',
        name: 'Sales',
        entity: 'deal',
        stages: [
          stage('new', 'New'),
          stage('paid', 'Paid', {
            triggers: [
              {
                id: 'delivery_returned',
                type: 'linked_record_stage',
                entity: 'deal',
                pipeline: 'delivery',
                stage: 'returned',
                allowBackwards: true,
                // Without max_attempts nothing ends the loop.
                condition: {
                  or: [
                    { '!': [{ var: 'max_attempts' }] },
                    { '<': [{ var: 'attempts' }, { var: 'max_attempts' }] },
                  ],
                },
              },
            ],
            robots: [
              {
                id: 'count_attempt',
                timing: { kind: 'immediate' },
                action: {
                  type: 'update_fields',
                  set: [{ field: 'attempts', value: { '+': [{ var: ['attempts', 0] }, 1] } }],
                },
              },
              {
                id: 'create_delivery',
                timing: { kind: 'immediate' },
                action: {
                  type: 'create_linked_record',
                  entity: 'deal',
                  pipeline: 'delivery',
                  title: 'Delivery of {{ record.title }}',
                },
              },
              {
                id: 'wait_for_delivery',
                timing: { kind: 'immediate' },
                action: { type: 'change_stage', stage: 'awaiting_delivery' },
              },
            ],
          }),
          stage('awaiting_delivery', 'Awaiting delivery'),
        ],
      },
      {
        key: 'delivery',
        name: 'Delivery',
        entity: 'deal',
        stages: [
          stage('new_request', 'New request', {
            robots: [
              {
                id: 'courier_returns',
                timing: { kind: 'delay', duration: { value: 1, unit: 'hours' } },
                action: { type: 'change_stage', stage: 'returned' },
              },
            ],
          }),
          stage('returned', 'Returned'),
        ],
      },
    ],
  };
}
