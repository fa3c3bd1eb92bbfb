import type { StorybookConfig } from '@storybook/web-components-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The string-literal type aliases declared in src/ (`export type RatingLayout = 'horizontal' |
 * 'vertical';`), by name. The manifest gives an attribute's type by its alias only; the controls
 * (.storybook/preview.ts) turn an alias into the list of its values.
 */
function typeAliases(): Record<string, string[]> {
  const src = resolve(import.meta.dirname, '../src');
  const aliases: Record<string, string[]> = {};
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(join(src, file), 'utf8');
    for (const [, name, union] of source.matchAll(/^export type (\w+) =\s*((?:'[^'\n]*'\s*\|?\s*)+);/gm)) {
      aliases[name!] = [...union!.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]!);
    }
  }
  return aliases;
}

// Offline and private: no telemetry, no crash reports, no "what's new" requests.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages (autodocs, whose tables and controls come from custom-elements.json) and MDX.
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    define: { ...viteConfig.define, __LC_TYPE_ALIASES__: JSON.stringify(typeAliases()) },
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
