import type { Page } from 'playwright-core';

/**
 * Starts recording requestAnimationFrame deltas in the page (until `stopFrames`).
 * A string, not a function: tsx would wrap named inner functions in a `__name` helper
 * that does not exist in the page.
 */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Stops recording; the frame times (ms) since `startFrames`, sorted ascending. */
export async function stopFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  return frames.sort((a, b) => a - b);
}

/** Mean frame rate over a list of rAF deltas. */
export function meanFps(frames: readonly number[]): number {
  const total = frames.reduce((a, b) => a + b, 0);
  return frames.length === 0 ? NaN : (1000 * frames.length) / total;
}

/** The `p`th percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}
