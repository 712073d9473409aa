import { spawn, type ChildProcess } from 'node:child_process';
import { ownerHeaders, OWNER_ENV } from './runtime-auth.js';

/** A real `runtime/main.ts` child on PostgreSQL, once it listens. */
export interface ConveyorProcess {
  url: string;
  child: ChildProcess;
  /** Its graphile-worker pool (what the jobs it locks carry as `locked_by`). */
  poolId: string;
  /** Everything it printed so far. */
  output(): string;
}

/** Starts `runtime/main.ts` on the database schema; resolves once it listens. */
export function startConveyorProcess(
  databaseUrl: string,
  schema: string,
  env: Record<string, string> = {},
): Promise<ConveyorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    env: {
      ...process.env,
      ...OWNER_ENV,
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      PORT: '0',
      SEED_EXAMPLES: '0',
      OUTBOUND_ALLOW: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const look = (): void => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const poolId = /job worker started \(pool ([\w-]+)\)/.exec(out)?.[1];
      if (url !== undefined && poolId !== undefined) {
        child.off('close', early);
        resolve({ url, child, poolId, output: () => out });
      }
    };
    const early = (code: number | null): void =>
      reject(new Error(`conveyor exited ${String(code)} before listening: ${out}`));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      look();
    });
    child.on('close', early);
  });
}

// Tests read answers loosely; each assertion checks the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OwnerAnswer = { status: number; body: any };

/** An API call as the test owner; the body parsed (undefined when empty). */
export async function callAs(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<OwnerAnswer> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(await ownerHeaders(base)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}
