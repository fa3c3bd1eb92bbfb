import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/community/define.js';

/**
 * `<lc-community>` renders nothing of its own: it shares its configuration with every `lc-*`
 * element inside it. It shows a message only when its configuration is wrong.
 */
const meta = {
  title: 'Elements/Community',
  component: 'lc-community',
  tags: ['autodocs'],
  args: {
    endpoint: '/api/submissions',
    community: 'demo-city',
    round: '2026-autumn',
    perspective: 'citizen',
    locale: 'en',
    storage: 'device',
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
  },
  render: (args) =>
    html`<lc-community
      endpoint=${args['endpoint']}
      community=${args['community']}
      round=${args['round']}
      perspective=${args['perspective']}
      locale=${args['locale']}
      storage=${args['storage']}
    >
      <p>Everything inside shares this configuration.</p>
    </lc-community>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {};

/** A wrong endpoint, storage policy and locale are reported in place; the content still renders. */
export const BadConfiguration: Story = {
  args: { endpoint: 'javascript:alert(1)', locale: 'not a locale', storage: 'cloud' },
};

/**
 * **Accessibility.** `<lc-community>` adds nothing to the page but its content. When its
 * configuration is wrong it shows one alert (`role="alert"`) naming each attribute and problem,
 * and logs the same to the console; the elements inside keep working with what is valid.
 */
export const Accessibility: Story = {};
