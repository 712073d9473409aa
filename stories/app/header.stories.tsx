import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Header } from '../../designer/src/app/header.js';
import { withMe, type StoryParameters } from '../support/decorators.js';
import { storyMe } from '../support/access-fixtures.js';

/** The toolbar: name, save state, undo/redo, views, import/export, publish, language. */
const meta = {
  title: 'app/Header',
  component: Header,
  parameters: { layout: 'fullscreen' },
  args: {
    name: 'Subscriptions',
    save: { status: 'saved' },
    notice: null,
    canUndo: true,
    canRedo: false,
    view: 'canvas',
    onRename: fn(),
    onUndo: fn(),
    onRedo: fn(),
    onPublish: fn(),
    onImport: fn(),
    onExport: fn(),
    onExportRuleSet: fn(),
    onAutoLayout: fn(),
    onAddPipeline: fn(),
    onView: fn(),
  },
} satisfies Meta<typeof Header>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Saved: Story = {};
export const Saving: Story = { args: { save: { status: 'saving' } } };
export const Unsaved: Story = { args: { save: { status: 'unsaved' }, canRedo: true } };
export const SaveFailed: Story = {
  args: { save: { status: 'failed', message: 'runtime unreachable' } },
};
export const Published: Story = { args: { notice: 'Published version 3' } };
export const JsonView: Story = { args: { view: 'json' } };
export const Russian: Story = { globals: { locale: 'ru' }, args: { save: { status: 'unsaved' } } };

/** The buttons call what the page passed in; undo is off when there is nothing to undo. */
export const Buttons: Story = {
  args: { canUndo: false },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('undo')).toBeDisabled();
    await userEvent.click(canvas.getByTestId('view-json'));
    await expect(args.onView).toHaveBeenLastCalledWith('json');
    await userEvent.click(canvas.getByTestId('publish'));
    await expect(args.onPublish).toHaveBeenCalledOnce();
  },
};

/** Signed in as the owner: the user menu sits at the end of the toolbar. */
export const SignedIn: Story = {
  decorators: [withMe],
  parameters: { me: storyMe('owner') } satisfies StoryParameters,
};

/** A viewer's matrix: no Publish button; editing buttons disabled with the reason. */
export const Viewer: Story = {
  decorators: [withMe],
  parameters: { me: storyMe('viewer') } satisfies StoryParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByTestId('publish')).toBeNull();
    await expect(canvas.getByTestId('add-pipeline')).toBeDisabled();
    await expect(canvas.getByTestId('add-pipeline')).toHaveAttribute(
      'title',
      'Your role may not edit drafts',
    );
  },
};
