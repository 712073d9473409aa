import { dirname, join } from 'node:path';
import { DataDirUnusableError } from './data-dir-unusable-error.js';
import { parseJournal, type JournalDamage } from './journal-lines.js';
import { LowdbStore } from './lowdb-store.js';
import { openDataDir } from './open-data-dir.js';
import { parseSlice, type SliceProblem } from './slice-file.js';
import { errorCode, nodeStoreFs, replaceFile, syncDir, type StoreFs } from './store-fs.js';
import { COLLECTIONS } from './store-types.js';
import { salvageSegment } from './timeline/segment-lines.js';

export interface RecoveryReport {
  /** The folder holding copies of the damaged files as found (none when nothing was damaged). */
  backup?: string;
  journal?: JournalDamage & { kept: number };
  /** Damaged slices, and damaged timeline segments (`timeline/<n>.jsonl`: every whole line kept). */
  slices: Array<SliceProblem & { file: string; kept: number }>;
}

interface DamagedSegment {
  file: string;
  offset: number;
  reason: string;
  kept: number;
  /** The whole lines, what the segment is rewritten with. */
  text: string;
}

export interface RecoverOptions {
  fs?: StoreFs;
  now?: () => Date;
  log?: (line: string) => void;
}

/** The slice files of the data folder that are damaged, with what can be kept of each. */
async function damagedSlices(fs: StoreFs, dir: string): Promise<RecoveryReport['slices']> {
  const out: RecoveryReport['slices'] = [];
  for (const c of COLLECTIONS) {
    let names: string[];
    try {
      names = await fs.readdir(join(dir, c));
    } catch (e) {
      if (errorCode(e) === 'ENOENT') continue;
      throw e;
    }
    for (const f of names.filter((n) => /^\d+\.json$/.test(n)).sort()) {
      const parsed = parseSlice((await fs.readFile(join(dir, c, f))).toString('utf8'));
      if ('problem' in parsed)
        out.push({
          ...parsed.problem,
          file: `${c}/${f}`,
          kept: Object.keys(parsed.problem.salvage ?? {}).length,
        });
    }
  }
  return out;
}

/** The timeline segments that are damaged, with their whole lines. */
async function damagedSegments(fs: StoreFs, dir: string): Promise<DamagedSegment[]> {
  let names: string[];
  try {
    names = await fs.readdir(join(dir, 'timeline'));
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return [];
    throw e;
  }
  const segs = names
    .filter((n) => /^\d+\.jsonl$/.test(n))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const out: DamagedSegment[] = [];
  for (const [i, f] of segs.entries()) {
    const s = salvageSegment(await fs.readFile(join(dir, 'timeline', f)), i === segs.length - 1);
    if (s !== undefined)
      out.push({
        file: `timeline/${f}`,
        offset: s.offset,
        reason: s.reason,
        kept: s.keptLines,
        text: s.kept,
      });
  }
  return out;
}

/**
 * Recovers a damaged data folder (the store refuses to open it): copies every damaged
 * file into `DATA_DIR/damaged-<time>/` first, then cuts the journal before its first
 * damaged line (the batches from there on are dropped: replaying later batches without
 * an earlier one could break what they rely on) and rewrites each damaged slice with
 * the documents that are whole in it (none when it is not JSON at all). Finally opens
 * the store once, which replays the kept batches. The folder must not be in use.
 */
export async function recoverDataDir(
  dir: string,
  options: RecoverOptions = {},
): Promise<RecoveryReport> {
  const fs = options.fs ?? nodeStoreFs;
  try {
    await fs.readdir(dir);
  } catch (e) {
    throw new DataDirUnusableError(dir, e);
  }
  const release = await openDataDir(dir, fs);
  const report: RecoveryReport = { slices: [] };
  try {
    report.slices = await damagedSlices(fs, dir);
    const segments = await damagedSegments(fs, dir);
    // Reported as slices too, so every caller that lists damaged files names them.
    for (const g of segments)
      report.slices.push({ file: g.file, offset: g.offset, reason: g.reason, kept: g.kept });
    const journalFile = join(dir, 'journal.log');
    let journal: Buffer = Buffer.alloc(0);
    try {
      journal = await fs.readFile(journalFile);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw e;
    }
    const parsed = parseJournal(journal);
    if (parsed.damage !== undefined)
      report.journal = { ...parsed.damage, kept: parsed.batches.length };
    if (report.journal === undefined && report.slices.length === 0) return report;

    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backup = join(dir, `damaged-${stamp}`);
    report.backup = backup;
    const damaged = [
      ...(report.journal === undefined ? [] : ['journal.log']),
      ...report.slices.map((s) => s.file),
    ];
    for (const file of damaged) {
      await fs.mkdir(dirname(join(backup, file)), { recursive: true });
      await fs.cp(join(dir, file), join(backup, file));
    }
    if (report.journal !== undefined) {
      await replaceFile(fs, journalFile, journal.subarray(0, report.journal.offset), true);
      await syncDir(fs, dir);
    }
    for (const g of segments) {
      // Offsets change: the sealed segment's index goes, and the segment is read line by line.
      await replaceFile(fs, join(dir, g.file), g.text, true);
      await fs.rm(join(dir, g.file.replace(/\.jsonl$/, '.idx.json')), { force: true });
    }
    if (segments.length > 0) await syncDir(fs, join(dir, 'timeline'));
    for (const s of report.slices) {
      if (s.file.endsWith('.jsonl')) continue;
      await replaceFile(fs, join(dir, s.file), JSON.stringify(s.salvage ?? {}), true);
      await syncDir(fs, dirname(join(dir, s.file)));
    }
  } finally {
    await release();
  }
  // Replays the kept batches into the slices: the folder opens as it will for the server.
  const store = await LowdbStore.open(dir, { fs, ...(options.log ? { log: options.log } : {}) });
  await store.close();
  return report;
}
