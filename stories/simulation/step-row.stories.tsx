import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { ScenarioStep } from '../../schemas/simulation/index.js';
import { makeStep, StepRow } from '../../designer/src/simulation/step-row.js';
import '../../designer/src/versions/panels.css';
import '../../designer/src/simulation/simulation.css';
import { REACTION_TIME, REACTION_TIME_WITH_SCRIPTS } from '../support/simulation-fixtures.js';

const scripted = (REACTION_TIME_WITH_SCRIPTS.simulations ?? [])[0]?.steps?.[0];
const created: ScenarioStep =
  scripted ?? makeStep('create', { value: 0, unit: 'minutes' }, 'd1', REACTION_TIME);
const at10 = { value: 10, unit: 'minutes' } as const;

/** One scripted step of a simulation of scenario 4: when, what, which record, details. */
const meta = {
  title: 'simulation/Script step',
  component: StepRow,
  decorators: [
    (Story) => (
      <ol className="sim-steps">
        <Story />
      </ol>
    ),
  ],
  args: { index: 0, step: created, model: REACTION_TIME, onChange: fn(), onRemove: fn() },
} satisfies Meta<typeof StepRow>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The deal of "nobody reacts", created at 09:00 in "New request". */
export const Create: Story = {};
export const CreateRussian: Story = { globals: { locale: 'ru' } };
export const Update: Story = { args: { step: makeStep('update', at10, 'd1', REACTION_TIME) } };
/** The deal taken at 10 minutes (moved to "In progress"). */
export const Move: Story = {
  args: { step: { at: at10, do: 'move', ref: 'd1', stage: 'in_progress' } },
};
export const Event: Story = { args: { step: makeStep('event', at10, 'd1', REACTION_TIME) } };
export const EventRussian: Story = { args: Event.args, globals: { locale: 'ru' } };

/** Bad JSON in the fields stays on screen with an error and is not passed on. */
export const EditFields: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const fields = canvas.getByTestId('sim-step-0-fields');
    await userEvent.clear(fields);
    await userEvent.type(fields, '{{"amount": 5');
    await expect(fields).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.type(fields, '}');
    await expect(fields).toHaveAttribute('aria-invalid', 'false');
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...created, fields: { amount: 5 } });
  },
};

/** Changing what the step does makes a fresh step of that kind at the same time. */
export const ChangeKind: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByTestId('sim-step-0-do'), 'move');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ do: 'move', ref: created.ref, at: created.at }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Remove step' }));
    await expect(args.onRemove).toHaveBeenCalledOnce();
  },
};
