import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps, type ConveyorApp } from '../../runtime/app/create-app.js';
import { LowdbStore, type LowdbStoreOptions } from '../../runtime/store/lowdb-store.js';

export interface Harness {
  url: string;
  dataDir: string;
  conveyor: ConveyorApp;
  store: LowdbStore;
  close(): Promise<void>;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // Tests read answers loosely; each assertion checks the shape it relies on.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/**
 * A real server: createApp + lowdb store in a (temp) DATA_DIR, on 127.0.0.1 port 0.
 * `storeOptions` injects a file system (a failing disk) into the store.
 */
export async function startServer(
  dataDir?: string,
  deps: Partial<AppDeps> = {},
  storeOptions: LowdbStoreOptions = {},
): Promise<Harness> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'conveyor-http-')));
  const store = await LowdbStore.open(dir, storeOptions);
  const conveyor = await createApp({
    store,
    storeSize: () => store.size(),
    designerDir: join(dir, 'no-designer'),
    ...deps,
  });
  const server: Server = await new Promise((resolve) => {
    const s = conveyor.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dataDir: dir,
    conveyor,
    store,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await conveyor.scheduler.stop();
      await store.close();
    },
    async call(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: { 'content-type': 'application/json', ...headers },
      };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await fetch(url + path, init);
      const text = await res.text();
      return {
        status: res.status,
        body: text === '' ? undefined : JSON.parse(text),
        headers: res.headers,
      };
    },
  };
}
