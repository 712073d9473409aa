import type { Meta, StoryObj } from '@storybook/react-vite';
import type { LaneNode } from '../../designer/src/canvas/flow-types.js';
import { pipelineNodeId } from '../../designer/src/editor/node-ids.js';
import { withEditor, withFlow } from '../support/decorators.js';
import { NodeFrame } from '../support/node-frame.js';
import { WORKBENCH } from '../support/fixtures.js';

type Args = { pipeline: string; selected: boolean };

function laneNode({ pipeline, selected }: Args): LaneNode {
  const p = WORKBENCH.pipelines.find((x) => x.key === pipeline) ?? WORKBENCH.pipelines[0];
  if (!p) throw new Error('the workbench has no pipeline');
  return {
    id: pipelineNodeId(p.key),
    type: 'lane',
    position: { x: 0, y: 0 },
    selected,
    data: { pipeline: p, width: 640, height: 180 },
    style: { width: 640, height: 180 },
  };
}

/** The lane behind a pipeline's stages: name, entity and "+ stage". */
const meta = {
  title: 'canvas/Lane',
  decorators: [withEditor, withFlow],
  render: (args) => <NodeFrame node={laneNode(args)} width={720} height={240} />,
  args: { pipeline: 'sales', selected: false },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {};
export const Selected: Story = { args: { selected: true } };
export const Russian: Story = { globals: { locale: 'ru' }, args: { pipeline: 'subscriptions' } };
