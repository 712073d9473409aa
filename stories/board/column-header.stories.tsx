import type { Meta, StoryObj } from '@storybook/react-vite';
import { ColumnHeader } from '../../designer/src/board/column-header.js';
import { stageRules } from '../../designer/src/board/board-rules.js';
import { BOARD_SALES } from '../support/fake-board-api.js';
import '../../designer/src/board/board.css';

const paid = BOARD_SALES.pipeline.stages.find((s) => s.key === 'paid')!;

/** A column's head: name, count, sum, the stage's robots and triggers linked to the canvas. */
const meta = {
  title: 'board/Column header',
  component: ColumnHeader,
  decorators: [
    (Story) => (
      <div style={{ width: 260, background: '#eceef2' }}>
        <Story />
      </div>
    ),
  ],
  args: { stage: paid, count: 12, amount: 1_250_000, rules: stageRules(BOARD_SALES.modelId, paid) },
} satisfies Meta<typeof ColumnHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithRobots: Story = {};
export const TotalsLoading: Story = { args: { count: undefined, amount: undefined } };
export const NoRules: Story = { args: { stage: BOARD_SALES.pipeline.stages[0]!, rules: [] } };
export const Russian: Story = { globals: { locale: 'ru' } };
