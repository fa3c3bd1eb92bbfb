import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline and private: no telemetry, no crash reports, no "what's new" requests.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs, whose tables and controls come from custom-elements.json) and MDX.
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: {
      ...viteConfig.build,
      // Stories hand data files (`new URL('…/entries.json', import.meta.url)`) to elements that
      // fetch them and accept only http(s) addresses. Vite's production build would inline a file
      // under 4 KB as a `data:` URL; JSON stays a file of its own, served over http(s) like in dev.
      assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    },
  }),
};
export default config;
