import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DesignerPage } from '../../designer/src/app/designer-page.js';
import { createFakeApiClient } from '../support/fake-api-client.js';
import { EXAMPLE_MODELS, STORY_DIRECTORY } from '../support/fixtures.js';
import type { StoryParameters } from '../support/decorators.js';

/**
 * The whole designer for one model, loaded from and autosaved to the fake runtime:
 * header, palette, canvas, inspector and problems together.
 */
const meta = {
  title: 'app/Designer page',
  component: DesignerPage,
  parameters: { layout: 'fullscreen' },
  args: { id: 'sales-logistics-handoff' },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof DesignerPage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SalesLogisticsHandoff: Story = {};
export const DocumentFlow: Story = { args: { id: 'document-flow' } };
export const Russian: Story = { globals: { locale: 'ru' } };
export const UnknownModel: Story = { args: { id: 'no-such-model' } };

/** Selecting a robot on the canvas opens its form; editing its name autosaves the draft. */
let runtime = createFakeApiClient();
export const EditAndAutosave: Story = {
  parameters: {
    api: () => {
      runtime = createFakeApiClient({ models: [...EXAMPLE_MODELS], directory: STORY_DIRECTORY });
      return runtime;
    },
  } satisfies StoryParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByTestId('robot-hand_to_logistics'));
    const name = await canvas.findByTestId('robot-name');
    await userEvent.type(name, ' now');
    await expect(canvas.getByTestId('robot-hand_to_logistics')).toHaveTextContent(
      'Create a request in Logistics now',
    );
    await waitFor(() => expect(canvas.getByTestId('save-state')).toHaveTextContent(/^Saved$/), {
      timeout: 3000,
    });
    const saved = runtime.calls.filter((c) => c.method === 'saveModel').at(-1)?.args[0];
    await expect(JSON.stringify(saved)).toContain('"name":"Create a request in Logistics now"');
  },
};
