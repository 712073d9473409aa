import { STORYBOOK_BUILD } from '../../../scripts/build-stamp.js';
import { builtOutput } from '../../support/ensure-built.js';

export const STORYBOOK_STATIC = STORYBOOK_BUILD.outDir;

/** The built Storybook (built once per run by the global set-up, never here). */
export function builtStorybook(): string {
  return builtOutput(STORYBOOK_BUILD);
}
