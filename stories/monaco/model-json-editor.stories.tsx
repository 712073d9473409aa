import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { ModelJsonEditor } from '../../designer/src/monaco/model-json-editor.js';
import { SUBSCRIPTIONS } from '../support/fixtures.js';

/**
 * The whole model as JSON in the bundled Monaco (workers from node_modules, no CDN),
 * checked against the model's JSON Schema. Monaco needs a real browser: these stories
 * are `browser-only`, skipped by the jsdom tests and checked in Chromium.
 */
const meta = {
  title: 'monaco/Model JSON editor',
  component: ModelJsonEditor,
  tags: ['browser-only'],
  parameters: { layout: 'fullscreen' },
  args: { model: SUBSCRIPTIONS, onApply: fn() },
  decorators: [
    (Story) => (
      <div style={{ height: 600 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ModelJsonEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Subscriptions: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Monaco draws its lines once its (bundled) code has loaded.
    await expect(
      await canvas.findByText(/"schemaVersion"/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  },
};
