import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { FIRST_RUN_KEY, FirstRunOverlay } from '../../designer/src/onboarding/first-run-overlay.js';

/**
 * Each story starts as a first run: a dismissal (by a play function or by hand in
 * Storybook) is remembered in localStorage and would hide the overlay in the next story.
 */
const meta = {
  title: 'onboarding/First-run overlay',
  component: FirstRunOverlay,
  decorators: [
    (Story) => {
      globalThis.localStorage?.removeItem(FIRST_RUN_KEY);
      return (
        <div style={{ position: 'relative', height: 360 }}>
          <Story />
        </div>
      );
    },
  ],
} satisfies Meta<typeof FirstRunOverlay>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ThreeIdeas: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** The dismiss button hides it and remembers the choice. */
export const Dismiss: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('first-run')).toBeInTheDocument();
    await userEvent.click(canvas.getByTestId('first-run-dismiss'));
    await expect(canvas.queryByTestId('first-run')).toBeNull();
    await expect(globalThis.localStorage.getItem(FIRST_RUN_KEY)).toBe('yes');
  },
};
