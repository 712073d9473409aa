/**
 * Runs at most `slots` tasks at a time, in the order asked. A checkpoint's slice writes
 * go through it so they never fill Node's small I/O thread pool: the journal's sync,
 * which every acknowledgement waits for, always finds a free thread.
 */
export class IoSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((r) => this.waiting.push(r));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.running--;
      else next();
    }
  }
}
