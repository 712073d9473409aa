import type { Meta, StoryObj } from '@storybook/react-vite';
import { FieldIssues } from '../../designer/src/inspector/field-issues.js';
import { DurationEditor } from '../../designer/src/inspector/duration-editor.js';

/**
 * A schema error found on save, listed above the form; the control it points at is
 * marked (aria-invalid, red outline) and described by the message.
 */
const meta = {
  title: 'inspector/Field issues',
  component: FieldIssues,
  args: {
    nodeId: 'robot:remind',
    jump: { rel: '/timing/duration/value', n: 1 },
    issues: [
      {
        rel: '/timing/duration/value',
        diagnostic: {
          code: 'SCHEMA',
          severity: 'error',
          path: '/pipelines/0/stages/0/robots/0/timing/duration/value',
          message: '/pipelines/0/stages/0/robots/0/timing/duration/value must be <= 100000',
        },
      },
    ],
  },
  render: (args) => (
    <aside className="inspector">
      <FieldIssues {...args} />
      <DurationEditor
        label="Delay"
        value={{ value: 1e20, unit: 'minutes' }}
        onChange={() => undefined}
        testId="timing-duration"
      />
    </aside>
  ),
} satisfies Meta<typeof FieldIssues>;
export default meta;
type Story = StoryObj<typeof meta>;

export const DelayTooLong: Story = {};
export const DelayTooLongRussian: Story = { globals: { locale: 'ru' } };
