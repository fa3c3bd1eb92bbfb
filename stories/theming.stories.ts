import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import '../src/components/results/define.js';
import { groupStats, type Results } from '../src/core/results.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { acceptingTransport } from './support/transports.js';

/** A small, fixed set of results: two perspectives, every criterion answered. */
const results: Results = {
  schema: 'lc-results/1',
  community: 'theming',
  round: '2026-autumn',
  rounds: ['2026-autumn'],
  criteriaSet: { id: 'common-criteria', version: '1.0.0' },
  generatedAt: '2026-11-15T09:30:00Z',
  criteria: commonCriteriaEn.criteria.map((c, i) => {
    const citizen = [1, 2, 2, 3, 1, 2, (i % 4) + 0, null];
    const authority = [2, 3, 3, 4, 2, (i % 3) + 2, 3];
    return {
      criterion: c.id,
      overall: groupStats([...citizen, ...authority]),
      perspectives: { citizen: groupStats(citizen), authority: groupStats(authority) },
    };
  }),
};

/**
 * The token sets. Every element reads `--lc-*` custom properties with fallbacks, and custom
 * properties pass into shadow roots, so one rule on any ancestor themes everything inside it.
 * Element-specific tokens (`--lc-rating-accent`, `--lc-card-background`…) override one element.
 *
 * A few elements still read older names for the same token too (docs/theming.md lists them); the
 * themes set only the names above, which every element reads.
 */
const themes = html`<style>
  .theme {
    padding: 1.5rem;
    max-inline-size: 60rem;
  }
  .theme lc-community {
    display: grid;
    gap: 1.5rem;
  }

  /* 1. Default: no tokens at all; the elements' own fallbacks. Only the page's font. */
  .theme-default {
    font-family: system-ui, sans-serif;
  }

  /* 2. Dark: the page is dark, and so are the widgets. */
  .theme-dark {
    color-scheme: dark;
    background: #16181d;
    color: #e8eaf0;
    font-family: system-ui, sans-serif;
    --lc-accent: #8ab4ff;
    --lc-accent-text: #0b1530;
    --lc-accent-soft: #233252;
    --lc-text-color: #e8eaf0;
    --lc-muted-text: #b4bac8;
    --lc-surface: #20232b;
    --lc-field-background: #16181d;
    --lc-field-text: #e8eaf0;
    --lc-border-color: #8a91a3;
    --lc-focus-color: #ffd166;
    --lc-error-color: #ff9b9b;
    --lc-error-background: #3a1d22;
    --lc-error-text: #ffd9d9;
    --lc-success-color: #7fdc9f;
    --lc-success-background: #193326;
    --lc-warning-color: #ffd166;
    --lc-status-background: #20232b;
    --lc-results-current: #8ab4ff;
    --lc-results-compare: #ffb86b;
    --lc-results-grid: #4a5060;
    --lc-tooltip-background: #e8eaf0;
    --lc-tooltip-text: #16181d;
    --lc-note-background: #20232b;
  }

  /*
   * 3. A municipal design system (the fictional Egeby Kommune's): the portal's own tokens, mapped
   * once onto the elements' tokens. Square corners, the city's blue, a yellow focus ring.
   */
  .theme-egeby {
    --egeby-color-primary: #00477e;
    --egeby-color-primary-light: #e5eef6;
    --egeby-color-text: #1a1a1a;
    --egeby-color-grey: #5c5c5c;
    --egeby-color-border: #747474;
    --egeby-color-focus: #ffbf47;
    --egeby-color-error: #b0001e;
    --egeby-color-success: #006e28;
    --egeby-font: 'IBM Plex Sans', Arial, sans-serif;
    --egeby-space: 0.75rem;

    background: #ffffff;
    color: var(--egeby-color-text);
    font-family: var(--egeby-font);
    --lc-accent: var(--egeby-color-primary);
    --lc-accent-text: #ffffff;
    --lc-accent-soft: var(--egeby-color-primary-light);
    --lc-text-color: var(--egeby-color-text);
    --lc-muted-text: var(--egeby-color-grey);
    --lc-border-color: var(--egeby-color-border);
    --lc-focus-color: var(--egeby-color-focus);
    --lc-error-color: var(--egeby-color-error);
    --lc-success-color: var(--egeby-color-success);
    --lc-radius: 0;
    --lc-space: var(--egeby-space);
    --lc-results-current: var(--egeby-color-primary);
    --lc-results-compare: #a34e00;
    /* the card is a plain panel with a blue top rule, as the city's other panels */
    --lc-card-border: var(--egeby-color-border);
  }
  .theme-egeby lc-criterion-card::part(base) {
    border-block-start: 4px solid var(--egeby-color-primary);
  }
</style>`;

function widgets(theme: 'default' | 'dark' | 'egeby', heading: string) {
  return html`${themes}
    <div class="theme theme-${theme}">
      <lc-community
        endpoint="/api/submissions"
        community="theming"
        round="2026-autumn"
        storage="none"
        .transport=${acceptingTransport}
      >
        <h2>${heading}</h2>
        <lc-criterion-card criterion="trust" variant="compact">
          <lc-self-rating comment value="3"></lc-self-rating>
        </lc-criterion-card>
        <lc-self-rating criterion="inclusion" required></lc-self-rating>
        <lc-results .results=${results} heading-level="3"></lc-results>
      </lc-community>
    </div>`;
}

/**
 * The same widgets under three token sets: the defaults, a dark page, and a city's design
 * system. The tokens are custom properties set by a stylesheet on a wrapper element (no inline
 * `style` attributes, so a strict Content-Security-Policy holds); see the README's "Theming".
 */
const meta = {
  title: 'Guides/Theming',
  tags: ['autodocs'],
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** No tokens: the elements' own fallbacks, which meet WCAG 2.1 AA contrast on a white page. */
export const Default: Story = {
  render: () => widgets('default', 'Default tokens'),
};

/** A dark page: surfaces, text, accent, focus, errors and the chart's colours set as tokens. */
export const Dark: Story = {
  render: () => widgets('dark', 'Dark tokens'),
};

/** A municipal design system's tokens (Egeby Kommune, fictional) mapped onto `--lc-*`. */
export const MunicipalDesignSystem: Story = {
  name: 'Municipal design system',
  render: () => widgets('egeby', 'Egeby Kommune design tokens'),
};
