import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ExamplesGallery } from '../../designer/src/gallery/examples-gallery.js';
import { createFakeExtraApi } from '../support/fake-extra-api.js';
import { GALLERY } from '../support/gallery-fixtures.js';

/** The nine examples as `GET /api/examples` lists them (scenario number, a sentence each). */
const meta = {
  title: 'gallery/Examples gallery',
  component: ExamplesGallery,
  args: { onOpen: fn() },
} satisfies Meta<typeof ExamplesGallery>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NineExamples: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByTestId('example-reaction-time-control');
    await expect(canvasElement.querySelectorAll('.gallery-card')).toHaveLength(GALLERY.length);
  },
};

/** The sentences come in the UI language (from each example's `meta.json`). */
export const Russian: Story = {
  globals: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByTestId('example-reaction-time-control');
    await expect(card).toHaveTextContent('отреагировать за 30 минут');
  },
};

export const Loading: Story = {
  parameters: { extraApi: () => createFakeExtraApi({ hang: true }) },
};

export const Unreachable: Story = {
  parameters: { extraApi: () => createFakeExtraApi({ failWith: 'runtime unreachable' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'runtime unreachable',
    );
  },
};

/** Opening an example saves an editable copy and opens the copy, not the example. */
export const OpenACopy: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByTestId('open-example-reaction-time-control'));
    await expect(args.onOpen).toHaveBeenCalledWith('reaction-time-control-copy');
  },
};
