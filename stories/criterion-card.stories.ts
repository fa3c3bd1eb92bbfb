import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { acceptingTransport } from './support/transports.js';

interface Args {
  criterion: string;
  variant: 'expanded' | 'compact';
  'heading-level': number;
  locale: string;
  open: boolean;
}

/** The card with every arg set, around `content` (slotted). */
function card(args: Args, content: TemplateResult | typeof nothing = nothing) {
  return html`<lc-criterion-card
    criterion=${args.criterion}
    variant=${args.variant}
    heading-level=${args['heading-level']}
    locale=${args.locale}
    ?open=${args.open}
    >${content}</lc-criterion-card
  >`;
}

/**
 * `<lc-criterion-card>` shows one criterion of the Common Criteria: its title, the question, why
 * it matters, reflective prompts and what each level looks like. A `<lc-self-rating>` inside it
 * takes the card's criterion; `heading-level` fits the card into the page's own headings.
 */
const meta = {
  title: 'Elements/Criterion card',
  component: 'lc-criterion-card',
  tags: ['autodocs'],
  args: { criterion: 'trust', variant: 'expanded', 'heading-level': 3, locale: 'en', open: false },
  argTypes: {
    criterion: { control: 'select', options: commonCriteriaEn.criteria.map((c) => c.id) },
    variant: { control: 'inline-radio', options: ['expanded', 'compact'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
  },
  render: (args) => card(args),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Everything shown. */
export const Expanded: Story = {};

/** Title and question; the rest behind "More about this criterion". */
export const Compact: Story = { args: { variant: 'compact' } };

/** Compact, opened. */
export const CompactOpen: Story = { args: { variant: 'compact', open: true } };

/** Under a page's `<h1>`: the card's title is an `<h2>`, its sections `<h3>`. */
export const HeadingLevel2: Story = {
  args: { 'heading-level': 2 },
  render: (args) =>
    html`<h1>Our self-assessment</h1>
      ${card(args)}`,
};

/** With a rating (which takes the card's criterion and sends to the community's endpoint) and a journal slot. */
export const WithRatingAndJournal: Story = {
  args: { variant: 'compact' },
  render: (args) =>
    html`<lc-community
      endpoint="/api/story-ratings"
      storage="none"
      locale=${args.locale}
      .transport=${acceptingTransport}
    >
      ${card(
        args,
        html`<lc-self-rating slot="rating" comment></lc-self-rating>
          <p slot="journal">A <code>&lt;lc-reflection-journal&gt;</code> goes here.</p>`,
      )}
    </lc-community>`,
};

/** Danish content and interface. */
export const Danish: Story = { args: { locale: 'da' } };

/** German content and interface. */
export const German: Story = { args: { locale: 'de' } };

/** Arabic interface, right to left; the built-in content is English and marked `lang="en"`. */
export const RightToLeft: Story = { args: { locale: 'ar' } };

/** An id that is not in the set: a visible message naming the id and the set, and a console error. */
export const UnknownCriterion: Story = { args: { criterion: 'no-such-criterion' } };

/** A bad `heading-level` falls back to 3, with a visible message and a console error. */
export const InvalidHeadingLevel: Story = { args: { 'heading-level': 9 } };

/** Every criterion, compact, each with a rating: how a long assessment page looks. */
export const AllCriteria: Story = {
  args: { variant: 'compact' },
  // Every criterion, so one to choose does not apply.
  argTypes: { criterion: { control: false } },
  render: (args) =>
    html`<style>
        .story-stack {
          display: grid;
          gap: 1rem;
        }
      </style>
      <div class="story-stack">
        ${commonCriteriaEn.criteria.map((c) =>
          card(
            { ...args, criterion: c.id },
            html`<lc-self-rating name=${c.id} locale=${args.locale}></lc-self-rating>`,
          ),
        )}
      </div>`,
};

/**
 * **Accessibility.** The title is a real heading at `heading-level` (2–6, default 3), so the card
 * fits the page's outline; its sections are headings one level down. The compact variant is a
 * disclosure: a button with `aria-expanded` and `aria-controls`. Enter or Space opens it, and
 * screen readers say whether it is expanded. Content in another language than the interface (English criteria in
 * an Arabic page) is marked with its own `lang` and direction. An unknown criterion is an alert
 * naming the id and the set.
 */
export const Accessibility: Story = {};
