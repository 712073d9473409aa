import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Action } from '../../schemas/index.js';
import { InspectorView } from '../support/inspector-view.js';
import { modelWithRobot } from '../support/fixtures.js';
import { SAMPLE_ACTIONS } from '../support/catalogue-samples.js';
import { lastModel, storyRobot } from '../support/story-model.js';

/** The inspector with a robot selected: name, timing, condition, the action's form. */
const meta = {
  title: 'inspector/Robot form',
  component: InspectorView,
  args: { ...modelWithRobot(SAMPLE_ACTIONS.notify), onModelChange: fn() },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof InspectorView>;
export default meta;
type Story = StoryObj<typeof meta>;

const action = (a: Action): Story => ({ args: modelWithRobot(a) });

// The form of every action kind
export const Assign = action(SAMPLE_ACTIONS.assign);
export const AssignByRules = action({
  type: 'assign',
  target: {
    kind: 'rules',
    rules: [
      { condition: { '>': [{ var: 'amount' }, 100000] }, target: { kind: 'user', user: 'orlova' } },
      { condition: { '==': [{ var: 'plan' }, 'year'] }, target: { kind: 'user', user: 'semenov' } },
    ],
    otherwise: { kind: 'user', user: 'makarova' },
  },
});
export const Notify = action(SAMPLE_ACTIONS.notify);
export const CreateTask = action(SAMPLE_ACTIONS.create_task);
export const ChangeStage = action(SAMPLE_ACTIONS.change_stage);
export const UpdateFields = action(SAMPLE_ACTIONS.update_fields);
export const SendEmail = action(SAMPLE_ACTIONS.send_email);
export const SendMessage = action(SAMPLE_ACTIONS.send_message);
export const CreateLinkedRecord = action(SAMPLE_ACTIONS.create_linked_record);
export const GenerateDocument = action(SAMPLE_ACTIONS.generate_document);
export const Webhook = action(SAMPLE_ACTIONS.webhook);
export const ConvertLead = action(SAMPLE_ACTIONS.convert_lead);
export const AddComment = action(SAMPLE_ACTIONS.add_comment);
export const WithTimingAndCondition: Story = {
  args: modelWithRobot(SAMPLE_ACTIONS.notify, {
    name: 'Remind before the end',
    timing: {
      kind: 'relative_to_field',
      field: 'subscription_end',
      direction: 'before',
      offset: { value: 7, unit: 'days' },
      workingHours: true,
    },
    condition: { '==': [{ var: 'activated' }, true] },
  }),
};
export const CreateTaskRussian: Story = { ...CreateTask, globals: { locale: 'ru' } };
export const NothingSelected: Story = { args: { nodeId: null } };

/** Change an action's settings: the notification text and the target stage. */
export const EditActionSettings: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const message = canvas.getByTestId('notify-message');
    await userEvent.clear(message);
    await userEvent.type(message, 'Trial ends soon');
    await expect(storyRobot(lastModel(args.onModelChange)).action).toEqual({
      type: 'notify',
      recipients: [{ kind: 'responsible' }],
      message: 'Trial ends soon',
    });
  },
};

export const PickTargetStage: Story = {
  ...ChangeStage,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByTestId('change-stage-target'), 'paid');
    await expect(storyRobot(lastModel(args.onModelChange)).action).toEqual({
      type: 'change_stage',
      stage: 'paid',
    });
  },
};

/** Switch timing: at once -> after a delay of 15 min -> 2 hours. */
export const SwitchTiming: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByTestId('timing-kind'), 'delay');
    await expect(storyRobot(lastModel(args.onModelChange)).timing).toEqual({
      kind: 'delay',
      duration: { value: 15, unit: 'minutes' },
    });
    const duration = canvas.getByTestId('timing-duration');
    await userEvent.clear(duration);
    await userEvent.type(duration, '2');
    const unit = duration.nextElementSibling;
    if (!(unit instanceof HTMLSelectElement)) throw new Error('no unit picker');
    await userEvent.selectOptions(unit, 'hours');
    await expect(storyRobot(lastModel(args.onModelChange)).timing).toEqual({
      kind: 'delay',
      duration: { value: 2, unit: 'hours' },
    });
    // Leaving the stage cancels a pending robot unless the admin says otherwise.
    await expect(canvas.getByRole('checkbox', { name: /cancel/i })).toBeChecked();
  },
};

/** A condition set in the inspector lands on the robot. */
export const AddCondition: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const condition = within(canvas.getByTestId('robot-condition'));
    await userEvent.click(condition.getByTestId('add-rule'));
    await userEvent.selectOptions(condition.getByTestId('rule-field'), 'activated');
    await userEvent.selectOptions(condition.getByTestId('rule-operator'), 'is_true');
    await expect(storyRobot(lastModel(args.onModelChange)).condition).toEqual({
      '==': [{ var: 'activated' }, true],
    });
  },
};
