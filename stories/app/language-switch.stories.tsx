import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { LanguageSwitch } from '../../designer/src/app/language-switch.js';

/** EN / RU in the header; the toolbar's language decides which one is shown. */
const meta = {
  title: 'app/Language switch',
  component: LanguageSwitch,
} satisfies Meta<typeof LanguageSwitch>;
export default meta;
type Story = StoryObj<typeof meta>;

export const English: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('language-switch')).toHaveValue('en');
  },
};
export const Russian: Story = {
  globals: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('language-switch')).toHaveValue('ru');
  },
};
