import { composeStories, type ReactRenderer } from '@storybook/react-vite';
import type { Args, ComposedStoryFn, Store_CSFExports } from 'storybook/internal/types';
import './support/story-environment.js';

type StoryModule = Store_CSFExports<ReactRenderer>;
type ComposedStory = ComposedStoryFn<ReactRenderer, Partial<Args>>;

/** Every `stories/**\/*.stories.tsx`, found the way Storybook's `main.ts` finds them. */
const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true });

/** A story as the tests run it: its file, export name and the composed story. */
export interface LoadedStory {
  readonly file: string;
  readonly name: string;
  readonly story: ComposedStory;
}

/** Stories tagged `browser-only` need a real browser (Monaco): jsdom skips them. */
export const BROWSER_ONLY = 'browser-only';

/** All stories of all files, composed with the preview's decorators and globals. */
export function loadStories(): LoadedStory[] {
  return Object.entries(modules).flatMap(([path, module]) =>
    Object.entries(composeStories(module)).map(([name, story]) => ({
      file: path.replace('../../', ''),
      name,
      story: story as ComposedStory,
    })),
  );
}
