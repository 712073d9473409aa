const UNIT_MS = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
} as const;

type Unit = keyof typeof UNIT_MS;

function toTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** A value quoted in an error message, cut short. */
const show = (x: unknown): string => String(x).slice(0, 40);

/** The largest distance from 1970 a JavaScript date can hold (about 275,760 years). */
const MAX_TIME_MS = 8.64e15;

/**
 * `{"date_add": [date, amount, unit]}` -> ISO datetime, or null when the date is empty.
 * A sum past what a date can hold (an absurd amount read from a record, `1e12` days)
 * throws a `RangeError` that says so; the engine records it as the rule's failure.
 */
export function dateAdd(date: unknown, amount: unknown, unit: unknown = 'days'): string | null {
  const t = toTime(date);
  const n = Number(amount);
  const ms = UNIT_MS[unit as Unit];
  if (t === null || !Number.isFinite(n) || ms === undefined) return null;
  const sum = t + n * ms;
  if (!(Math.abs(sum) <= MAX_TIME_MS)) {
    throw new RangeError(
      `date_add: ${show(date)} plus ${show(amount)} ${show(unit)} is outside the range of dates (years -271821 to 275760)`,
    );
  }
  return new Date(sum).toISOString();
}

/** `{"date_diff": [a, b, unit]}` -> (a - b) in whole units, or null when a date is empty. */
export function dateDiff(a: unknown, b: unknown, unit: unknown = 'days'): number | null {
  const ta = toTime(a);
  const tb = toTime(b);
  const ms = UNIT_MS[unit as Unit];
  if (ta === null || tb === null || ms === undefined) return null;
  return Math.trunc((ta - tb) / ms);
}

/** `{"is_empty": [x]}`: null, missing, "" or [] (0 and false are values, not emptiness). */
export function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Operations Conveyor adds to JSON-Logic. Registered into json-logic-js with
 * `add_operation` by whoever evaluates, and implemented identically by the
 * engine's compiled conditions. The clock is not an operation: the engine puts the
 * current time into the data as `$now`, so conditions stay pure.
 */
export const CUSTOM_OPERATIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  date_add: (date, amount, unit) => dateAdd(date, amount, unit),
  date_diff: (a, b, unit) => dateDiff(a, b, unit),
  is_empty: (value) => isEmpty(value),
};
