import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Stage } from '../../schemas/index.js';
import { withEditor, withFlow } from '../support/decorators.js';
import { NodeFrame } from '../support/node-frame.js';
import { ERROR, WARNING, stageNode, type NodeStateArgs } from '../support/flow-nodes.js';

type Args = NodeStateArgs & { stage: Stage; index: number };

const IN_PROGRESS: Stage = {
  key: 'trial',
  name: 'Trial period',
  kind: 'in_progress',
  requiredFields: ['plan'],
  robots: [],
  triggers: [],
};

const meta = {
  title: 'canvas/Stage node',
  decorators: [withEditor, withFlow],
  render: ({ stage, index, ...state }) => <NodeFrame node={stageNode(stage, index, state)} />,
  args: { stage: IN_PROGRESS, index: 1 },
  argTypes: {
    mark: {
      control: 'select',
      options: [undefined, 'fired', 'considered', 'added', 'removed', 'changed'],
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {};
export const Selected: Story = { args: { selected: true } };
export const WithWarning: Story = { args: { issues: WARNING } };
export const WithError: Story = { args: { issues: ERROR } };
export const FiredInSimulation: Story = { args: { mark: 'fired' } };
export const ConsideredInSimulation: Story = { args: { mark: 'considered' } };
export const AddedInDiff: Story = { args: { mark: 'added' } };
export const RemovedInDiff: Story = { args: { mark: 'removed' } };
export const ChangedInDiff: Story = { args: { mark: 'changed' } };
export const SuccessStage: Story = {
  args: {
    stage: { ...IN_PROGRESS, key: 'paid', name: 'Paid', kind: 'success', requiredFields: [] },
    index: 3,
  },
};
export const FailureStage: Story = {
  args: {
    stage: { ...IN_PROGRESS, key: 'lost', name: 'Lost', kind: 'failure', requiredFields: [] },
    index: 4,
  },
};
export const Russian: Story = { globals: { locale: 'ru' }, args: { selected: true } };
