import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for the designer's components. Written by hand (no `storybook init`) and
 * offline: no telemetry, no update check, Monaco bundled from node_modules.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  // The root vite.config.ts builds the designer app (root: designer/); Storybook keeps
  // its plugins but resolves from the repository root. Storybook itself sets the output
  // folder and keeps its manager files there (emptyOutDir: false).
  viteFinal: (vite) => ({
    ...vite,
    root: process.cwd(),
    build: { ...vite.build, chunkSizeWarningLimit: 8000 },
  }),
};

export default config;
