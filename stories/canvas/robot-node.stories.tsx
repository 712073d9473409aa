import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Robot } from '../../schemas/index.js';
import { withEditor, withFlow } from '../support/decorators.js';
import { NodeFrame } from '../support/node-frame.js';
import { ERROR, WARNING, robotNode, type NodeStateArgs } from '../support/flow-nodes.js';
import { SAMPLE_ACTIONS } from '../support/catalogue-samples.js';
import { STORY_ROBOT_ID } from '../support/fixtures.js';

type Args = NodeStateArgs & { robot: Robot; order: number };

const ROBOT: Robot = {
  id: STORY_ROBOT_ID,
  timing: { kind: 'immediate' },
  action: SAMPLE_ACTIONS.notify,
};

const meta = {
  title: 'canvas/Robot node',
  decorators: [withEditor, withFlow],
  render: ({ robot, order, ...state }) => <NodeFrame node={robotNode(robot, order, state)} />,
  args: { robot: ROBOT, order: 1 },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const withRobot = (patch: Partial<Robot>): Story => ({ args: { robot: { ...ROBOT, ...patch } } });

// Timing kinds
export const AtOnce: Story = {};
export const AfterDelay = withRobot({
  timing: { kind: 'delay', duration: { value: 15, unit: 'minutes' } },
});
export const RelativeToDateField = withRobot({
  timing: {
    kind: 'relative_to_field',
    field: 'subscription_end',
    direction: 'before',
    offset: { value: 7, unit: 'days' },
  },
});
export const AfterPrevious = withRobot({
  timing: { kind: 'after_previous', duration: { value: 2, unit: 'hours' } },
});
export const InWorkingHours = withRobot({
  timing: { kind: 'delay', duration: { value: 1, unit: 'hours' }, workingHours: true },
});
/** "1 h · working time counted": the delay runs only in working hours (an SLA clock). */
export const CountingWorkingTime = withRobot({
  timing: { kind: 'delay', duration: { value: 1, unit: 'hours' }, workingHours: 'count' },
});
export const WithCondition = withRobot({
  name: 'Remind big deals',
  condition: { '>': [{ var: 'amount' }, 100000] },
});

// States
export const Selected: Story = { args: { selected: true } };
export const WithWarning: Story = { args: { issues: WARNING } };
export const WithError: Story = { args: { issues: ERROR } };
export const FiredInSimulation: Story = { args: { mark: 'fired' } };
export const ConsideredInSimulation: Story = { args: { mark: 'considered' } };
export const ChangedInDiff: Story = { args: { mark: 'changed' } };
export const Russian: Story = { globals: { locale: 'ru' }, ...AfterDelay };

// One per action kind (the line under the title describes the action)
export const Assign = withRobot({ action: SAMPLE_ACTIONS.assign });
export const Notify = withRobot({ action: SAMPLE_ACTIONS.notify });
export const CreateTask = withRobot({ action: SAMPLE_ACTIONS.create_task });
export const ChangeStage = withRobot({ action: SAMPLE_ACTIONS.change_stage });
export const UpdateFields = withRobot({ action: SAMPLE_ACTIONS.update_fields });
export const SendEmail = withRobot({ action: SAMPLE_ACTIONS.send_email });
export const SendMessage = withRobot({ action: SAMPLE_ACTIONS.send_message });
export const CreateLinkedRecord = withRobot({ action: SAMPLE_ACTIONS.create_linked_record });
export const GenerateDocument = withRobot({ action: SAMPLE_ACTIONS.generate_document });
export const Webhook = withRobot({ action: SAMPLE_ACTIONS.webhook });
export const ConvertLead = withRobot({ action: SAMPLE_ACTIONS.convert_lead });
export const AddComment = withRobot({ action: SAMPLE_ACTIONS.add_comment });
