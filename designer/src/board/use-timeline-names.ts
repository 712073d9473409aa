import { useMemo } from 'react';
import type { Directory, Pipeline } from '../../../schemas/index.js';
import { useFormat, type Formatters } from '../i18n/use-format.js';
import { ruleName } from './board-rules.js';
import type { EntityField } from './entity-fields.js';
import type { TimelineNames } from './timeline-sentence.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A moment in the calendar's zone with the zone named; UTC when there is no zone. */
export function timeInZone(f: Formatters, iso: string, zone: string | undefined): string {
  const local = zone === undefined ? undefined : f.dateTimeIn(iso, zone);
  return local === undefined ? f.dateTime(iso) : `${local} (${zone})`;
}

/**
 * The names a timeline sentence needs, from the record's pipeline, fields and the
 * directory, with times in the calendar's zone.
 */
export function makeTimelineNames(
  pipeline: Pipeline,
  fields: readonly EntityField[],
  directory: Directory,
  zone: string | undefined,
  f: Formatters,
): TimelineNames {
  const field = (k: string) => fields.find((x) => x.key === k);
  const user = (k: string) => directory.users.find((u) => u.key === k)?.name ?? k;
  const time = (iso: string) => timeInZone(f, iso, zone);
  return {
    stage: (k) => pipeline.stages.find((s) => s.key === k)?.name ?? k,
    rule: (id) => ruleName(pipeline, id),
    field: (k) => field(k)?.label ?? k,
    user,
    time,
    value: (k, v) => {
      if (v === null || v === undefined || v === '') return '—';
      const type = field(k)?.type;
      if (type === 'user' && typeof v === 'string') return user(v);
      if (typeof v === 'string' && ISO_TIME.test(v)) return time(v);
      return f.value(v);
    },
  };
}

/** `makeTimelineNames` for the drawer, in the UI language. */
export function useTimelineNames(
  pipeline: Pipeline,
  fields: readonly EntityField[],
  directory: Directory,
  zone: string | undefined,
): TimelineNames {
  const f = useFormat();
  return useMemo(
    () => makeTimelineNames(pipeline, fields, directory, zone, f),
    [pipeline, fields, directory, zone, f],
  );
}
