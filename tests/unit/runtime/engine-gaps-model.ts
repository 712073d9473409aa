/** A small model for the engine-gap tests: date triggers, after_previous chains, anchors, payloads. */
const bump = (field: string) => ({
  type: 'update_fields',
  set: [{ field, value: { '+': [{ var: [field, 0] }, 1] } }],
});

export const GAPS_MODEL = {
  schemaVersion: 1,
  id: 'gaps-lab',
  name: 'Engine gaps lab',
  entities: {
    deal: {
      fields: [
        { key: 'call_back_at', label: 'Call back at', type: 'datetime' },
        { key: 'follow_up_at', label: 'Follow up at', type: 'datetime' },
        { key: 'hold', label: 'On hold', type: 'boolean' },
        { key: 'chased', label: 'Chased', type: 'number' },
        { key: 'first', label: 'First', type: 'number' },
        { key: 'second', label: 'Second', type: 'number' },
        { key: 'third', label: 'Third', type: 'number' },
      ],
    },
  },
  directory: { users: [{ key: 'ivanov', name: 'Ivanov' }], departments: [], queues: [] },
  pipelines: [
    {
      key: 'desk',
      name: 'Desk',
      entity: 'deal',
      stages: [
        {
          key: 'new',
          name: 'New',
          kind: 'in_progress',
          triggers: [],
          robots: [
            {
              id: 'chase',
              timing: {
                kind: 'relative_to_field',
                field: 'follow_up_at',
                direction: 'after',
                offset: { value: 0, unit: 'minutes' },
              },
              action: bump('chased'),
            },
          ],
        },
        {
          key: 'waiting',
          name: 'Waiting',
          kind: 'in_progress',
          triggers: [],
          robots: [
            {
              id: 'first_step',
              timing: { kind: 'delay', duration: { value: 1, unit: 'days' } },
              action: bump('first'),
            },
            {
              id: 'second_step',
              timing: { kind: 'after_previous', duration: { value: 2, unit: 'hours' } },
              action: bump('second'),
            },
            {
              id: 'third_step',
              timing: { kind: 'after_previous' },
              action: bump('third'),
            },
          ],
        },
        {
          key: 'callback',
          name: 'Call back',
          kind: 'in_progress',
          triggers: [
            {
              id: 'call_back_due',
              name: 'The call-back time came',
              type: 'date_reached',
              field: 'call_back_at',
              direction: 'before',
              offset: { value: 15, unit: 'minutes' },
              condition: { '!=': [{ var: 'hold' }, true] },
              allowBackwards: true,
            },
          ],
          robots: [],
        },
        {
          key: 'paid',
          name: 'Paid',
          kind: 'in_progress',
          triggers: [{ id: 'payment_in', name: 'Payment', type: 'payment_received' }],
          robots: [
            {
              id: 'thank_now',
              condition: { '>': [{ var: '$event.amount' }, 0] },
              timing: { kind: 'immediate' },
              action: {
                type: 'create_task',
                title: 'Payment of {{ event.amount }} received',
                assignee: { kind: 'responsible' },
              },
            },
            {
              id: 'check_later',
              timing: { kind: 'delay', duration: { value: 1, unit: 'hours' } },
              action: {
                type: 'create_task',
                title: 'Check the payment of {{ event.amount }}',
                assignee: { kind: 'responsible' },
              },
            },
          ],
        },
        { key: 'won', name: 'Won', kind: 'success', triggers: [], robots: [] },
      ],
    },
    {
      key: 'other',
      name: 'Other',
      entity: 'deal',
      stages: [{ key: 'parked', name: 'Parked', kind: 'in_progress', triggers: [], robots: [] }],
    },
  ],
};
