import type { Meta, StoryObj } from '@storybook/react-vite';
import { NotAvailable } from '../../designer/src/access/not-available.js';

/** What a screen shows when the runtime has no route for it yet (404). */
const meta = {
  title: 'access/Not available',
  component: NotAvailable,
  args: { what: 'Audit log' },
} satisfies Meta<typeof NotAvailable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Russian: Story = { globals: { locale: 'ru' }, args: { what: 'Журнал аудита' } };
