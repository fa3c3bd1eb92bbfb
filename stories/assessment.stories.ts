import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/assessment/define.js';
import { answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { Answers } from '../src/components/assessment/progress.js';
import '../src/components/community/define.js';
import type { Transport } from '../src/core/transport.js';
import { refusingTransport, slowTransport } from './support/transports.js';

const ROUND = '2026-spring';

/** Answers as a person would leave them half-way: some levels, a "don't know", a comment. */
const someAnswers: Answers = {
  initiatives: { value: '2', comment: '', evidence: '' },
  'emerging-needs': { value: '1', comment: 'Only the schools report needs, and only once a year.', evidence: '' },
  'cross-sector-collaboration': { value: 'dont-know', comment: '', evidence: '' },
  trust: { value: '3', comment: '', evidence: 'https://example.org/trust-survey-2025' },
  inclusion: { value: '2', comment: '', evidence: '' },
};

const allAnswers: Answers = {
  ...someAnswers,
  'citizen-solutions': { value: '2', comment: '', evidence: '' },
  'talent-innovation': { value: '1', comment: '', evidence: '' },
  'partnerships-beyond-authorities': { value: 'dont-know', comment: '', evidence: '' },
  'independent-action': { value: '3', comment: '', evidence: '' },
  'policy-making': { value: '1', comment: 'Consultations happen after the decision.', evidence: '' },
  entrepreneurship: { value: '2', comment: '', evidence: '' },
  'community-mentality': { value: '4', comment: '', evidence: '' },
};

/** Puts answers where the assessment looks for them (the page's memory: these stories keep nothing on the device). */
function seed(community: string, answers: Answers, step?: string) {
  return async (): Promise<Record<string, never>> => {
    const key = answersKey({ community, round: ROUND, criteriaSet: 'common-criteria' });
    await getAnswersStore('none').write(key, answers, { step });
    return {};
  };
}

async function assessment(canvasElement: HTMLElement): Promise<LcAssessment> {
  const el = canvasElement.querySelector('lc-assessment')!;
  await el.answersRestored;
  await el.updateComplete;
  return el;
}

/** Opens the review, as "Review your answers" would. */
async function review({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  (await assessment(canvasElement)).goTo('review');
}

/** Sends the answers, as "Send my answers" would. */
async function send({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = await assessment(canvasElement);
  el.goTo('review');
  await el.submit();
}

/**
 * `<lc-assessment>` is the whole Common Criteria self-assessment in one tag: every criterion as a
 * card with its rating, progress, resume, a review and one `assessment` submission.
 *
 * These stories use the storage policy `none` (nothing is written to your device); with `device`
 * (the default) answers survive a reload. The step stories change the frame's URL hash
 * (`#lc-step-…`), so the browser's back button moves between steps.
 */
const meta = {
  title: 'Elements/Assessment',
  component: 'lc-assessment',
  tags: ['autodocs'],
  args: {
    community: 'story-page',
    layout: 'page',
    locale: 'en',
    'allow-partial': false,
    comment: true,
    evidence: true,
    'with-journal': false,
    'card-variant': undefined as 'expanded' | 'compact' | undefined,
    'heading-level': 2,
    transport: undefined as Transport | undefined,
  },
  argTypes: {
    layout: { control: 'inline-radio', options: ['page', 'steps'] },
    'heading-level': { control: { type: 'number', min: 2, max: 5 } },
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
    community: { table: { disable: true } },
    transport: { table: { disable: true } },
  },
  render: (args) =>
    html`<lc-community
      endpoint="/api/submissions"
      community=${args['community']}
      round=${ROUND}
      storage="none"
      locale=${args['locale']}
      .transport=${args['transport']}
    >
      <lc-assessment
        layout=${args['layout']}
        ?allow-partial=${args['allow-partial']}
        ?comment=${args['comment']}
        ?evidence=${args['evidence']}
        ?with-journal=${args['with-journal']}
        card-variant=${ifDefined(args['card-variant'])}
        heading-level=${args['heading-level']}
      >
        <p>
          Twelve questions about how our city learns. Answer what you can; choose “Don’t know” where you cannot judge.
          Your answers are kept until you send them.
        </p>
      </lc-assessment>
    </lc-community>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** Every criterion on one page, with progress at the top and a step list to jump. */
export const Page: Story = {};

/** One criterion at a time, with previous/next, a step list and the URL hash kept in step. */
export const Steps: Story = {
  args: { layout: 'steps', community: 'story-steps' },
};

/** Coming back: five earlier answers are restored, at the step the person left, and the element says so. */
export const Resumed: Story = {
  args: { layout: 'steps', community: 'story-resumed' },
  loaders: [seed('story-resumed', someAnswers, 'inclusion')],
};

/** The review: every answer, "don't know"s and unanswered criteria marked, each with a link back. */
export const Review: Story = {
  args: { community: 'story-review' },
  loaders: [seed('story-review', someAnswers)],
  play: review,
};

/** All twelve answered and on their way to a slow endpoint. */
export const Sending: Story = {
  args: { community: 'story-sending', transport: slowTransport(8_000) },
  loaders: [seed('story-sending', allAnswers)],
  play: send,
};

/** The endpoint refused the assessment: the reason is shown, the answers are kept, "Try again". */
export const Rejected: Story = {
  name: 'Error',
  args: { community: 'story-error', transport: refusingTransport('this round closed on 31 March') },
  loaders: [seed('story-error', allAnswers)],
  play: send,
};

/** Sending with unanswered criteria allowed: they are left out, and the review says so. */
export const AllowPartial: Story = {
  args: { community: 'story-partial', 'allow-partial': true },
  loaders: [seed('story-partial', someAnswers)],
  play: review,
};

/** Arabic, right to left, in steps (the built-in criteria are shown in English, marked as such). */
export const RightToLeft: Story = {
  args: { layout: 'steps', locale: 'ar', community: 'story-rtl' },
};

/** A reflection journal in each card. */
export const WithJournal: Story = {
  args: { layout: 'steps', 'with-journal': true, community: 'story-journal' },
};

/**
 * **Accessibility.** In steps, the step list is a navigation landmark whose current step has
 * `aria-current="step"`; unanswered steps are marked in text, not only by colour. Previous and
 * Next move one step, and focus moves to the new step's heading, which names the step ("Question
 * 2 of 12") and the criterion. The URL hash follows the step, so the browser's Back button goes
 * back a step. Progress is a real progress bar with its value and a text ("5 of 12 answered").
 * The review lists every answer with a link back to change it. Restoring kept answers and the
 * submission's state are announced politely; "Start again" asks in a native modal dialog.
 */
export const Accessibility: Story = { args: { layout: 'steps', community: 'story-accessibility' } };
