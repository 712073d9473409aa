/** Makes batches durable before the files that show them are written (see `WriteAheadLog`). */
export interface Journal {
  pending(): boolean;
  drain(): Promise<void>;
  /** The journal's length now (every drained batch included). */
  mark(): number;
  /** Drops the journal up to `upTo` (all of it when omitted). */
  trim(upTo?: number): Promise<void>;
}

/**
 * Group commit: writers ask for some files to be flushed and wait; one round answers
 * every waiter whose request came before it started, so nothing is acknowledged before
 * it is on disk.
 *
 * Without a journal a round writes the dirty files, then answers. With one, a round
 * appends the waiting batches to the journal and answers at once; the files themselves
 * are written by a checkpoint at most every `checkpointMs` (and on `close`), after which
 * the journal up to the checkpoint's snapshot is dropped. Either way every batch is in
 * the journal before any file that shows it is written.
 *
 * A timed checkpoint runs beside the rounds: it snapshots the dirty files at once
 * (lowdb serialises on `write`), and while they are written new batches keep being
 * appended and answered; they stay in the journal, past the checkpoint's mark.
 */
export class GroupCommit<K> {
  private pending = new Set<K>();
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private running = false;
  private forceCheckpoint = false;
  private lastCheckpoint = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The checkpoint being written, if any: at most one at a time. */
  private checkpointing: Promise<void> | undefined;

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
      if (forced) {
        // A forced checkpoint (closing) answers once every dirty file is written.
        try {
          while (this.checkpointing !== undefined) await this.checkpointing;
          // Batches that came while waiting must be in the journal before the snapshot.
          while (this.journal.pending()) await this.journal.drain();
        } catch (e) {
          for (const w of waiters) w.reject(e);
          continue;
        }
        await this.startCheckpoint();
        for (const w of waiters) w.resolve();
        continue;
      }
      for (const w of waiters) w.resolve();
      if (this.checkpointing === undefined && Date.now() - this.lastCheckpoint >= this.checkpointMs)
        void this.startCheckpoint();
      else this.later();
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

  /** Starts a checkpoint, remembered in `checkpointing` until it ends. */
  private startCheckpoint(): Promise<void> {
    const run = this.checkpoint().finally(() => {
      this.checkpointing = undefined;
    });
    this.checkpointing = run;
    return run;
  }

  /**
   * Writes every dirty file, then drops the journal up to the mark taken with the
   * snapshot (those batches are in the files now). Called right after the journal
   * was drained, with no await in between, so the mark covers the snapshot exactly.
   */
  private async checkpoint(): Promise<void> {
    this.lastCheckpoint = Date.now();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const mark = this.journal?.mark();
    const keys = [...this.pending];
    this.pending = new Set();
    try {
      // `writeOne` serialises its file before its first await: this is the snapshot.
      await Promise.all(keys.map((k) => this.writeOne(k)));
      await this.journal?.trim(mark);
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
