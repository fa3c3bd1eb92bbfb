import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline and private: no telemetry, no crash reports, no "what's new" requests.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs, whose tables and controls come from custom-elements.json) and MDX.
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
};
export default config;
