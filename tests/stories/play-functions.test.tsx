// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { BROWSER_ONLY, loadStories } from './story-files.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const interactive = loadStories().filter((s) => s.story.play);

describe('interaction tests: every story play function passes', () => {
  it('finds the play functions of the condition builder and the inspector', () => {
    const files = new Set(interactive.map((s) => s.file));
    expect([...files].some((f) => f.startsWith('stories/condition/'))).toBe(true);
    expect([...files].some((f) => f.startsWith('stories/inspector/'))).toBe(true);
  });

  for (const { file, name, story } of interactive) {
    it.skipIf(story.tags.includes(BROWSER_ONLY))(`${file} ${name}`, async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      // Renders into a fresh element and awaits the play function: a failed `expect`
      // inside the story fails this test.
      await story.run();
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
    });
  }
});
