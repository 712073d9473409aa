import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Trigger } from '../../schemas/index.js';
import { InspectorView } from '../support/inspector-view.js';
import { modelWithTrigger } from '../support/fixtures.js';
import { SAMPLE_TRIGGERS } from '../support/catalogue-samples.js';
import { lastModel, storyTrigger } from '../support/story-model.js';

/** The inspector with a trigger selected: the event's parameters and a condition. */
const meta = {
  title: 'inspector/Trigger form',
  component: InspectorView,
  args: { ...modelWithTrigger(SAMPLE_TRIGGERS.payment_received), onModelChange: fn() },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof InspectorView>;
export default meta;
type Story = StoryObj<typeof meta>;

const kind = (type: Trigger['type']): Story => ({ args: modelWithTrigger(SAMPLE_TRIGGERS[type]) });

// The form of every trigger kind
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
export const DateReachedRussian: Story = { ...DateReached, globals: { locale: 'ru' } };

/** Pick the watched field and allow moving backwards. */
export const EditFieldChanged: Story = {
  ...FieldChanged,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const form = within(canvas.getByTestId('trigger-form'));
    const [field] = form.getAllByRole('combobox');
    if (!field) throw new Error('no field picker');
    await userEvent.selectOptions(field, 'subscription_end');
    await userEvent.click(form.getByRole('checkbox'));
    await expect(storyTrigger(lastModel(args.onModelChange))).toEqual({
      id: 'story_trigger',
      type: 'field_changed',
      field: 'subscription_end',
      allowBackwards: true,
    });
  },
};
