import { spawnSync } from 'node:child_process';
import {
  DESIGNER_BUILD,
  isFresh,
  sourceHash,
  STORYBOOK_BUILD,
  writeStamp,
  type BuildTarget,
} from '../../scripts/build-stamp.js';

async function viteBuild(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

function storybookBuild(): void {
  const built = spawnSync(
    process.execPath,
    ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`storybook build failed:\n${built.stderr}`);
}

async function ensure(target: BuildTarget, build: () => Promise<void> | void): Promise<void> {
  if (isFresh(target)) return;
  const hash = sourceHash(target);
  await build();
  writeStamp(target, hash);
}

/** Builds the designer into dist/designer unless it was built from today's sources. */
export const ensureDesignerBuilt = (): Promise<void> => ensure(DESIGNER_BUILD, viteBuild);

/** Builds Storybook into storybook-static unless it was built from today's sources. */
export const ensureStorybookBuilt = (): Promise<void> => ensure(STORYBOOK_BUILD, storybookBuild);

/**
 * The output folder of a build the global set-up made. Test files only check: a build
 * inside a test file would race the other files serving the same folder.
 */
export function builtOutput(target: BuildTarget): string {
  if (!isFresh(target))
    throw new Error(
      `${target.outDir} is missing or older than its sources: the global set-up builds it (tests/e2e/support/global-setup.ts); unset E2E_SKIP_BUILD or run the build`,
    );
  return target.outDir;
}
