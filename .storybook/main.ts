import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline and private: no telemetry, no crash reports, no "what's new" requests.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
};
export default config;
