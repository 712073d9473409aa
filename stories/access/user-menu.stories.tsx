import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { UserMenu } from '../../designer/src/access/user-menu.js';
import { withMe, type StoryParameters } from '../support/decorators.js';
import { storyMe } from '../support/access-fixtures.js';

const as = (me: StoryParameters['me']): StoryParameters => ({ me });

/** The user menu in the header: who, language, own account, access screens, sign out. */
const meta = {
  title: 'access/User menu',
  component: UserMenu,
  decorators: [
    withMe,
    (Story) => (
      <div className="app-header" style={{ justifyContent: 'flex-end', minHeight: 380 }}>
        <Story />
      </div>
    ),
  ],
  parameters: { layout: 'fullscreen', ...as(storyMe('owner')) },
} satisfies Meta<typeof UserMenu>;
export default meta;
type Story = StoryObj<typeof meta>;

const open: Story['play'] = async ({ canvasElement }) => {
  const summary = canvasElement.querySelector('summary');
  if (summary) await userEvent.click(summary);
};

export const Owner: Story = { play: open };
export const Russian: Story = { globals: { locale: 'ru' }, play: open };
/** Before the runtime sends the matrix: every screen is offered (nothing derived). */
export const RoleOnly: Story = { parameters: as(storyMe('manager', false)), play: open };

/** A manager sees only their own tokens, sessions and password. */
export const Manager: Story = {
  parameters: as(storyMe('manager')),
  play: async (ctx) => {
    await open(ctx);
    const canvas = within(ctx.canvasElement);
    await expect(canvas.getByTestId('menu-tokens')).toBeInTheDocument();
    await expect(canvas.queryByTestId('menu-users')).toBeNull();
    await expect(canvas.queryByTestId('menu-audit')).toBeNull();
  },
};
