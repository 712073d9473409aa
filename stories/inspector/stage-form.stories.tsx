import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { pipelineNodeId, stageNodeId } from '../../designer/src/editor/node-ids.js';
import { InspectorView } from '../support/inspector-view.js';
import { WORKBENCH } from '../support/fixtures.js';
import { lastModel } from '../support/story-model.js';

/** The inspector with a stage or a pipeline lane selected. */
const meta = {
  title: 'inspector/Stage and pipeline forms',
  component: InspectorView,
  args: { model: WORKBENCH, nodeId: stageNodeId('sales', 'trial'), onModelChange: fn() },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof InspectorView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const StageForm: Story = {};
export const SuccessStageForm: Story = { args: { nodeId: stageNodeId('sales', 'paid') } };
export const StageFormRussian: Story = { globals: { locale: 'ru' } };
export const PipelineForm: Story = { args: { nodeId: pipelineNodeId('subscriptions') } };
export const PipelineFormRussian: Story = { ...PipelineForm, globals: { locale: 'ru' } };

/** Rename the stage, make it a failure stage and require a field. */
export const EditStage: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByTestId<HTMLInputElement>('stage-name');
    // Typed over the selected old name: an empty name is never applied.
    await userEvent.type(name, 'Free trial', {
      initialSelectionStart: 0,
      initialSelectionEnd: name.value.length,
    });
    await userEvent.selectOptions(canvas.getByTestId('stage-kind'), 'failure');
    await userEvent.click(canvas.getByRole('checkbox', { name: /subscription_end/ }));
    const stage = lastModel(args.onModelChange).pipelines[0]?.stages.find((s) => s.key === 'trial');
    await expect(stage).toMatchObject({
      name: 'Free trial',
      kind: 'failure',
      requiredFields: ['subscription_end'],
    });
  },
};
