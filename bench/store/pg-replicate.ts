import pg from 'pg';

/** An id with copy k's suffix: `deal_x` becomes `deal_x_r<k>` (the generator's ids have no second `_`). */
const COPY = `'_r' || k`;

/** A json document with these string properties given a copy's suffix. */
const renamed = (doc: string, props: readonly string[]): string =>
  props.reduce(
    (d, p) => `jsonb_set(${d}, '{${p}}', to_jsonb((${doc}::jsonb ->> '${p}') || ${COPY}))`,
    `${doc}::jsonb`,
  );

/**
 * Statements that add copy `k` of every original deal (ids without a copy suffix) with
 * new ids: the record, its timeline entries, its pending timer (with its
 * graphile-worker job, through graphile-worker's own `add_jobs`) and its duplicate
 * control values. Fields, stages and times are the originals'.
 */
const copyStatements = (k: number): string[] => {
  const originals = (col: string) => `${col} !~ '_r[0-9]+$'`;
  return [
    `INSERT INTO conveyor.records (key, doc, fields, entity, model, pipeline, stage, responsible,
       title_lower, amount, created_at, updated_at, revision)
     SELECT key || ${COPY}, ${renamed('doc', ['id'])}::json, fields, entity, model, pipeline, stage,
       responsible, title_lower, amount, created_at, updated_at, revision
     FROM conveyor.records, (SELECT ${k} AS k) c WHERE pipeline = 'flow' AND ${originals('key')}`,
    `INSERT INTO conveyor.timeline (key, doc, record_id, kind, at)
     SELECT key || ${COPY}, ${renamed('doc', ['id', 'recordId'])}::json, record_id || ${COPY}, kind, at
     FROM conveyor.timeline, (SELECT ${k} AS k) c
     WHERE record_id IN (SELECT key FROM conveyor.records WHERE pipeline = 'flow' AND ${originals('key')})`,
    `INSERT INTO conveyor.timers (key, doc, record_id, entity, model_id, failed, in_flight, stamp, due_at)
     SELECT key || ${COPY}, jsonb_set(${renamed('doc', ['id', 'recordId'])}, '{idempotencyKey}',
         to_jsonb(replace(doc::jsonb ->> 'idempotencyKey', record_id, record_id || ${COPY})))::json,
       record_id || ${COPY}, entity, model_id, failed, in_flight, stamp, due_at
     FROM conveyor.timers, (SELECT ${k} AS k) c
     WHERE ${originals('key')} AND record_id IN (SELECT key FROM conveyor.records WHERE pipeline = 'flow')`,
    `SELECT conveyor_jobs.add_jobs(array_agg(ROW('conveyor_timer', json_build_object('key', t.key),
         NULL, (t.doc ->> 'dueAt')::timestamptz, 25,
         'timer:' || t.record_id || ':' || (t.doc ->> 'ruleId') || ':' || t.key, 0, NULL
       )::conveyor_jobs.job_spec))
     FROM conveyor.timers t WHERE t.key LIKE '%\\_r${k}'`,
    `INSERT INTO conveyor.record_values (record_id, entity, field, value_key)
     SELECT record_id || ${COPY}, entity, field, value_key
     FROM conveyor.record_values, (SELECT ${k} AS k) c
     WHERE record_id IN (SELECT key FROM conveyor.records WHERE pipeline = 'flow' AND ${originals('key')})`,
  ];
};

/**
 * Makes `times` times the deals of the database at `url` (built through the engine)
 * by copying each deal `times - 1` times with new ids, in SQL (1,000,000 deals through
 * the engine would take hours on the bench machine). Each copy is one transaction.
 */
export async function replicateDeals(
  url: string,
  times: number,
  log: (line: string) => void,
): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('SET synchronous_commit = off');
    for (let k = 1; k < times; k++) {
      const started = performance.now();
      await c.query('BEGIN');
      for (const statement of copyStatements(k)) await c.query(statement);
      await c.query('COMMIT');
      log(
        `  copy ${k} of ${times - 1} of the deals: ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
}
