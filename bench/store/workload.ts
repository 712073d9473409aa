import { FLOW_STAGES, USERS } from './bench-model.js';

/** A server the clients talk to: its address and an owner token's headers. */
export interface Target {
  url: string;
  auth: Record<string, string>;
}

export interface WorkloadOptions {
  /** Measured seconds, after `warmSeconds` of warm-up. */
  seconds: number;
  warmSeconds: number;
  /** Clients moving deals (spread over the targets in turn). */
  clients: number;
  /** Timers due during the measured window (their lateness is measured). */
  timers: number;
  /** Called when the measured window opens and when it closes (server stats). */
  window: { open: () => Promise<void>; close: () => Promise<void> };
}

export interface WorkloadResult {
  /** Each measured move's time (ms). */
  moves: number[];
  /** Each measured filtered list's time (ms). */
  pages: number[];
  /** Rows per filtered list, on average. */
  pageRows: number;
  /** Each fired timer's lateness (ms): the robot's timeline entry against `call_at`. */
  lateness: number[];
  /** Requests that failed at the connection (the server closed it, or died): retried. */
  connectionErrors: number;
}

/** A value at quantile `q` of `xs` (NaN when empty). */
export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** List answers are arrays, or `{ items }` pages. */
const itemsOf = (json: unknown): unknown[] =>
  Array.isArray(json) ? json : ((json as { items?: unknown[] }).items ?? []);

/**
 * The store bench's workload against one or more servers on the same data: timers due
 * during the window are created, then `clients` clients move random deals (each client
 * its own deals, client c on target c mod n) through `POST /api/records/deals/:id/move`
 * while one client reads 50-row filtered pages (`?responsible=u<k>&limit=50`) from the targets
 * in turn; afterwards each timer's lateness is read from its record's timeline.
 */
export async function runWorkload(
  targets: readonly Target[],
  deals: ReadonlyArray<{ id: string; stage: string }>,
  o: WorkloadOptions,
): Promise<WorkloadResult> {
  let connectionErrors = 0;
  const call = async (
    t: Target,
    path: string,
    method: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: body === undefined ? t.auth : { ...t.auth, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
      } catch (e) {
        if (!(e instanceof TypeError) || attempt >= 3) throw e;
        connectionErrors++;
      }
    }
  };
  const first = targets[0];
  if (first === undefined) throw new Error('no server to measure');

  // Timers due during the measured window, one after another.
  const windowStart = Date.now() + o.warmSeconds * 1000 + 1000;
  const timed = await Promise.all(
    Array.from({ length: o.timers }, async (_, i) => {
      const due = windowStart + ((o.seconds - 3) * 1000 * i) / o.timers;
      const r = await call(first, '/api/records/deals', 'POST', {
        model: 'bench-store',
        pipeline: 'timed',
        fields: { title: `Timed ${i}`, call_at: new Date(due).toISOString() },
      });
      if (r.status !== 201) throw new Error(`create answered ${r.status}`);
      return { id: (r.json as { id: string }).id, due };
    }),
  );

  const stages = deals.map((d) => d.stage);
  const moves: number[] = [];
  const pages: number[] = [];
  let pageRows = 0;
  let measuring = false;
  let running = true;
  const movers = Array.from({ length: o.clients }, async (_, c) => {
    const target = targets[c % targets.length] ?? first;
    const mine = Math.ceil((deals.length - c) / o.clients);
    while (running) {
      const i = c + o.clients * Math.floor(Math.random() * mine);
      const deal = deals[i];
      if (deal === undefined) continue;
      const stage = FLOW_STAGES[(FLOW_STAGES.indexOf(stages[i] as 'a') + 1) % 4] as string;
      const t = performance.now();
      const r = await call(target, `/api/records/deals/${deal.id}/move`, 'POST', { stage });
      if (r.status !== 200) throw new Error(`move answered ${r.status}: ${JSON.stringify(r.json)}`);
      stages[i] = stage;
      if (measuring) moves.push(performance.now() - t);
    }
  });
  // One client reading 50-row filtered lists while the others move deals.
  const pager = (async () => {
    for (let n = 0; running; n++) {
      const target = targets[n % targets.length] ?? first;
      const t = performance.now();
      const user = Math.floor(Math.random() * USERS);
      const r = await call(target, `/api/records/deals?responsible=u${user}&limit=50`, 'GET');
      if (r.status !== 200) throw new Error(`list answered ${r.status}`);
      if (measuring) {
        pages.push(performance.now() - t);
        pageRows += itemsOf(r.json).length;
      }
    }
  })();
  await new Promise((r) => setTimeout(r, o.warmSeconds * 1000));
  await o.window.open();
  measuring = true;
  await new Promise((r) => setTimeout(r, o.seconds * 1000));
  measuring = false;
  await o.window.close();
  running = false;
  await Promise.all([...movers, pager]);

  // Lateness: the robot's timeline entry against the deal's call_at.
  const lateness: number[] = [];
  for (const t of timed) {
    const r = await call(first, `/api/records/deals/${t.id}/timeline?limit=1000`, 'GET');
    const entries = itemsOf(r.json) as Array<{
      kind: string;
      ruleId?: string;
      outcome?: string;
      at: string;
    }>;
    // The robot's run, not its planning (`scheduled`).
    const fired = entries.find(
      (e) => e.kind === 'rule' && (e.ruleId ?? '').includes('at_call') && e.outcome !== 'scheduled',
    );
    if (fired !== undefined) lateness.push(Date.parse(fired.at) - t.due);
  }
  return {
    moves,
    pages,
    pageRows: pages.length === 0 ? 0 : pageRows / pages.length,
    lateness,
    connectionErrors,
  };
}
