import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccessScreenPage } from '../../designer/src/access/access-screen-page.js';
import { createFakeAccessApi } from '../support/fake-access-api.js';
import { withMe, type StoryParameters } from '../support/decorators.js';
import { STORY_AUDIT, storyMe } from '../support/access-fixtures.js';

const params = (p: StoryParameters): StoryParameters => p;
const older = () => createFakeAccessApi({ missing: ['roles', 'audit', 'recycleBin'] });

/** Each access screen in its frame (header, tabs), over the fake runtime, as the owner. */
const meta = {
  title: 'access/Access screens',
  component: AccessScreenPage,
  decorators: [withMe],
  parameters: { layout: 'fullscreen', ...params({ me: storyMe('owner') }) },
  args: { screen: 'users' },
} satisfies Meta<typeof AccessScreenPage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Users: Story = {};
export const UsersRussian: Story = { globals: { locale: 'ru' } };
/** A viewer reads accounts; changing them is disabled with the reason. */
export const UsersAsViewer: Story = { parameters: params({ me: storyMe('viewer') }) };
export const Tokens: Story = { args: { screen: 'tokens' } };
export const TokensRussian: Story = { args: { screen: 'tokens' }, globals: { locale: 'ru' } };
export const Sessions: Story = { args: { screen: 'sessions' } };
export const Password: Story = { args: { screen: 'password' } };
export const Roles: Story = { args: { screen: 'roles' } };
export const RolesRussian: Story = { args: { screen: 'roles' }, globals: { locale: 'ru' } };
export const Audit: Story = { args: { screen: 'audit' } };
export const AuditRussian: Story = { args: { screen: 'audit' }, globals: { locale: 'ru' } };
/** Two entries a page: "Load more" follows `nextCursor`. */
export const AuditPaged: Story = {
  args: { screen: 'audit' },
  parameters: params({ accessApi: () => createFakeAccessApi({ pageSize: 2 }) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = () => canvas.getByTestId('audit-list').querySelectorAll('tbody tr').length;
    // Two entries a page: "Load more" until the last page has come.
    for (let page = 1; page * 2 < STORY_AUDIT.length; page++) {
      await userEvent.click(await canvas.findByTestId('load-more'));
      await waitFor(() => expect(rows()).toBe(Math.min((page + 1) * 2, STORY_AUDIT.length)));
    }
    await expect(await canvas.findAllByText('Records exported')).toHaveLength(1);
    // The robot is named as the admin typed it; its keys stay in the tooltip.
    await expect(await canvas.findByText(/Assign by turn \(Deal distribution, v3\)/)).toBeTruthy();
    await expect(rows()).toBe(STORY_AUDIT.length);
  },
};
export const RecycleBin: Story = { args: { screen: 'recycle-bin' } };
export const RecycleBinRussian: Story = {
  args: { screen: 'recycle-bin' },
  globals: { locale: 'ru' },
};
/** A viewer sees the bin; restoring is disabled with the reason, purging is not offered. */
export const RecycleBinAsViewer: Story = {
  args: { screen: 'recycle-bin' },
  parameters: params({ me: storyMe('viewer') }),
};
/** A runtime without the roles, audit and recycle-bin routes (404): said, not crashed. */
export const RolesNotAvailable: Story = {
  args: { screen: 'roles' },
  parameters: params({ accessApi: older }),
};
export const AuditNotAvailable: Story = {
  args: { screen: 'audit' },
  parameters: params({ accessApi: older }),
};
export const RecycleBinNotAvailable: Story = {
  args: { screen: 'recycle-bin' },
  parameters: params({ accessApi: older }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('not-available')).toBeInTheDocument();
  },
};
/** A screen the role may not open says so. */
export const ForbiddenScreen: Story = {
  args: { screen: 'audit' },
  parameters: params({ me: storyMe('manager') }),
};

/** A new token is shown once, with a copy button, and joins the list. */
export const CreateToken: Story = {
  args: { screen: 'tokens' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByTestId('token-name'), 'Zapier');
    await userEvent.click(canvas.getByTestId('token-submit'));
    const value = (await canvas.findByTestId('token-value')) as HTMLInputElement;
    await expect(value.value).toMatch(/^cvy_/);
    await expect(await canvas.findByTestId('token-Zapier')).toBeInTheDocument();
  },
};

/** Creating an account adds its row. */
export const CreateAccount: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByTestId('account-email'), 'petr@example.com');
    await userEvent.type(canvas.getByTestId('account-password'), 'first password');
    await userEvent.click(canvas.getByTestId('account-submit'));
    await expect(await canvas.findByTestId('account-petr@example.com')).toBeInTheDocument();
  },
};

/** A custom role's matrix is edited and saved; built-ins are read-only. */
export const EditCustomRole: Story = {
  args: { screen: 'roles' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('role-read-only')).toBeInTheDocument();
    // Built-in: values as text, nothing to change.
    await expect(canvas.getByTestId('matrix-deal-read').tagName).toBe('SPAN');
    await userEvent.click(canvas.getByTestId('role-senior_manager'));
    await userEvent.selectOptions(canvas.getByTestId('matrix-deal-export'), 'own');
    await userEvent.click(canvas.getByTestId('role-save'));
    await expect(await canvas.findByText('Saved.')).toBeInTheDocument();
  },
};
