import { subject } from '@casl/ability';
import type { RecordDoc } from '../domain/record.js';

/** A record as CASL's conditions see it: its responsible user, pipeline and stage. */
export function recordSubject(
  r: Pick<RecordDoc, 'entity' | 'pipeline' | 'stage'> & { fields: Record<string, unknown> },
) {
  return subject(r.entity, {
    responsible: r.fields.responsible,
    pipeline: r.pipeline,
    stage: r.stage,
  });
}
