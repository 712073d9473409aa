// Plain JavaScript on purpose: `npm start` runs this before anything is compiled and
// without dev dependencies (no tsx), so it cannot be TypeScript. Types: build-targets.d.mts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMON = ['schemas', 'examples', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];

export const DESIGNER_BUILD = {
  name: 'designer',
  outDir: 'dist/designer',
  sources: ['designer', ...COMMON],
};

export const STORYBOOK_BUILD = {
  name: 'storybook',
  outDir: 'storybook-static',
  sources: ['stories', '.storybook', 'designer', ...COMMON],
};

/** The compiled server: runtime, schemas and CLI in dist/runtime and dist/schemas. */
export const SERVER_BUILD = {
  name: 'server',
  outDir: 'dist/runtime',
  sources: ['runtime', 'schemas', 'package-lock.json', 'tsconfig.json', 'tsconfig.server.json'],
};

export const BUILD_TARGETS = [DESIGNER_BUILD, STORYBOOK_BUILD, SERVER_BUILD];

const STAMP = '.build-stamp';

function files(path) {
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
export function sourceHash(target) {
  const hash = createHash('sha256');
  for (const file of target.sources.flatMap(files)) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the output exists and was built from exactly today's sources. */
export function isFresh(target) {
  const stamp = join(target.outDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourceHash(target);
}

/**
 * Records which sources the output in `outDir` was built from: pass the hash taken
 * before the build, so an edit made while it ran is not taken as built.
 */
export function writeStamp(target, hash = sourceHash(target)) {
  writeFileSync(join(target.outDir, STAMP), `${hash}\n`);
}

/** The command that builds a target, run with this Node (dev dependencies needed). */
const COMMANDS = {
  designer: ['node_modules/vite/bin/vite.js', 'build'],
  storybook: ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--quiet'],
  server: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.server.json'],
};

/** Thrown when a build cannot run or fails; its message is one line for the operator. */
export class BuildError extends Error {}

/** Builds a target now and stamps it; throws BuildError with what to do when it cannot. */
export function build(target) {
  const [script, ...args] = COMMANDS[target.name];
  if (!existsSync(script))
    throw new BuildError(
      `${target.outDir} is missing or older than its sources and ${script} is not installed: run \`npm ci\` (with dev dependencies) and \`npm run build\`, then start again`,
    );
  const hash = sourceHash(target);
  // A server build replaces the whole output, so a deleted source leaves no stale module.
  if (target.name === 'server')
    for (const dir of ['dist/runtime', 'dist/schemas'])
      rmSync(dir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (run.status !== 0) throw new BuildError(`building ${target.name} failed (exit ${run.status})`);
  writeStamp(target, hash);
}

/** Builds each target whose output is missing or older than its sources; returns their names. */
export function buildStale(targets) {
  const built = [];
  for (const target of targets) {
    if (isFresh(target)) continue;
    build(target);
    built.push(target.name);
  }
  return built;
}
