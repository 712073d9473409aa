const DAYS_30 = { value: 30, unit: 'days' };

/** A stage of the bench's deal flow: entering it plans a reminder 30 days out (a pending timer). */
const flowStage = (key: string) => ({
  key,
  name: key.toUpperCase(),
  kind: 'in_progress',
  robots: [
    {
      id: `remind_${key}`,
      timing: { kind: 'delay', duration: DAYS_30 },
      action: { type: 'update_fields', set: [{ field: 'reminded', value: true }] },
    },
  ],
  triggers: [],
});

/**
 * The store bench's model: deals move between stages a, b, c, d of `flow` (each stage
 * entry cancels the old reminder and plans a new one: 100,000 deals keep 100,000
 * timers pending), and deals of `timed` wait for `call_at` (the timers whose lateness
 * is measured).
 */
export const benchStoreModel = {
  schemaVersion: 1,
  id: 'bench-store',
  name: 'Bench store',
  entities: {
    deal: {
      fields: [
        { key: 'reminded', label: 'Reminded', type: 'boolean' },
        { key: 'fires', label: 'Fires', type: 'number' },
        { key: 'call_at', label: 'Call at', type: 'datetime' },
        { key: 'round', label: 'Round', type: 'number' },
      ],
    },
  },
  pipelines: [
    { key: 'flow', name: 'Flow', entity: 'deal', stages: ['a', 'b', 'c', 'd'].map(flowStage) },
    {
      key: 'timed',
      name: 'Timed',
      entity: 'deal',
      stages: [
        {
          key: 'waiting',
          name: 'Waiting',
          kind: 'in_progress',
          robots: [
            {
              id: 'at_call',
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'after',
                offset: { value: 0, unit: 'minutes' },
              },
              action: {
                type: 'update_fields',
                set: [{ field: 'fires', value: { '+': [{ var: ['fires', 0] }, 1] } }],
              },
            },
          ],
          triggers: [],
        },
      ],
    },
  ],
};

/** Stages of `flow`, in order. */
export const FLOW_STAGES = ['a', 'b', 'c', 'd'] as const;

/** Responsible users the deals are spread over: a responsible filter finds about 50 deals per 100,000/USERS... */
export const USERS = 2000;
