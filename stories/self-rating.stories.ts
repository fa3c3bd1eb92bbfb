import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { Transport } from '../src/core/transport.js';
import { acceptingTransport, refusingTransport, slowTransport } from './support/transports.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';

/** An endpoint that is down: the rating stays queued and is retried. */
const downTransport: Transport = async () => ({
  outcome: 'retry',
  status: 503,
  message: '503: service unavailable',
  retryAfterMs: 10 * 60_000,
});

/** Sends the rating as the "Send" button would. */
async function send({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = canvasElement.querySelector<LcSelfRating>('lc-self-rating')!;
  await el.updateComplete;
  await el.submit();
}

interface Args {
  criterion: string;
  value: string;
  locale: string;
  layout: 'horizontal' | 'vertical';
  comment: boolean;
  evidence: boolean;
  required: boolean;
  disabled: boolean;
  label: string;
  storage: 'device' | 'none';
  transport: Transport | undefined;
}

/** The rating with every arg set, in a community that sends to `endpoint` through the story's transport. */
function rating(args: Args, endpoint = '/api/story-ratings') {
  return html`<lc-community
    endpoint=${endpoint}
    community="story"
    storage=${args.storage}
    locale=${args.locale}
    .transport=${args.transport}
  >
    <lc-self-rating
      criterion=${args.criterion}
      value=${args.value}
      layout=${args.layout}
      label=${ifDefined(args.label || undefined)}
      ?comment=${args.comment}
      ?evidence=${args.evidence}
      ?required=${args.required}
      ?disabled=${args.disabled}
    ></lc-self-rating>
  </lc-community>`;
}

/**
 * `<lc-self-rating>` rates one criterion on the learning scale: 0 (not addressed) to 4
 * (practised, tested, challenged and critically discussed permanently), or "don't know".
 *
 * Tab into the group; the arrow keys move and choose (mirrored right to left), Home and End jump
 * to the ends. Outside a form, with an endpoint (here from `<lc-community>`), it sends a `rating`
 * submission itself. These stories replace HTTP with a transport that answers in place.
 */
const meta = {
  title: 'Elements/Self rating',
  component: 'lc-self-rating',
  tags: ['autodocs'],
  args: {
    criterion: 'trust',
    value: '',
    locale: 'en',
    layout: 'horizontal',
    comment: false,
    evidence: false,
    required: false,
    disabled: false,
    label: '',
    storage: 'none',
    transport: acceptingTransport,
  },
  argTypes: {
    criterion: { control: 'select', options: commonCriteriaEn.criteria.map((c) => c.id) },
    value: { control: 'select', options: ['', '0', '1', '2', '3', '4', 'dont-know'] },
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
    layout: { control: 'inline-radio', options: ['horizontal', 'vertical'] },
    storage: {
      control: 'inline-radio',
      options: ['device', 'none'],
      description: 'The storage policy of the `<lc-community>` around the rating in these stories.',
      table: { category: 'story' },
    },
    transport: { table: { disable: true } },
  },
  render: (args) => rating(args),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing chosen yet. */
export const Unanswered: Story = {};

/** A level chosen; its description is shown under the scale. */
export const Answered: Story = { args: { value: '2' } };

/** With the optional comment and evidence link fields. */
export const WithCommentAndEvidence: Story = { args: { value: '3', comment: true, evidence: true } };

/** One option per row: Up and Down move. */
export const Vertical: Story = { args: { layout: 'vertical', value: 'dont-know' } };

/** On its way to a slow endpoint. */
export const Sending: Story = {
  args: { value: '3', transport: slowTransport(12_000) },
  play: send,
};

/** Acknowledged by the endpoint, with "Change my answer" (which sends a new submission). */
export const Sent: Story = {
  args: { value: '3', comment: true },
  play: send,
};

/**
 * The endpoint is down (or the device offline): saved and retried. This story uses device storage,
 * so the waiting rating is kept in this browser's IndexedDB (`lc-elements` / `outbox`).
 */
export const Queued: Story = {
  args: { value: '1', transport: downTransport, storage: 'device' },
  render: (args) => rating(args, '/api/story-ratings-down'),
  play: send,
};

/** Refused by the endpoint: its reason is shown, the answer is kept, and "Try again". */
export const Rejected: Story = {
  args: { value: '4', comment: true, transport: refusingTransport('422: this round closed on 31 March') },
  play: send,
};

/** The evidence link must be an http(s) address: the text is kept and the field says why. */
export const EvidenceError: Story = {
  args: { value: '2', evidence: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<LcSelfRating>('lc-self-rating')!;
    el.evidenceUrl = 'our shared drive';
    await el.updateComplete;
    await el.submit();
  },
};

/** Where the device cannot keep drafts (storage `none`, or blocked IndexedDB), the element says so. */
export const StorageUnavailable: Story = { args: { storage: 'none' } };

/** Disabled. */
export const Disabled: Story = { args: { value: '1', disabled: true } };

/** Danish. */
export const Danish: Story = { args: { locale: 'da', comment: true } };

/** Arabic, right to left: the left arrow moves forward. The English criterion title is marked as English. */
export const RightToLeft: Story = { args: { locale: 'ar', value: '1', comment: true } };

/**
 * An id that is not in the set: a visible message naming the id and the set, and a console error.
 * The rating cannot send, so its options are switched off, and it says why above them.
 */
export const UnknownCriterion: Story = { args: { criterion: 'no-such-criterion' } };

/**
 * In a plain `<form>`: it submits `trust=<level>` (and `trust-comment`), is required, and
 * `form.reset()` restores the `value` attribute. The fieldset's checkbox disables it. No submit button
 * of its own.
 */
export const InAForm: Story = {
  render: () => html`
    <form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const output = form.querySelector('output')!;
        output.value = JSON.stringify(Object.fromEntries(new FormData(form)));
      }}
    >
      <fieldset>
        <legend>Our community</legend>
        <lc-self-rating name="trust" criterion="trust" value="1" required comment></lc-self-rating>
      </fieldset>
      <p>
        <label
          ><input
            type="checkbox"
            @change=${(event: Event) => {
              const box = event.target as HTMLInputElement;
              box.form!.querySelector('fieldset')!.disabled = box.checked;
            }}
          />
          Disable the fieldset</label
        >
      </p>
      <button type="submit">Submit</button>
      <button type="reset">Reset</button>
      <p>Form data: <output></output></p>
    </form>
  `,
};

/**
 * In a form, named by the page's `<label for>` (its `aria-hidden` asterisk is not read) and
 * described by the page's hint through `aria-describedby` on the element: its group of options
 * gets both, the hint after the criterion's question.
 */
export const LabelledByThePage: Story = {
  name: 'Labelled by the page',
  render: () => html`
    <form @submit=${(event: SubmitEvent) => event.preventDefault()}>
      <label for="story-district-trust">Trust in our district <span aria-hidden="true">*</span></label>
      <p id="story-district-trust-hint">Think about the last twelve months.</p>
      <lc-self-rating
        id="story-district-trust"
        name="trust"
        criterion="trust"
        required
        aria-describedby="story-district-trust-hint"
      ></lc-self-rating>
      <button type="submit">Submit</button>
    </form>
  `,
};

/**
 * **Accessibility.** The scale is a radio group named by the criterion's title (or `label`).
 * Tab moves into the group, onto the chosen option (or the first); the arrow keys move *and*
 * choose (left and right are mirrored in right-to-left languages; Up and Down work in either
 * layout), Home and End jump to the ends, Tab leaves the group. Each option's name is its
 * label ("2 Practised regularly"), its description is read as the option's description and shown
 * under the scale. Sending, sent, queued ("saved, will be sent") and rejected (with the server's
 * reason) are announced through a polite status region; configuration problems are alerts.
 * Targets are at least 44 px, the focus ring keeps 3:1 contrast, and forced-colours mode keeps
 * the chosen option distinguishable (border and a check mark, not colour alone).
 */
export const Accessibility: Story = { args: { value: '2', comment: true } };
