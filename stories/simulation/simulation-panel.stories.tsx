import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { AutomationModel } from '../../schemas/index.js';
import { SimulationPanel } from '../../designer/src/simulation/simulation-panel.js';
import type { CanvasOverlay } from '../../designer/src/versions/canvas-overlay.js';
import '../../designer/src/versions/panels.css';
import { SUBSCRIPTIONS } from '../support/fixtures.js';
import { NOBODY_REACTS, REACTION_TIME_WITH_SCRIPTS } from '../support/simulation-fixtures.js';

/**
 * Scenario 4 with its two example scripts saved. "Run" goes to the fake runtime
 * (`storyExtraApi`), which answers the recorded "nobody reacts" result, and a rerun the
 * recorded "taken at 10 minutes" one, as if the script had been edited in between.
 */
const meta = {
  title: 'simulation/Simulation panel',
  component: SimulationPanel,
  args: { model: REACTION_TIME_WITH_SCRIPTS, onOverlay: fn(), onModelChange: fn() },
} satisfies Meta<typeof SimulationPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

type Spy = { mock: { calls: unknown[][] } };
const lastArg = <T,>(spy: unknown): T | undefined =>
  (spy as Spy).mock.calls.at(-1)?.[0] as T | undefined;

export const SavedScripts: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** A model with no saved script starts a new one: a record created at minute 0. */
export const NewScript: Story = {
  args: { model: SUBSCRIPTIONS },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('sim-saved')).toHaveValue('');
    await expect(canvas.getByTestId('sim-step-0-do')).toHaveValue('create');
  },
};

/** The runtime refuses: the error is shown where the result would be. */
export const RunRefused: Story = {
  args: { model: SUBSCRIPTIONS },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('sim-run'));
    await expect(await canvas.findByTestId('sim-error')).toHaveTextContent('not found');
    await expect(canvas.queryByTestId('sim-timeline')).toBeNull();
  },
};

/**
 * Run, step back through the timeline (the canvas marks follow the cursor), then rerun:
 * the panel lists what no longer happens.
 */
export const RunStepAndRerun: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('sim-run'));
    await canvas.findByTestId('sim-timeline');
    await expect(canvas.getAllByTestId('sim-notification')).toHaveLength(
      NOBODY_REACTS.notifications.length,
    );
    // After a run the cursor is on the last entry: the manager's message fired.
    const atEnd = lastArg<CanvasOverlay>(args.onOverlay);
    await expect(atEnd?.marks.get('robot:escalate_after_30_min')).toBe('fired');

    await userEvent.click(canvas.getByTestId('sim-prev'));
    await userEvent.click(canvas.getByTestId('sim-prev'));
    // Two lines back (minute 15) it is only scheduled: looked at, not run.
    const earlier = lastArg<CanvasOverlay>(args.onOverlay);
    await expect(earlier?.marks.get('robot:escalate_after_30_min')).toBe('considered');
    await expect(earlier?.marks.get('robot:remind_after_15_min')).toBe('fired');
    await expect(canvasElement.querySelector('[aria-current="step"]')).toHaveTextContent(
      'robot:remind_after_15_min',
    );

    await userEvent.click(canvas.getByTestId('sim-run'));
    const changes = await canvas.findByTestId('sim-changes');
    await waitFor(() => expect(changes).toHaveTextContent('robot:escalate_after_30_min'));
  },
};

/** Picking the other saved script and saving an edited copy stores it with the model. */
export const PickAndSave: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [, second] = REACTION_TIME_WITH_SCRIPTS.simulations ?? [];
    await userEvent.selectOptions(canvas.getByTestId('sim-saved'), second?.name ?? '');
    await expect(canvas.getByTestId('sim-name')).toHaveValue(second?.name);
    await userEvent.click(canvas.getByTestId('sim-add-step'));
    await userEvent.click(canvas.getByTestId('sim-save'));
    const saved = lastArg<AutomationModel>(args.onModelChange)?.simulations ?? [];
    await expect(saved).toHaveLength(2);
    await expect(saved.at(-1)?.steps).toHaveLength((second?.steps?.length ?? 0) + 1);
  },
};
