import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/results/define.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { groupStats, type Results } from '../src/core/results.js';

type Answer = number | null;

/** Deterministic answers spread around a mean, with some "don't know". */
function answers(count: number, mean: number, dontKnow: number, seed: number): Answer[] {
  const spread = [-1, 0, 1, 0, -1, 1, 0, 2, -2];
  const out: Answer[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Math.min(4, Math.max(0, Math.round(mean + spread[(i + seed) % spread.length]! * 0.6))));
  }
  for (let i = 0; i < dontKnow; i++) out.push(null);
  return out;
}

interface Profile {
  /** Perspective id → [answers with a level (per criterion index), mean, "don't know"]. */
  [perspective: string]: [number | ((criterion: number) => number), number, number];
}

function round(
  round: string,
  profile: Profile,
  shift: (criterion: number) => number,
  rounds: string[],
  /** Answers given without a perspective, per criterion. */
  others: Answer[] = [],
): Results {
  return {
    schema: 'lc-results/1',
    community: 'demo-city',
    round,
    rounds,
    criteriaSet: { id: 'common-criteria', version: '1.0.0' },
    generatedAt: '2026-11-15T09:30:00Z',
    criteria: commonCriteriaEn.criteria.map((c, i) => {
      const groups = Object.fromEntries(
        Object.entries(profile).map(([p, [n, mean, dk]], k) => [
          p,
          answers(
            typeof n === 'function' ? n(i) : n,
            Math.min(4, Math.max(0, mean + shift(i) + ((i * (k + 1)) % 3) * 0.4 - 0.4)),
            dk,
            i + k,
          ),
        ]),
      );
      return {
        criterion: c.id,
        overall: groupStats([...Object.values(groups).flat(), ...others]),
        perspectives: Object.fromEntries(Object.entries(groups).map(([p, a]) => [p, groupStats(a)])),
      };
    }),
  };
}

const ROUNDS = ['2026-spring', '2026-autumn'];
const usual: Profile = { citizen: [14, 1.6, 2], authority: [8, 2.9, 1], partner: [6, 2.2, 1], business: [4, 2, 1] };
const autumn = round('2026-autumn', usual, (i) => (i % 4 === 0 ? 0.5 : 0), ROUNDS, [2, 3, 3]);
const spring = round('2026-spring', usual, (i) => (i % 3 === 0 ? -0.6 : -0.2), ROUNDS.slice(0, 1), [1, 2, 2]);

/**
 * `<lc-results>` shows aggregated answers: a radar chart of the mean level per criterion with
 * the same figures in a table, the change since an earlier round, and where perspectives diverge,
 * each gap turned into a discussion prompt. Groups with fewer than `min-group` answers with a
 * level are hidden to protect anonymity. In a page, point `src` at the collector's
 * `/api/results?community=…&round=…`; these stories pass the `results` property instead.
 */
const meta = {
  title: 'Elements/Results',
  component: 'lc-results',
  tags: ['autodocs'],
  args: {
    locale: 'en',
    'min-group': 5,
    'hide-chart': false,
    'heading-level': 2,
    results: autumn as Results | undefined,
    compareResults: undefined as Results | undefined,
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    // Data, given as properties: the table lists them, a JSON editor of 12 criteria would not help.
    results: { control: false },
    compareResults: { control: false },
  },
  render: (args) =>
    html`<lc-results
      locale=${args['locale']}
      min-group=${args['min-group']}
      ?hide-chart=${args['hide-chart']}
      heading-level=${args['heading-level']}
      src=${ifDefined(args['src'] as string | undefined)}
      .results=${args['results']}
      .compareResults=${args['compareResults']}
    ></lc-results>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** One round: the businesses' group (4 answers with a level) is hidden, and the element says so. */
export const OneRound: Story = {};

/** Two rounds: the change per criterion in the table, and the earlier round as a dashed line. */
export const TwoRounds: Story = {
  args: { compareResults: spring },
};

/** Few answers: most groups, and some whole criteria, fall under the anonymity threshold. */
export const FewAnswers: Story = {
  args: {
    results: round(
      '2026-autumn',
      { citizen: [(i) => 2 + (i % 4), 2, 1], authority: [(i) => 1 + (i % 3), 3, 0] },
      (i) => (i % 2 ? -0.5 : 0.3),
      ROUNDS,
    ),
  },
};

/** Many perspectives, including one without a built-in name (shown by its id). */
export const ManyPerspectives: Story = {
  args: {
    results: round(
      '2026-autumn',
      {
        citizen: [18, 1.5, 3],
        authority: [9, 3.1, 0],
        partner: [7, 2.4, 1],
        business: [6, 1.9, 2],
        education: [8, 2.7, 1],
        'civil-society': [10, 2.1, 2],
        'youth-council': [5, 1.2, 0],
      },
      (i) => (i % 5 === 0 ? 0.4 : 0),
      ROUNDS,
    ),
  },
};

/** Right to left: the layout and the chart are mirrored; the English criteria stay readable. */
export const RightToLeft: Story = {
  args: { locale: 'ar', compareResults: spring },
};

/** A malformed answer: the element names the problem in an alert (and in the console). */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    results: { ...autumn, schema: 'lc-results/0', criteria: [{ criterion: 'trust' }] } as unknown as Results,
  },
};

/** An HTTP error from `src`: the element shows it and the rest of the page keeps working. */
export const HttpError: Story = {
  args: { src: '/api/no-such-results', results: undefined },
};

/**
 * **Accessibility.** The table is the source of truth: every figure in the chart is in it, with a
 * caption and header cells. The radar chart is a labelled group with a title and a description;
 * it is one tab stop, and the arrow keys (Home, End) move between its points, each named with its
 * figures ("Trust: mean 2.4 of 4, 19 answers, 2 don't know"), with a tooltip on focus that Escape
 * closes. The comparison round is drawn dashed with hollow points, so it is told apart without
 * colour, and forced-colours mode uses system colours. Groups hidden by the anonymity threshold
 * are said to be hidden. The element is one landmark, named after the community and round of its
 * figures ("Results for north-district, round 2026-spring"), so two results on a page are told apart;
 * each table scrolls in a focusable area named by its caption.
 */
export const Accessibility: Story = {};
