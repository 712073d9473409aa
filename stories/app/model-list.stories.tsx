import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ModelList } from '../../designer/src/app/model-list.js';
import { createFakeApiClient, type FakeApiClient } from '../support/fake-api-client.js';
import { EXAMPLE_MODELS } from '../support/fixtures.js';
import { withMe, type StoryParameters } from '../support/decorators.js';
import { storyMe } from '../support/access-fixtures.js';

const api = (client: () => FakeApiClient): StoryParameters => ({ api: client });

/** The start page: saved models from the (fake) runtime and "new model". */
const meta = {
  title: 'app/Model list',
  component: ModelList,
  args: { onOpen: fn() },
} satisfies Meta<typeof ModelList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithModels: Story = {};
export const NoModels: Story = { parameters: api(() => createFakeApiClient()) };
export const Loading: Story = { parameters: api(() => createFakeApiClient({ hang: true })) };
export const RuntimeUnreachable: Story = {
  parameters: api(() => createFakeApiClient({ failWith: 'connect ECONNREFUSED 127.0.0.1:3000' })),
};
export const Russian: Story = { globals: { locale: 'ru' } };

/** Creating a model saves it through the API and opens it. */
export const CreateModel: Story = {
  parameters: api(() => createFakeApiClient({ models: [...EXAMPLE_MODELS] })),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // The examples gallery below lists a "Subscriptions" too: wait for the model list's.
    await within(await canvas.findByTestId('model-list')).findByText('Subscriptions');
    await userEvent.type(canvas.getByTestId('new-model-name'), 'Onboarding');
    await userEvent.click(canvas.getByTestId('new-model'));
    await expect(args.onOpen).toHaveBeenLastCalledWith('onboarding');
  },
};

/** A viewer: no new model and no copies of examples (both make drafts), with the reason. */
export const Viewer: Story = {
  decorators: [withMe],
  parameters: { me: storyMe('viewer') } satisfies StoryParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('new-model')).toBeDisabled();
    await expect(canvas.getByTestId('new-model-reason')).toBeInTheDocument();
  },
};
