/** Makes a round's batches durable before its files are written (see `WriteAheadLog`). */
export interface Journal {
  pending(): boolean;
  drain(): Promise<void>;
  trim(): Promise<void>;
}

/**
 * Group commit: writers ask for some files to be flushed and wait; one flush round
 * writes every file dirtied since the previous round and answers all of its waiters.
 * A waiter is answered only after a round that started after its request finished,
 * so nothing is acknowledged before it is on disk. With a journal, every batch applied
 * in memory is in the journal before any file that shows it is written.
 */
export class GroupCommit<K> {
  private pending = new Set<K>();
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly writeOne: (key: K) => Promise<void>,
    private readonly journal?: Journal,
  ) {}

  flush(keys: Iterable<K>): Promise<void> {
    for (const k of keys) this.pending.add(k);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.running) void this.run();
    return done;
  }

  private async run(): Promise<void> {
    this.running = true;
    // Let the requests that arrive in this turn of the event loop join the round.
    await new Promise<void>((r) => setImmediate(r));
    while (this.waiters.length > 0) {
      try {
        // Batches keep arriving while the journal is appended to; loop until none is
        // left, then snapshot and start the writes without yielding in between.
        while (this.journal?.pending() === true) await this.journal.drain();
      } catch (e) {
        this.fail(e);
        continue;
      }
      const keys = [...this.pending];
      const waiters = this.waiters;
      this.pending = new Set();
      this.waiters = [];
      try {
        await Promise.all(keys.map((k) => this.writeOne(k)));
        await this.journal?.trim();
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.running = false;
  }

  private fail(e: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    this.pending = new Set();
    for (const w of waiters) w.reject(e);
  }
}
