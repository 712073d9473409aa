import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Diagnostic } from '../../schemas/index.js';
import { DiagnosticsPanel } from '../../designer/src/diagnostics/diagnostics-panel.js';

const FINDINGS: Diagnostic[] = [
  {
    code: 'UNKNOWN_STAGE',
    severity: 'error',
    path: '/pipelines/0/stages/1/robots/0/action/stage',
    nodeId: 'robot:broken_move',
    message: 'Robot broken_move moves to stage "no_such_stage", which pipeline sales lacks',
  },
  {
    code: 'UNKNOWN_FIELD',
    severity: 'warning',
    path: '/pipelines/0/stages/1/robots/1/condition',
    nodeId: 'robot:unknown_field',
    message: 'Condition reads field "budget", which deals do not have',
  },
  {
    code: 'UNUSED_TEMPLATE',
    severity: 'info',
    path: '/templates/2',
    message: 'Template come_back_offer is never used',
  },
];

/** The analyzer's findings under the canvas; a finding with a node selects it. */
const meta = {
  title: 'diagnostics/Diagnostics panel',
  component: DiagnosticsPanel,
  args: { diagnostics: FINDINGS, onPick: fn() },
} satisfies Meta<typeof DiagnosticsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ErrorsAndWarnings: Story = {};
export const NoProblems: Story = { args: { diagnostics: [] } };
export const Russian: Story = { globals: { locale: 'ru' } };

/** Clicking a finding picks its node; one without a node cannot be clicked. */
export const PickAFinding: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /UNKNOWN_FIELD/ }));
    // With the finding's path, so the inspector can focus the field.
    await expect(args.onPick).toHaveBeenLastCalledWith('robot:unknown_field', expect.any(String));
    await expect(canvas.getByRole('button', { name: /UNUSED_TEMPLATE/ })).toBeDisabled();
  },
};
