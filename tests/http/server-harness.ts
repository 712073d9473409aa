import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps, type ConveyorApp } from '../../runtime/app/create-app.js';
import type { CollectionName, CollectionTypes } from '../../runtime/domain/collections.js';
import type { Store } from '../../runtime/domain/store-port.js';
import { personActor } from '../../runtime/identity/authenticated.js';
import { LowdbStore, type LowdbStoreOptions } from '../../runtime/store/lowdb-store.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { dropSchema } from '../support/postgres.js';

/**
 * Which store harness servers use: the embedded one (lowdb in the data dir) unless a
 * suite running on PostgreSQL chose it (`tests/http/on-postgres.test.ts`); then each
 * data dir stands for its own schema, so a restart on the same data dir finds its data.
 */
let storeKind: { kind: 'lowdb' } | { kind: 'postgres'; url: string } = { kind: 'lowdb' };
const schemas = new Set<string>();

/** Makes every later `startServer` in this test file use PostgreSQL at `url`. */
export function useHarnessPostgres(url: string): void {
  storeKind = { kind: 'postgres', url };
}

/** Whether harness servers run on PostgreSQL (tests of the data dir itself skip then). */
export const harnessOnPostgres = (): boolean => storeKind.kind === 'postgres';

/** Drops the schemas harness servers made (once their tests are done). */
export async function dropHarnessSchemas(): Promise<void> {
  for (const schema of schemas) {
    await dropSchema(schema);
    await dropSchema(`${schema}_jobs`);
  }
  schemas.clear();
}

const schemaByDir = new Map<string, string>();
const schemaOf = (dir: string): string => {
  let schema = schemaByDir.get(dir);
  if (schema === undefined) {
    schema = `conveyor_http_${process.pid}_${schemaByDir.size + 1}`;
    schemaByDir.set(dir, schema);
  }
  return schema;
};

/** The owner every harness server is created with (`OWNER_EMAIL` / `OWNER_PASSWORD`). */
export const HARNESS_OWNER = {
  email: 'owner@conveyor.test',
  password: 'owner-password-for-tests',
  name: 'Olga Owner',
} as const;

/** How a test call authenticates: an API token, a session cookie, or nothing at all. */
export type Credentials = { token: string } | { cookie: string } | null;

// Tests read answers loosely; each assertion checks the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = { status: number; body: any; headers: Headers };

