// Every <lc-self-rating> and <lc-criterion-card> story renders, shows its state and passes axe:
// the stories are fixtures. (String tables are checked in criteria.test.ts.)
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import 'axe-core/axe.min.js';
import cardMeta, * as cardStories from '../stories/criterion-card.stories.js';
import ratingMeta, * as ratingStories from '../stories/self-rating.stories.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { Transport } from '../src/core/transport.js';
import { mount, settle } from './self-rating-support.js';
import { axNodes, axTree, captureConsoleErrors, waitFor } from './support/helpers.js';

type Args = Record<string, unknown>;
interface StoryLike {
  args?: Args;
  render?: (args: Args) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; args: Args }) => Promise<void>;
}
interface MetaLike {
  args?: Args;
  render?: (args: Args) => TemplateResult;
}

async function renderStory(meta: MetaLike, input: unknown, override?: Args): Promise<HTMLElement> {
  const story = input as StoryLike;
  const args = { ...meta.args, ...story.args, ...override };
  const render = (story.render ?? meta.render)!;
  const canvas = await mount<HTMLElement>(render(args));
  const root = canvas.parentElement!;
  await settle(root);
  if (story.play) await story.play({ canvasElement: root, args });
  await settle(root);
  return root;
}

/**
 * The page has one outbox, flushed one request at a time: the Sending story's 12-second endpoint
 * would hold up the next stories' deliveries. Here it answers after 1.5 s, and the test waits for it.
 */
const quickSlowTransport: Transport = () =>
  new Promise((resolve) => setTimeout(() => resolve({ outcome: 'delivered', status: 201 }), 1500));
const overrides: Record<string, Args> = { Sending: { transport: quickSlowTransport } };

const stateOf = (root: HTMLElement) => root.querySelector<LcSelfRating>('lc-self-rating')!.submissionState;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

const expectations: Record<string, (root: HTMLElement) => Promise<void>> = {
  Sending: async (root) => {
    expect(stateOf(root)).to.equal('sending');
  },
  Sent: async (root) => {
    await waitFor(() => stateOf(root) === 'sent', 'sent');
  },
  Queued: async (root) => {
    await waitFor(() => stateOf(root) === 'queued', 'queued');
  },
  Rejected: async (root) => {
    await waitFor(() => stateOf(root) === 'rejected', 'rejected');
    expect(text(root.querySelector('lc-self-rating')!)).to.contain('this round closed on 31 March');
  },
  EvidenceError: async (root) => {
    expect(root.querySelector('lc-self-rating')!.shadowRoot!.querySelector('#evidence-error')).to.exist;
  },
  UnknownCriterion: async (root) => {
    const el = root.querySelector('lc-self-rating, lc-criterion-card')!;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('no-such-criterion');
  },
  InvalidHeadingLevel: async (root) => {
    expect(root.querySelector('lc-criterion-card')!.shadowRoot!.querySelector('h3[part~="title"]')).to.exist;
  },
  LabelledByThePage: async (root) => {
    // As Chromium reads the group: the label without its aria-hidden asterisk; the question, then the hint.
    await new Promise((r) => setTimeout(r));
    await settle(root);
    const groups = axNodes(await axTree()).filter((n) => n.role === 'radiogroup');
    expect(groups.map((g) => [g.name, g.description])).to.deep.equal([
      [
        'Trust in our district',
        'How is trust built between the collaborators and between authorities and citizens? Think about the last twelve months.',
      ],
    ]);
  },
  RightToLeft: async (root) => {
    const el = root.querySelector('lc-self-rating, lc-criterion-card')!;
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
  },
};

for (const [name, meta, stories] of [
  ['lc-self-rating', ratingMeta, ratingStories],
  ['lc-criterion-card', cardMeta, cardStories],
] as const) {
  describe(`<${name}> stories`, () => {
    for (const [story, value] of Object.entries(stories)) {
      if (story === 'default') continue;
      it(`${story} renders and is accessible`, async () => {
        let root!: HTMLElement;
        await captureConsoleErrors(async () => {
          root = await renderStory(meta as unknown as MetaLike, value, overrides[story]);
          await expectations[story]?.(root);
        });
        // Danish and German content load on demand.
        await waitFor(
          () =>
            [...root.querySelectorAll('lc-criterion-card')].every((c) =>
              c.shadowRoot!.querySelector('[part~="title"], [role="alert"]'),
            ),
          'the cards to show their criterion',
        );
        const el = root.querySelector(name)!;
        expect(el, `the story shows a <${name}>`).to.exist;
        await expect(root).to.be.accessible();
        if (story === 'Sending') await waitFor(() => stateOf(root) === 'sent', 'the slow endpoint to answer');
      });
    }
  });
}
