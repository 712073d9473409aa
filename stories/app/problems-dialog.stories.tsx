import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { validateModelSchema } from '../../schemas/index.js';
import { ProblemsDialog } from '../../designer/src/app/problems-dialog.js';

/** Why an import or a publish was refused, path by path. */
const meta = {
  title: 'app/Problems dialog',
  component: ProblemsDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    title: 'Publishing refused: 2 errors',
    diagnostics: [
      {
        code: 'UNKNOWN_STAGE',
        severity: 'error',
        path: '/pipelines/0/stages/1/robots/0/action/stage',
        message: 'moves to stage "no_such_stage", which pipeline sales lacks',
      },
      {
        code: 'UNKNOWN_USER',
        severity: 'error',
        path: '/pipelines/0/stages/0/robots/1/action/target/user',
        message: 'user "nobody" is in neither the model nor the runtime directory',
      },
    ],
    onClose: fn(),
  },
} satisfies Meta<typeof ProblemsDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const PublishRefused: Story = {};

/** What the schema says about a file that is not a model (the real validator's output). */
export const ImportRefused: Story = {
  args: {
    title: 'The file is not a valid model',
    diagnostics: validateModelSchema({ schemaVersion: 1, id: 'Bad Id', pipelines: [{}] }),
  },
};
export const Russian: Story = {
  globals: { locale: 'ru' },
  args: { title: 'Публикация отклонена: 2 ошибки' },
};