export interface Harness {
  url: string;
  dataDir: string;
  conveyor: ConveyorApp;
  /** The server's store: lowdb, or PostgreSQL in a suite that chose it. */
  store: Store;
  /** Every document of a collection (through paged queries, so on any store). */
  snapshot<C extends CollectionName>(collection: C): Promise<Array<CollectionTypes[C]>>;
  /** The owner's API token (role `owner`) that `call` sends; null when set up without an owner. */
  ownerToken: string | null;
  close(): Promise<void>;
  /** A JSON call as the owner (its API token), with extra request headers if given. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** A JSON call with other credentials (another role's token or cookie, or none). */
  callAs(
    credentials: Credentials,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** Signs in through `POST /api/auth/sign-in`; answers the session cookie (`conveyor_session=...`). */
  signIn(email: string, password: string): Promise<{ cookie: string }>;
  /**
   * An account of `role` (and its directory user) with an API token of that role, made
   * through the API as the owner.
   */
  accountWithRole(
    role: string,
    email?: string,
  ): Promise<{ id: string; userId: string; email: string; password: string; token: string }>;
}

export interface HarnessOptions {
  /** Start with no owner (the setup routes' tests): `call` then sends no credentials. */
  withoutOwner?: boolean;
}

/**
 * A real server: createApp + lowdb store in a (temp) DATA_DIR (or PostgreSQL, see
 * `useHarnessPostgres`), on 127.0.0.1 port 0, with an owner account (`HARNESS_OWNER`)
 * whose API token `call` sends. `storeOptions` injects a file system (a failing disk)
 * into the lowdb store.
 */
export async function startServer(
  dataDir?: string,
  deps: Partial<AppDeps> = {},
  storeOptions: LowdbStoreOptions = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'conveyor-http-')));
  let store: Store;
  let size: Pick<AppDeps, 'storeSize'> = {};
  if (storeKind.kind === 'postgres') {
    const schema = schemaOf(dir);
    schemas.add(schema);
    // With timer jobs, as `runtime/main.ts` opens it (no job worker: tests tick the scheduler).
    store = await PostgresStore.open({
      connectionString: storeKind.url,
      schema,
      poolSize: 4,
      jobs: true,
    });
  } else {
    const lowdb = await LowdbStore.open(dir, storeOptions);
    store = lowdb;
    size = { storeSize: () => lowdb.size() };
  }
  const conveyor = await createApp({
    store,
    ...size,
    designerDir: join(dir, 'no-designer'),
    ...(options.withoutOwner ? {} : { owner: HARNESS_OWNER }),
    ...deps,
  });
  let ownerToken: string | null = null;
  let accounts = 0;
  if (!options.withoutOwner) {
    const email = deps.owner?.email ?? HARNESS_OWNER.email;
    const owner = await conveyor.identity.reads.accountByEmail(email);
    if (owner === undefined) throw new Error(`harness: no owner account ${email}`);
    ownerToken = (
      await conveyor.identity.tokens.create(
        { account: owner, actor: personActor(owner), via: 'session' },
        { name: 'test harness', role: 'owner' },
      )
    ).token;
  }
  const server: Server = await new Promise((resolve) => {
    const s = conveyor.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Longer than the client's own keep-alive (undici: 4 s): when a test blocks the event
  // loop (a spawnSync), the server must not close a socket the client is reusing.
  server.keepAliveTimeout = 30_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const callAs: Harness['callAs'] = async (credentials, method, path, body, extra = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
    if (credentials !== null && 'token' in credentials)
      headers.authorization = `Bearer ${credentials.token}`;
    if (credentials !== null && 'cookie' in credentials) headers.cookie = credentials.cookie;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(url + path, init);
    const text = await res.text();
    return {
      status: res.status,
      body: text === '' ? undefined : JSON.parse(text),
      headers: res.headers,
    };
  };
  const call: Harness['call'] = (method, path, body, headers) =>
    callAs(ownerToken === null ? null : { token: ownerToken }, method, path, body, headers);
  const signIn: Harness['signIn'] = async (email, password) => {
    const res = await callAs(null, 'POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${JSON.stringify(res.body)}`);
    const set = res.headers.get('set-cookie') ?? '';
    const cookie = /conveyor_session=[^;]+/.exec(set)?.[0];
    if (cookie === undefined) throw new Error(`sign-in set no session cookie: ${set}`);
    return { cookie };
  };
  return {
    url,
    dataDir: dir,
    conveyor,
    store,
    async snapshot(collection) {
      const out: Array<CollectionTypes[typeof collection]> = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['query']>> = await store.query(
          collection,
          {},
          { limit: 1000, cursor },
        );
        out.push(...(page.items as typeof out));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return out;
    },
    ownerToken,
    async close() {
      conveyor.live.close();
      await new Promise<void>((r) => server.close(() => r()));
      await conveyor.scheduler.stop();
      await store.close();
    },
    call,
    callAs,
    signIn,
    async accountWithRole(role, email = `${role.replace(/_/g, '-')}-${++accounts}@conveyor.test`) {
      const password = `${role}-password-for-tests`;
      const created = await call('POST', '/api/accounts', { email, password, role });
      if (created.status !== 201)
        throw new Error(`account: ${created.status} ${JSON.stringify(created.body)}`);
      const { cookie } = await signIn(email, password);
      const token = await callAs({ cookie }, 'POST', '/api/tokens', {
        name: `${role} token`,
        role,
      });
      if (token.status !== 201)
        throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
      return {
        id: created.body.account.id as string,
        userId: created.body.account.userId as string,
        email,
        password,
        token: token.body.token as string,
      };
    },
  };
}
