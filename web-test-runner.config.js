import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { collectorMiddleware, failFilePlugin } from './test/support/collector-plugin.js';
import { chromiumPlugin } from './test/support/chromium-plugin.js';
import { networkPlugin } from './test/support/network-plugin.js';
import { summaryReporter } from './test/support/summary-reporter.js';
import { launchOptions } from './scripts/chromium.js';
import { zodOwnKeysServer } from './scripts/zod-own-keys.js';

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 15 * 60_000,
  browserStartTimeout: 60_000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    zodOwnKeysServer(),
    networkPlugin(),
    chromiumPlugin(),
    failFilePlugin(),
    a11ySnapshotPlugin(),
  ],
  middleware: [collectorMiddleware()],
  // The runner's own page, with room for every request a test file's page makes in its resource
  // timing, which tests read to count requests: Chromium's buffer keeps 250 and then records nothing.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script>performance.setResourceTimingBufferSize(100000)</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      // Each test page in a window of its own: a background tab is hidden, gets no animation
      // frames, and a fixture() waiting for one would hang while another file runs beside it.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: launchOptions([
        '--disable-dev-shm-usage',
        // Test pages run side by side: none may be throttled as a background tab.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ]),
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: true }), summaryReporter()],
};
