import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RoleMatrix } from '../../designer/src/access/role-matrix.js';
import { MANAGER_RIGHTS, OWNER_RIGHTS } from '../support/access-fixtures.js';

/** The permission matrix: entities by actions with scopes, automations, other rights. */
const meta = {
  title: 'access/Role matrix',
  component: RoleMatrix,
  args: { permissions: MANAGER_RIGHTS, readOnly: false, onChange: fn() },
} satisfies Meta<typeof RoleMatrix>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Editable: Story = {};
export const ReadOnly: Story = { args: { readOnly: true, permissions: OWNER_RIGHTS } };
export const Russian: Story = { globals: { locale: 'ru' } };

/** A scope change and a checkbox report the whole new matrix. */
export const Edit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByTestId('matrix-lead-delete'), 'all');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entities: expect.objectContaining({
          lead: expect.objectContaining({ delete: 'all', read: 'own' }),
        }),
      }),
    );
    await userEvent.click(canvas.getByTestId('matrix-automations-publish'));
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        automations: expect.objectContaining({ publish: true }),
      }),
    );
  },
};
