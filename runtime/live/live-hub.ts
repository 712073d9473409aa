import { randomBytes } from 'node:crypto';
import type { WriteOp } from '../domain/write-op.js';
import { BoundedMap, liveEventsOf, type LiveChange, type LiveIndex } from './live-events-of.js';

/** A live change with its stream id (`<epoch>-<sequence>`). */
export type LiveEvent = LiveChange & { id: string };

export interface LiveHubOptions {
  /** Events kept for catching up after a reconnect (default 2,000). */
  capacity?: number;
  /** Records and items remembered for filtering removals (default 50,000). */
  remembered?: number;
}

/**
 * The fan-out of durable commits to live streams (`GET /api/events`). Each event gets
 * an id; the last `capacity` are kept in a ring, so a client reconnecting with
 * `Last-Event-ID` gets what it missed, or is told to reload (`since` answers `reset`)
 * when its id is older than the ring or from before a restart (another epoch).
 */
export class LiveHub {
  /** Changes per process start: ids from a previous run never match. */
  private readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly ring: LiveEvent[] = [];
  private readonly capacity: number;
  private readonly index: LiveIndex;
  private readonly listeners = new Set<(e: LiveEvent) => void>();
  private readonly closers = new Set<() => void>();

  constructor(options: LiveHubOptions = {}) {
    this.capacity = options.capacity ?? 2000;
    const remembered = options.remembered ?? 50_000;
    this.index = { records: new BoundedMap(remembered), items: new BoundedMap(remembered) };
  }

  /** Called with each batch once it is durable (a `CommitObserver`'s `after`). */
  committed(ops: readonly WriteOp[]): void {
    for (const change of liveEventsOf(ops, this.index)) {
      this.seq += 1;
      const event = { ...change, id: `${this.epoch}-${this.seq}` } as LiveEvent;
      this.ring.push(event);
      if (this.ring.length > this.capacity) this.ring.shift();
      for (const listener of this.listeners) listener(event);
    }
  }

  /** The events after `lastId`, or `reset` when they are no longer all kept. */
  since(lastId: string): LiveEvent[] | 'reset' {
    const m = /^([0-9a-f]+)-(\d+)$/.exec(lastId.trim());
    if (m === null || m[1] !== this.epoch) return 'reset';
    const last = Number(m[2]);
    if (last > this.seq) return 'reset';
    if (last === this.seq) return [];
    const first = this.ring[0];
    if (first === undefined || Number(first.id.split('-')[1]) > last + 1) return 'reset';
    return this.ring.filter((e) => Number(e.id.split('-')[1]) > last);
  }

  /** The id a stream starting now resumes from (nothing missed before it). */
  lastId(): string {
    return `${this.epoch}-${this.seq}`;
  }

  /**
   * Listens to new events until the returned function is called; `close` is called when
   * the hub shuts down (server stop), so the stream can end its response.
   */
  subscribe(listener: (e: LiveEvent) => void, close: () => void): () => void {
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
    };
  }

  /** Streams open now (for tests and health). */
  get streams(): number {
    return this.listeners.size;
  }

  /** Ends every open stream (before the HTTP server closes: it waits for open responses). */
  close(): void {
    for (const close of [...this.closers]) close();
    this.listeners.clear();
    this.closers.clear();
  }
}
