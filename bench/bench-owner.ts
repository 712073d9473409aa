import type { ConveyorApp } from '../runtime/app/create-app.js';
import { personActor } from '../runtime/identity/authenticated.js';

/** The owner every benchmark's server is created with: benchmarks call the API authenticated. */
export const BENCH_OWNER = {
  email: 'bench-owner@conveyor.test',
  password: 'bench-owner-password',
} as const;

/** An owner API token for `conveyor` (created with `owner: BENCH_OWNER`), as request headers. */
export async function benchAuthHeaders(conveyor: ConveyorApp): Promise<Record<string, string>> {
  const owner = await conveyor.identity.reads.accountByEmail(BENCH_OWNER.email);
  if (owner === undefined) throw new Error('bench: createApp was not given owner: BENCH_OWNER');
  const { token } = await conveyor.identity.tokens.create(
    { account: owner, actor: personActor(owner), via: 'session' },
    { name: 'bench', role: 'owner' },
  );
  return { authorization: `Bearer ${token}` };
}
