import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STORYBOOK_STATIC = 'storybook-static';
const SOURCES = [
  'stories',
  '.storybook',
  'designer/src',
  'schemas',
  'examples',
  'package-lock.json',
];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The built Storybook, rebuilt (`storybook build`, offline) when missing or older than
 * the stories, the designer or the lockfile. CI builds it just before the tests
 * (`.ci/run`), so there this only checks.
 */
export function builtStorybook(): string {
  const index = join(STORYBOOK_STATIC, 'index.json');
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newest));
  if (!fresh) {
    const built = spawnSync(
      process.execPath,
      ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--quiet'],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
    );
    if (built.status !== 0) throw new Error(`storybook build failed:\n${built.stderr}`);
  }
  return STORYBOOK_STATIC;
}
