import type { Preview } from '@storybook/react-vite';
import '@xyflow/react/dist/style.css';
import '../designer/src/styles.css';
import { withApi, withLocale } from '../stories/support/decorators.js';
import { LOCALE_ITEMS } from '../stories/support/locale-i18n.js';

/** Every story gets the UI language from the toolbar and the fake runtime client. */
const preview: Preview = {
  decorators: [withApi, withLocale],
  globalTypes: {
    locale: {
      description: 'UI language',
      toolbar: { title: 'Language', icon: 'globe', items: [...LOCALE_ITEMS], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: { layout: 'padded' },
};

export default preview;
