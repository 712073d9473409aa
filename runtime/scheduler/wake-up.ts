/** A one-shot alarm: the scheduler's only use of real time, injected so tests can drive it. */
export interface WakeUp {
  set(ms: number, fn: () => void): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd so a sleeping scheduler never keeps the process alive. */
export const nodeWakeUp: WakeUp = {
  set(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clear(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
