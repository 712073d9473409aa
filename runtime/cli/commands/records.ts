import type { Command } from 'commander';
import { ENTITY_PATH_NAMES } from '../../services/entity-paths.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CommandContext } from '../cli-io.js';
import { ServerClientError, serverClientFromEnv, type ServerClient } from '../server-client.js';

interface RecordRow {
  id: string;
  pipeline?: string;
  stage?: string;
  revision?: number;
  fields: { title?: unknown } & Record<string, unknown>;
}

interface RecordPage {
  items: RecordRow[];
  nextCursor: string | null;
}

/** A usage mistake found before calling the server (exit 2). */
class UsageError extends Error {}

/** `deal` or `deals` → the path name (`deals`); anything else is a usage error naming the choices. */
function entityPath(name: string): string {
  const paths: readonly string[] = ENTITY_PATH_NAMES;
  if (paths.includes(name)) return name;
  const plural = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
  if (paths.includes(plural)) return plural;
  throw new UsageError(`no record collection "${name}" (one of ${paths.join(', ')})`);
}

/** One line per record: id, pipeline/stage, revision, title (tab-separated, for cut and awk). */
const line = (r: RecordRow): string =>
  `${r.id}\t${r.pipeline ?? '-'}/${r.stage ?? '-'}\trev ${r.revision ?? 0}\t${typeof r.fields.title === 'string' ? r.fields.title : ''}\n`;

interface ListOptions {
  stage?: string;
  pipeline?: string;
  model?: string;
  responsible?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

/**
 * Pages through `GET /api/records/:entity` with the filters: one page (and the cursor
 * of the next on stderr), or with `--all` every page, following `nextCursor`.
 */
async function list(
  client: ServerClient,
  ctx: CommandContext,
  entity: string,
  o: ListOptions,
): Promise<void> {
  const path = entityPath(entity);
  if (o.limit !== undefined && !/^[1-9][0-9]{0,3}$/.test(o.limit))
    throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${o.limit}"`);
  const query = new URLSearchParams();
  for (const key of ['model', 'pipeline', 'stage', 'responsible', 'limit'] as const) {
    const v = o[key];
    if (v !== undefined) query.set(key, v);
  }
  let cursor = o.cursor ?? null;
  let count = 0;
  do {
    const q = new URLSearchParams(query);
    if (cursor !== null) q.set('cursor', cursor);
    const page = (await client.request('GET', `/records/${path}?${q.toString()}`)) as RecordPage;
    for (const r of page.items) ctx.io.out(o.json === true ? `${JSON.stringify(r)}\n` : line(r));
    count += page.items.length;
    cursor = page.nextCursor;
    if (o.all !== true) {
      if (cursor !== null)
        ctx.io.err(`more records: --all for every page, or --cursor ${cursor} for the next\n`);
      break;
    }
  } while (cursor !== null);
  if (o.all === true) ctx.io.err(`${count} record${count === 1 ? '' : 's'}\n`);
}

/** The `--fields` JSON: an object of field values, or a usage error saying what is wrong. */
function fieldsOf(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--fields is not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('--fields must be a JSON object of field values, e.g. \'{"amount": 5}\'');
  return value as Record<string, unknown>;
}

/**
 * `PATCH` with `If-Match`: the revision read just before (a fresh `GET`), or the one
 * the caller read earlier (`--revision`). A record changed in between is refused by
 * the server (412) and reported as a conflict: nothing was written.
 */
async function update(
  client: ServerClient,
  ctx: CommandContext,
  entity: string,
  id: string,
  o: { fields: string; revision?: string },
): Promise<void> {
  const path = `/records/${entityPath(entity)}/${encodeURIComponent(id)}`;
  const fields = fieldsOf(o.fields);
  if (o.revision !== undefined && !/^[0-9]{1,15}$/.test(o.revision))
    throw new UsageError(`--revision must be a whole number, not "${o.revision}"`);
  const etag = o.revision === undefined ? (await client.call('GET', path)).etag : `"${o.revision}"`;
  try {
    const saved = (await client.request(
      'PATCH',
      path,
      { fields },
      etag === undefined ? {} : { 'if-match': etag },
    )) as RecordRow;
    ctx.io.out(`updated ${saved.id}: now revision ${saved.revision ?? 0}\n`);
  } catch (e) {
    if (!(e instanceof ServerClientError) || e.status !== 412) throw e;
    const now = e.details.revision;
    throw new ServerClientError(
      `conflict: ${entity} ${id} was changed by someone else since revision ${(etag ?? '').replace(/"/g, '')} was read (now revision ${String(now ?? '?')}); nothing was written. Read it again and repeat the change if it still applies`,
      412,
      e.code,
    );
  }
}

/** Runs a command's work: server refusals exit 1, usage mistakes exit 2, each with one line. */
async function run(ctx: CommandContext, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    ctx.setExitCode(EXIT_OK);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.io.err(`conveyor: ${e.message}\n`);
      ctx.setExitCode(EXIT_USAGE);
      return;
    }
    if (!(e instanceof ServerClientError)) throw e;
    ctx.io.err(`conveyor: ${e.message}\n`);
    ctx.setExitCode(EXIT_INVALID);
  }
}

/**
 * `conveyor records list <entity>` and `conveyor records update <entity> <id>`: the
 * records of the server at `CONVEYOR_URL` (with `CONVEYOR_TOKEN`), paged as the API
 * pages them, updated with `If-Match` so a concurrent change is never overwritten.
 */
export function registerRecordsCommand(program: Command, ctx: CommandContext): void {
  const records = program
    .command('records')
    .description('list and update records on the server at CONVEYOR_URL');
  records
    .command('list')
    .description('list records page by page (one page, or every page with --all)')
    .argument('<entity>', `one of ${ENTITY_PATH_NAMES.join(', ')} (or the singular)`)
    .option('--stage <keys>', 'stage key, or several separated by commas')
    .option('--pipeline <key>', 'pipeline key')
    .option('--model <id>', 'model id')
    .option('--responsible <ids>', 'responsible user, or several separated by commas')
    .option('--limit <n>', 'records per page (1-1000; the server default is 100)')
    .option('--cursor <cursor>', 'start at this page (printed after a page that has more)')
    .option('--all', 'follow nextCursor through every page')
    .option('--json', 'one JSON record per line')
    .action((entity: string, o: ListOptions) =>
      run(ctx, () => list(serverClientFromEnv(process.env), ctx, entity, o)),
    );
  records
    .command('update')
    .description("change a record's fields, refused if it changed since it was read (If-Match)")
    .argument('<entity>', `one of ${ENTITY_PATH_NAMES.join(', ')} (or the singular)`)
    .argument('<id>', 'record id')
    .requiredOption('--fields <json>', 'the fields to set, as a JSON object (null clears)')
    .option('--revision <n>', 'the revision you read (default: read it now)')
    .action((entity: string, id: string, o: { fields: string; revision?: string }) =>
      run(ctx, () => update(serverClientFromEnv(process.env), ctx, entity, id, o)),
    );
}
