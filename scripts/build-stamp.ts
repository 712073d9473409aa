import { BUILD_TARGETS, writeStamp } from './build-targets.mjs';

// The targets and their hashes live in build-targets.mjs (plain JavaScript, so that
// `npm start` can check them without tsx); tests import them from here.
export {
  DESIGNER_BUILD,
  isFresh,
  SERVER_BUILD,
  sourceHash,
  STORYBOOK_BUILD,
  writeStamp,
  type BuildTarget,
} from './build-targets.mjs';

// `npm run build-storybook` stamps its output (postbuild script), so a test run right
// after it (`.ci/run`) does not build again.
const arg = process.argv[2];
if (process.argv[1]?.endsWith('build-stamp.ts') && arg !== undefined) {
  const target = BUILD_TARGETS.find((t) => t.name === arg);
  if (target === undefined) throw new Error(`build-stamp: unknown target ${arg}`);
  writeStamp(target);
}
