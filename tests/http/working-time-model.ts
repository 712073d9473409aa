/**
 * An SLA model for the working-time tests: Moscow office Mon-Fri 09:00-18:00; on a
 * new deal, "after 2 hours" three ways: counted in working time, moved into working
 * hours (`"shift"`), and the original spelling `true`; and "30 working minutes before
 * the call" counted backwards from a date field.
 */
const nineToSix = [{ from: '09:00', to: '18:00' }];

const comment = (text: string) => ({ type: 'add_comment', text });
const twoHours = { value: 2, unit: 'hours' };

export const WORKING_TIME_MODEL = {
  schemaVersion: 1,
  id: 'sla',
  name: 'SLA',
  entities: { deal: { fields: [{ key: 'call_at', label: 'Call at', type: 'datetime' }] } },
  directory: { users: [{ key: 'petrov', name: 'Petrov' }], departments: [], queues: [] },
  calendars: [
    {
      key: 'moscow_office',
      name: 'Moscow office',
      timeZone: 'Europe/Moscow',
      week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
    },
  ],
  defaultCalendar: 'moscow_office',
  pipelines: [
    {
      key: 'requests',
      name: 'Requests',
      entity: 'deal',
      stages: [
        {
          key: 'new',
          name: 'New request',
          kind: 'in_progress',
          robots: [
            {
              id: 'sla_answer',
              timing: { kind: 'delay', duration: twoHours, workingHours: 'count' },
              action: comment('SLA: answer the customer'),
            },
            {
              id: 'shifted_answer',
              timing: { kind: 'delay', duration: twoHours, workingHours: 'shift' },
              action: comment('shifted reminder'),
            },
            {
              id: 'legacy_answer',
              timing: { kind: 'delay', duration: twoHours, workingHours: true },
              action: comment('legacy reminder'),
            },
            {
              id: 'prepare_call',
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'before',
                offset: { value: 30, unit: 'minutes' },
                workingHours: 'count',
              },
              action: comment('prepare the call'),
            },
          ],
          triggers: [],
        },
        { key: 'done', name: 'Done', kind: 'success', robots: [], triggers: [] },
      ],
    },
  ],
};
