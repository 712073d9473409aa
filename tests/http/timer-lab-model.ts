/** A small model for the timer tests: one deal pipeline whose robots exercise every timing policy. */
const week = (from: string, to: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]));

const bump = {
  type: 'update_fields',
  set: [{ field: 'fires', value: { '+': [{ var: ['fires', 0] }, 1] } }],
};

export const TIMER_LAB_MODEL = {
  schemaVersion: 1,
  id: 'timer-lab',
  name: 'Timer lab',
  entities: {
    deal: {
      fields: [
        { key: 'fires', label: 'Fires', type: 'number' },
        { key: 'call_at', label: 'Call at', type: 'datetime' },
        { key: 'office', label: 'Office hours only', type: 'boolean' },
      ],
    },
  },
  directory: {
    users: [
      { key: 'ivanov', name: 'Ivanov', calendar: 'vladivostok' },
      { key: 'petrov', name: 'Petrov' },
    ],
    departments: [],
    queues: [],
  },
  calendars: [
    {
      key: 'moscow',
      timeZone: 'Europe/Moscow',
      week: week('09:00', '18:00'),
      holidays: ['2026-03-09'],
    },
    { key: 'vladivostok', timeZone: 'Asia/Vladivostok', week: week('09:00', '18:00') },
  ],
  defaultCalendar: 'moscow',
  pipelines: [
    {
      key: 'lab',
      name: 'Lab',
      entity: 'deal',
      stages: [
        {
          key: 'waiting',
          name: 'Waiting',
          kind: 'in_progress',
          robots: [
            {
              id: 'before_call',
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'before',
                offset: { value: 10, unit: 'minutes' },
              },
              action: bump,
            },
            {
              id: 'at_call_kept',
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'after',
                offset: { value: 0, unit: 'minutes' },
              },
              onAnchorChange: 'keep',
              onLeaveStage: 'keep',
              action: { type: 'add_comment', text: 'call time reached' },
            },
            {
              id: 'office_hours',
              condition: { '==': [{ var: 'office' }, true] },
              timing: { kind: 'immediate', workingHours: true },
              action: { type: 'add_comment', text: 'hello during office hours' },
            },
          ],
          triggers: [],
        },
        { key: 'done', name: 'Done', kind: 'success', robots: [], triggers: [] },
      ],
    },
  ],
};
