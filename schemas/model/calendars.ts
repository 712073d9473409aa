import { Type, type Static } from '@sinclair/typebox';
import { Key } from './common.js';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
export const WorkingWindow = Type.Object({ from: Time, to: Time }, { additionalProperties: false });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Working hours in a time zone, with holidays (ISO dates). */
export const Calendar = Type.Object(
  {
    key: Key,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'IANA time zone, e.g. Europe/Moscow',
    }),
    week: Type.Object(
      Object.fromEntries(
        WEEKDAYS.map((d) => [d, Type.Optional(Type.Array(WorkingWindow, { maxItems: 6 }))]),
      ),
      { additionalProperties: false },
    ),
    holidays: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type Calendar = Static<typeof Calendar>;
