import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A build output and the sources it is made from (paths from the repository root). */
export interface BuildTarget {
  readonly name: string;
  readonly outDir: string;
  readonly sources: readonly string[];
}

const COMMON = ['schemas', 'examples', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];

export const DESIGNER_BUILD: BuildTarget = {
  name: 'designer',
  outDir: 'dist/designer',
  sources: ['designer', ...COMMON],
};

export const STORYBOOK_BUILD: BuildTarget = {
  name: 'storybook',
  outDir: 'storybook-static',
  sources: ['stories', '.storybook', 'designer', ...COMMON],
};

const STAMP = '.build-stamp';

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/**
 * A hash of the sources' paths and contents. Contents, not times: a checkout or a copy
 * that changes times without changing files must not rebuild, and an edit within the
 * same second as the last build must.
 */
export function sourceHash(target: BuildTarget): string {
  const hash = createHash('sha256');
  for (const file of target.sources.flatMap(files)) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the output exists and was built from exactly today's sources. */
export function isFresh(target: BuildTarget): boolean {
  const stamp = join(target.outDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceHash(target);
}

/**
 * Records which sources the output in `outDir` was built from: pass the hash taken
 * before the build, so an edit made while it ran is not taken as built.
 */
export function writeStamp(target: BuildTarget, hash = sourceHash(target)): void {
  writeFileSync(join(target.outDir, STAMP), `${hash}\n`);
}

// `npm run build` / `npm run build-storybook` stamp their output (postbuild scripts), so
// a test run right after them (`.ci/run`) does not build again.
const arg = process.argv[2];
if (process.argv[1]?.endsWith('build-stamp.ts') && arg !== undefined) {
  const target = [DESIGNER_BUILD, STORYBOOK_BUILD].find((t) => t.name === arg);
  if (target === undefined) throw new Error(`build-stamp: unknown target ${arg}`);
  writeStamp(target);
}
