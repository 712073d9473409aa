/** A small model for "Why didn't it run?" and the publish preview: conditions, delays, a date trigger. */
export const WHY_MODEL = {
  schemaVersion: 1,
  id: 'why-lab',
  name: 'Why lab',
  entities: {
    deal: { fields: [{ key: 'due_at', label: 'Due at', type: 'datetime' }] },
  },
  directory: { users: [{ key: 'ivanov', name: 'Ivanov' }], departments: [], queues: [] },
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        {
          key: 'new',
          name: 'New deal',
          kind: 'in_progress',
          triggers: [],
          robots: [
            {
              id: 'big_deal',
              name: 'Big deal greeting',
              condition: { '>': [{ var: 'amount' }, 100] },
              timing: { kind: 'immediate' },
              action: { type: 'add_comment', text: 'a big one' },
            },
            {
              id: 'remind',
              name: 'Reminder',
              timing: { kind: 'delay', duration: { value: 1, unit: 'hours' } },
              action: { type: 'add_comment', text: 'call the client' },
            },
            {
              id: 'follow',
              name: 'Follow-up',
              timing: { kind: 'after_previous', duration: { value: 1, unit: 'hours' } },
              action: { type: 'add_comment', text: 'follow up' },
            },
          ],
        },
        {
          key: 'won',
          name: 'Won',
          kind: 'success',
          triggers: [
            { id: 'paid', name: 'Payment came', type: 'payment_received' },
            {
              id: 'due',
              name: 'Due date reached',
              type: 'date_reached',
              field: 'due_at',
              direction: 'after',
              offset: { value: 0, unit: 'minutes' },
            },
          ],
          robots: [],
        },
      ],
    },
  ],
};
