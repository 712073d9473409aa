// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { BROWSER_ONLY, loadStories } from './story-files.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const stories = loadStories();

describe('every story renders (a broken story fails CI)', () => {
  it('finds the story files', () => {
    expect(new Set(stories.map((s) => s.file)).size).toBeGreaterThan(0);
  });

  for (const { file, name, story: Story } of stories) {
    const skip = Story.tags.includes(BROWSER_ONLY);
    it.skipIf(skip)(`${file} ${name}`, async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await Story.load();
      const { container } = render(<Story />);
      // React Flow draws its nodes after its store settles: wait for content.
      await waitFor(() => expect(container.textContent?.trim()).not.toBe(''));
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
    });
  }
});
