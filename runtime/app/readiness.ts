/**
 * One thing the process needs before it can take traffic: resolves with `undefined` when
 * it holds, or a short reason when it does not (`"no answer from the store in 2000 ms"`).
 * Stores and job runners add theirs (the PostgreSQL store: reachable, migrations
 * applied, jobs running).
 */
export type ReadyCheck = () => Promise<string | undefined>;

export interface ReadyReport {
  ready: boolean;
  /** Each check by name: `ok` or its reason. */
  checks: Record<string, string>;
  /** `name: reason` of each failing check, for the 503 answer and the logs. */
  reasons: string[];
}

/** Checks that answer neither way in this time count as failing (a hung database). */
export const READY_CHECK_TIMEOUT_MS = 2_000;

function withTimeout(check: ReadyCheck, ms: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((r) => {
    timer = setTimeout(() => r(`no answer in ${ms} ms`), ms);
  });
  const run = check().catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
  return Promise.race([run, late]).finally(() => clearTimeout(timer));
}

/** The named checks behind `GET /api/ready`; anyone holding it may add one. */
export class Readiness {
  private readonly checks = new Map<string, ReadyCheck>();

  /** Adds (or replaces) the check called `name`. */
  add(name: string, check: ReadyCheck): void {
    this.checks.set(name, check);
  }

  /** Runs every check at once, each bounded by `timeoutMs`. */
  async report(timeoutMs = READY_CHECK_TIMEOUT_MS): Promise<ReadyReport> {
    const entries = [...this.checks];
    const results = await Promise.all(entries.map(([, c]) => withTimeout(c, timeoutMs)));
    const checks: Record<string, string> = {};
    const reasons: string[] = [];
    entries.forEach(([name], i) => {
      const reason = results[i];
      checks[name] = reason ?? 'ok';
      if (reason !== undefined) reasons.push(`${name}: ${reason}`);
    });
    return { ready: reasons.length === 0, checks, reasons };
  }
}
