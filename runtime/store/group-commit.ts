/** Makes batches durable before the files that show them are written (see `WriteAheadLog`). */
export interface Journal {
  pending(): boolean;
  drain(): Promise<void>;
  trim(): Promise<void>;
}

/**
 * Group commit: writers ask for some files to be flushed and wait; one round answers
 * every waiter whose request came before it started, so nothing is acknowledged before
 * it is on disk.
 *
 * Without a journal a round writes the dirty files, then answers. With one, a round
 * appends the waiting batches to the journal and answers at once; the files themselves
 * are written by a checkpoint at most every `checkpointMs` (and on `close`), after which
 * the journal is emptied. Either way every batch is in the journal before any file
 * that shows it is written.
 */
export class GroupCommit<K> {
  private pending = new Set<K>();
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private running = false;
  private forceCheckpoint = false;
  private lastCheckpoint = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly writeOne: (key: K) => Promise<void>,
    private readonly journal?: Journal,
    private readonly checkpointMs = 1000,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  flush(keys: Iterable<K>, options: { checkpoint?: boolean } = {}): Promise<void> {
    for (const k of keys) this.pending.add(k);
    if (options.checkpoint === true) this.forceCheckpoint = true;
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
      const waiters = this.waiters;
      this.waiters = [];
      if (this.journal === undefined) {
        await this.write(waiters);
        continue;
      }
      const forced = this.forceCheckpoint;
      this.forceCheckpoint = false;
      // A forced checkpoint (closing) answers once the files are written.
      if (!forced) for (const w of waiters) w.resolve();
      if (forced || Date.now() - this.lastCheckpoint >= this.checkpointMs) await this.checkpoint();
      else this.later();
      if (forced) for (const w of waiters) w.resolve();
    }
    this.running = false;
  }

  /** Writes every dirty file (no journal): answers the waiters after. */
  private async write(waiters: typeof this.waiters): Promise<void> {
    const keys = [...this.pending];
    this.pending = new Set();
    try {
      await Promise.all(keys.map((k) => this.writeOne(k)));
      for (const w of waiters) w.resolve();
    } catch (e) {
      for (const w of waiters) w.reject(e);
    }
  }

  /** Writes every dirty file, then empties the journal (all of it is in the files now). */
  private async checkpoint(): Promise<void> {
    this.lastCheckpoint = Date.now();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const keys = [...this.pending];
    this.pending = new Set();
    try {
      await Promise.all(keys.map((k) => this.writeOne(k)));
      await this.journal?.trim();
    } catch (e) {
      // The journal still holds everything; try again at the next checkpoint.
      for (const k of keys) this.pending.add(k);
      this.onError(e);
    }
  }

  /** Makes sure dirty files are written even if no batch comes for a while. */
  private later(): void {
    if (this.timer !== undefined || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pending.size > 0) void this.flush([]).catch(this.onError);
    }, this.checkpointMs);
    this.timer.unref();
  }

  private fail(e: unknown): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(e);
  }
}
