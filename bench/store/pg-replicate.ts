import pg from 'pg';

/** An id with copy k's suffix: `deal_x` becomes `deal_x_r<k>` (the generator's ids have no second `_`). */
const COPY = `'_r' || k`;
/** Copies made by one statement (bounded, so one statement's rows stay a few hundred MB at most). */
const COPIES_PER_STATEMENT = 10;

/** A json document with these string properties given a copy's suffix, as jsonb. */
const renamed = (doc: string, props: readonly string[]): string =>
  props.reduce(
    (d, p) => `jsonb_set(${d}, '{${p}}', to_jsonb((${doc}::jsonb ->> '${p}') || ${COPY}))`,
    `${doc}::jsonb`,
  );

/** The originals, taken once: the deals and what belongs to them. */
const SNAPSHOT = [
  `CREATE TEMP TABLE base_records AS SELECT * FROM conveyor.records WHERE pipeline = 'flow'`,
  `CREATE TEMP TABLE base_timeline AS
     SELECT t.* FROM conveyor.timeline t JOIN base_records r ON r.key = t.record_id`,
  `CREATE TEMP TABLE base_timers AS
     SELECT t.* FROM conveyor.timers t JOIN base_records r ON r.key = t.record_id`,
  `CREATE TEMP TABLE base_values AS
     SELECT v.* FROM conveyor.record_values v JOIN base_records r ON r.key = v.record_id`,
];

/**
 * Statements adding copies `from`..`to` of every original deal with new ids: the record,
 * its timeline entries, its pending timer (with its graphile-worker job, added through
 * graphile-worker's own `add_jobs`) and its duplicate-control values. Fields, stages and
 * times are the originals'.
 */
const copyStatements = (from: number, to: number): string[] => {
  const copies = `generate_series(${from}, ${to}) AS k`;
  return [
    `INSERT INTO conveyor.records (key, doc, fields, entity, model, pipeline, stage, responsible,
       title_lower, amount, created_at, updated_at, revision)
     SELECT key || ${COPY}, ${renamed('doc', ['id'])}::json, fields, entity, model, pipeline, stage,
       responsible, title_lower, amount, created_at, updated_at, revision
     FROM base_records, ${copies}`,
    `INSERT INTO conveyor.timeline (key, doc, record_id, kind, at)
     SELECT key || ${COPY}, ${renamed('doc', ['id', 'recordId'])}::json, record_id || ${COPY}, kind, at
     FROM base_timeline, ${copies}`,
    `INSERT INTO conveyor.timers (key, doc, record_id, entity, model_id, failed, in_flight, stamp, due_at)
     SELECT key || ${COPY}, jsonb_set(${renamed('doc', ['id', 'recordId'])}, '{idempotencyKey}',
         to_jsonb(replace(doc::jsonb ->> 'idempotencyKey', record_id, record_id || ${COPY})))::json,
       record_id || ${COPY}, entity, model_id, failed, in_flight, stamp, due_at
     FROM base_timers, ${copies}`,
    `SELECT conveyor_jobs.add_jobs(array_agg(ROW('conveyor_timer',
         json_build_object('key', t.key || ${COPY}), NULL, (t.doc ->> 'dueAt')::timestamptz, 25,
         'timer:' || t.record_id || ${COPY} || ':' || (t.doc ->> 'ruleId') || ':' || t.key || ${COPY},
         0, NULL)::conveyor_jobs.job_spec))
     FROM base_timers t, ${copies} WHERE NOT t.failed`,
    `INSERT INTO conveyor.record_values (record_id, entity, field, value_key)
     SELECT record_id || ${COPY}, entity, field, value_key FROM base_values, ${copies}`,
  ];
};

/**
 * Makes `times` times the deals of the database at `url` (built through the engine)
 * by copying each deal `times - 1` times with new ids, in SQL (1,000,000 deals through
 * the engine would take hours on the bench machine).
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
    for (const s of SNAPSHOT) await c.query(s);
    // Secondary indexes are built once at the end (a sort), not row by row while copying.
    const { rows: indexes } = await c.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = 'conveyor' AND tablename IN ('records', 'timeline', 'timers', 'record_values')
         AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    );
    for (const ix of indexes) await c.query(`DROP INDEX conveyor.${ix.name}`);
    for (let k = 1; k < times; k += COPIES_PER_STATEMENT) {
      const to = Math.min(times - 1, k + COPIES_PER_STATEMENT - 1);
      const started = performance.now();
      await c.query('BEGIN');
      for (const statement of copyStatements(k, to)) await c.query(statement);
      await c.query('COMMIT');
      log(
        `  copies ${k}-${to} of ${times - 1} of the deals: ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const started = performance.now();
    await c.query(`SET maintenance_work_mem = '512MB'`);
    for (const ix of indexes) await c.query(ix.def);
    log(`  indexes rebuilt: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
}
