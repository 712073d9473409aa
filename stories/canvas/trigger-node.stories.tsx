import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Trigger } from '../../schemas/index.js';
import { withEditor, withFlow } from '../support/decorators.js';
import { NodeFrame } from '../support/node-frame.js';
import { ERROR, WARNING, triggerNode, type NodeStateArgs } from '../support/flow-nodes.js';
import { SAMPLE_TRIGGERS } from '../support/catalogue-samples.js';

type Args = NodeStateArgs & { trigger: Trigger };

const meta = {
  title: 'canvas/Trigger node',
  decorators: [withEditor, withFlow],
  render: ({ trigger, ...state }) => <NodeFrame node={triggerNode(trigger, state)} />,
  args: { trigger: SAMPLE_TRIGGERS.payment_received },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const kind = (type: Trigger['type']): Story => ({ args: { trigger: SAMPLE_TRIGGERS[type] } });

// Trigger kinds
export const IncomingMessage = kind('incoming_message');
export const IncomingEmail = kind('incoming_email');
export const PaymentReceived = kind('payment_received');
export const IncomingCall = kind('incoming_call');
export const MissedCall = kind('missed_call');
export const FormSubmitted = kind('form_submitted');
export const FieldChanged = kind('field_changed');
export const ResponsibleChanged = kind('responsible_changed');
export const DateReached = kind('date_reached');
export const LinkedRecordStage = kind('linked_record_stage');
export const InboundWebhook = kind('inbound_webhook');
export const TaskCompleted = kind('task_completed');
export const WithCondition: Story = {
  args: {
    trigger: { ...SAMPLE_TRIGGERS.payment_received, condition: { '>=': [{ var: 'amount' }, 1] } },
  },
};

// States
export const Selected: Story = { args: { selected: true } };
export const WithWarning: Story = { args: { issues: WARNING } };
export const WithError: Story = { args: { issues: ERROR } };
export const FiredInSimulation: Story = { args: { mark: 'fired' } };
export const RemovedInDiff: Story = { args: { mark: 'removed' } };
export const Russian: Story = { globals: { locale: 'ru' }, ...DateReached };
