// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { BROWSER_ONLY, loadStories } from './story-files.js';

afterEach(cleanup);

const interactive = loadStories().filter((s) => s.story.play);

describe('interaction tests: every story play function passes', () => {
  it('finds the play functions (condition builder and inspector at least)', () => {
    const files = new Set(interactive.map((s) => s.file));
    expect([...files].some((f) => f.startsWith('stories/condition/'))).toBe(true);
  });

  for (const { file, name, story } of interactive) {
    it.skipIf(story.tags.includes(BROWSER_ONLY))(`${file} ${name}`, async () => {
      // Renders into a fresh element and awaits the play function: a failed `expect`
      // inside the story fails this test.
      await story.run();
    });
  }
});
