/** Makes batches durable before the files that show them are written (see `WriteAheadLog`). */
export interface Journal {
  pending(): boolean;
  /** Appends (and syncs) every queued batch; on failure none of them is in the journal. */
  drain(): Promise<void>;
  /** The journal's length now (every drained batch included). */
  mark(): number;
  /** Drops the journal up to `upTo` (all of it when omitted). */
  trim(upTo?: number): Promise<void>;
}

export interface GroupCommitOptions {
  journal?: Journal;
  checkpointMs?: number;
  /** A checkpoint also starts once the journal holds this many bytes (default: time only). */
  checkpointBytes?: number;
  /** A checkpoint (or a write without journal) failed; it is tried again later. */
  onError?: (e: unknown) => void;
  /**
   * An append failed: called at once, before any waiter hears of it, so the owner
   * can refuse every batch not yet in the journal (the failed ones and those queued
   * behind them: they may build on the failed ones) and forget the queued ones.
   */
  onRefused?: (e: unknown) => void;
  /** False while a timed checkpoint must not trim the journal (it holds writes not yet in memory's files). */
  mayCheckpoint?: () => boolean;
  /** After a checkpoint wrote its files, before the journal is trimmed: make them durable. */
  afterWrites?: () => Promise<void>;
  /** After a checkpoint trimmed the journal: nothing in the files needs the trimmed batches. */
  afterCheckpoint?: () => Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  /** Asked for a checkpoint (closing, `checkpoint()`): answered once the files are written. */
  checkpoint: boolean;
}

/**
 * Group commit: writers ask for some files to be flushed and wait; one round answers
 * every waiter whose request came before it started, so nothing is acknowledged before
 * it is on disk.
 *
 * Without a journal a round writes the dirty files, then answers. With one, a round
 * appends the waiting batches to the journal and answers each waiter once the append
 * that carried its batch is done (a failed append rejects exactly the waiters whose
 * batches it did not keep); the files themselves are written by a checkpoint at most
 * every `checkpointMs` (and on `close`), after which the journal up to the checkpoint's
 * snapshot is dropped. Either way every batch is in the journal before any file that
 * shows it is written.
 *
 * A timed checkpoint runs beside the rounds: it snapshots the dirty files at once
 * (the writer serialises on `write`), and while they are written new batches keep
 * being appended and answered; they stay in the journal, past the checkpoint's mark.
 */
export class GroupCommit<K> {
  private pending = new Set<K>();
  private waiters: Waiter[] = [];
  /** Waiters whose batches are in the journal, to be answered by this round. */
  private ready: Waiter[] = [];
  private running = false;
  private lastCheckpoint = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The checkpoint being written, if any: at most one at a time. */
  private checkpointing: Promise<void> | undefined;
  private readonly journal: Journal | undefined;
  private readonly checkpointMs: number;
  private readonly checkpointBytes: number;
  private readonly onError: (e: unknown) => void;
  private readonly onRefused: (e: unknown) => void;
  private readonly afterWrites: () => Promise<void>;
  private readonly mayCheckpoint: () => boolean;
  private readonly afterCheckpoint: () => Promise<void>;

  constructor(
    private readonly writeOne: (key: K) => Promise<void>,
    options: GroupCommitOptions = {},
  ) {
    this.journal = options.journal;
    this.checkpointMs = options.checkpointMs ?? 1000;
    this.checkpointBytes = options.checkpointBytes ?? Infinity;
    this.onError = options.onError ?? (() => undefined);
    this.onRefused = options.onRefused ?? (() => undefined);
    this.afterWrites = options.afterWrites ?? (() => Promise.resolve());
    this.mayCheckpoint = options.mayCheckpoint ?? (() => true);
    this.afterCheckpoint = options.afterCheckpoint ?? (() => Promise.resolve());
  }

  flush(keys: Iterable<K>, options: { checkpoint?: boolean } = {}): Promise<void> {
    this.touch(keys);
    const checkpoint = options.checkpoint === true;
    const done = new Promise<void>((resolve, reject) =>
      this.waiters.push({ resolve, reject, checkpoint }),
    );
    if (!this.running) void this.run();
    return done;
  }

  /** Resolves once no checkpoint is being written (a copy of the files then is what a crash leaves). */
  async idle(): Promise<void> {
    while (this.checkpointing !== undefined) await this.checkpointing;
  }

  /** Marks files dirty without waiting (a rolled-back change): the next checkpoint writes them. */
  touch(keys: Iterable<K>): void {
    for (const k of keys) this.pending.add(k);
  }

  private async run(): Promise<void> {
    this.running = true;
    // Let the requests that arrive in this turn of the event loop join the round.
    await new Promise<void>((r) => setImmediate(r));
    while (this.waiters.length > 0) {
      const journal = this.journal;
      if (journal === undefined) {
        const waiters = this.waiters;
        this.waiters = [];
        await this.write(waiters);
        continue;
      }
      // Batches keep arriving while the journal is appended to; loop until none is
      // left, then snapshot and start the writes without yielding in between.
      while (journal.pending()) await this.appendOnce(journal);
      const ready = this.take();
      if (ready.some((w) => w.checkpoint)) {
        // A forced checkpoint (closing) answers once every dirty file is written.
        for (const w of ready) if (!w.checkpoint) w.resolve();
        while (this.checkpointing !== undefined) await this.checkpointing;
        // Batches that came while waiting must be in the journal before the snapshot.
        while (journal.pending()) await this.appendOnce(journal);
        const more = this.take();
        await this.startCheckpoint();
        for (const w of ready) if (w.checkpoint) w.resolve();
        for (const w of more) w.resolve();
        continue;
      }
      for (const w of ready) w.resolve();
      const due =
        Date.now() - this.lastCheckpoint >= this.checkpointMs ||
        journal.mark() >= this.checkpointBytes;
      if (this.checkpointing === undefined && due && this.mayCheckpoint())
        void this.startCheckpoint();
      else this.later();
    }
    this.running = false;
  }

  /** One append: the waiters that were waiting when it started carried its batches. */
  private async appendOnce(journal: Journal): Promise<void> {
    const carried = this.waiters;
    this.waiters = [];
    try {
      await journal.drain();
      this.ready.push(...carried);
    } catch (e) {
      this.waiters = [...carried, ...this.waiters];
      this.refuse(e);
    }
  }

  /**
   * Refuses every batch not in the journal: the owner rolls them back first, then
   * their waiters hear of it. A checkpoint request carries no batch and stays.
   */
  private refuse(e: unknown): void {
    this.onRefused(e);
    const kept: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.checkpoint) kept.push(w);
      else w.reject(e);
    }
    this.waiters = kept;
  }

  /** The waiters to answer now: those whose batches are in the journal, and those without one. */
  private take(): Waiter[] {
    const out = [...this.ready, ...this.waiters];
    this.ready = [];
    this.waiters = [];
    return out;
  }

  /** Writes every dirty file (no journal): answers the waiters after. */
  private async write(waiters: Waiter[]): Promise<void> {
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
   * Writes every dirty file, makes them durable, then drops the journal up to the mark
   * taken with the snapshot (those batches are in the files now). Called right after
   * the journal was drained, with no await in between, so the mark covers the snapshot
   * exactly.
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
      await this.afterWrites();
      await this.journal?.trim(mark);
      await this.afterCheckpoint();
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
}
