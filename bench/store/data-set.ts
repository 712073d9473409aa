import { createReadStream } from 'node:fs';
import { access, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../../runtime/app/create-app.js';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { SLICE_SUMS_FILE } from '../../runtime/store/slice-sums.js';
import type { TimelineEntry } from '../../runtime/store/store-types.js';
import { sliceOf as baselineSliceOf } from '../baseline/slice-of.js';
import { buildDeals } from './build-deals.js';

/** Bumped whenever the data set or a store's file format changes: older caches are rebuilt. */
const FORMAT = 1;

export interface DataSet {
  records: number;
  /** The deals' ids and stages, in creation order. */
  deals: Array<{ id: string; stage: string }>;
  timelineEntries: number;
  /** A folder for each store, ready to copy: `new` (this branch), `baseline` (main's). */
  dirs: { new: string; baseline: string };
  buildSeconds: number;
}

/**
 * The store bench's data: `records` deals created and moved through the engine (the
 * real services, fsync off to save time): each is created in stage a (3 timeline
 * entries), moved to b and then to c, d or a (4 entries each), so it has 11 entries
 * and one pending 30-day reminder timer. Built once into a folder under the OS temp
 * dir and reused; the baseline's copy is the same documents in main's file layout
 * (its timeline as 64 JSON slices).
 */
export async function dataSet(records: number, log: (line: string) => void): Promise<DataSet> {
  const root = join(tmpdir(), `conveyor-bench-store-v${FORMAT}-${records}`);
  let cached: DataSet | undefined;
  try {
    cached = JSON.parse(await readFile(join(root, 'data-set.json'), 'utf8')) as DataSet;
  } catch {
    // Not built yet (or half built): build it.
  }
  if (cached !== undefined) {
    await currentLayout(cached.dirs.new, log);
    return cached;
  }
  await rm(root, { recursive: true, force: true });
  const dirs = { new: join(root, 'new'), baseline: join(root, 'baseline') };
  await mkdir(root, { recursive: true });
  const started = performance.now();
  const store = await LowdbStore.open(dirs.new, { fsync: false });
  const conveyor = await createApp({ store, designerDir: join(root, 'none') });
  const deals = await buildDeals(conveyor, records, log);
  const timelineEntries = store.timelineSize();
  await store.close();
  await writeBaseline(dirs.new, dirs.baseline);
  const set: DataSet = {
    records,
    deals,
    timelineEntries,
    dirs,
    buildSeconds: (performance.now() - started) / 1000,
  };
  await writeFile(join(root, 'data-set.json'), JSON.stringify(set));
  return set;
}

/**
 * Brings a cached folder to this branch's slice layout (slices as lines with their sums
 * in `slice-sums.json`), as any existing data folder is: opened and closed once by the
 * store, whose close writes every slice it had to parse whole. Without it every restart
 * the bench measures would parse the older layout.
 */
async function currentLayout(dir: string, log: (line: string) => void): Promise<void> {
  if (
    await access(join(dir, SLICE_SUMS_FILE)).then(
      () => true,
      () => false,
    )
  )
    return;
  log(`  bringing ${dir} to the current slice layout (once)`);
  const store = await LowdbStore.open(dir, { fsync: false });
  await store.loaded();
  await store.close();
}

/** The same documents in main's layout: every slice as is, the timeline segments as 64 JSON slices. */
async function writeBaseline(from: string, to: string): Promise<void> {
  await cp(from, to, {
    recursive: true,
    filter: (src) => !src.includes('conveyor.lock') && !src.includes(join(from, 'timeline')),
  });
  await mkdir(join(to, 'timeline'), { recursive: true });
  const slices = new Map<string, string[]>();
  const segments = (await readdir(join(from, 'timeline'))).filter((f) => f.endsWith('.jsonl'));
  for (const f of segments) {
    const lines = createInterface({ input: createReadStream(join(from, 'timeline', f)) });
    for await (const line of lines) {
      if (line === '') continue;
      const e = JSON.parse(line) as TimelineEntry;
      const slice = baselineSliceOf('timeline', e.id, e);
      let parts = slices.get(slice);
      if (parts === undefined) slices.set(slice, (parts = []));
      parts.push(`${JSON.stringify(e.id)}:${line}`);
    }
  }
  for (const [slice, parts] of slices)
    await writeFile(join(to, `${slice}.json`), `{${parts.join(',')}}`);
}
