import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/reflection-journal.stories.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { waitFor } from './support/helpers.js';

interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  loaders?: Array<(context: never) => Promise<unknown>>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const shadowText = (el: LcReflectionJournal) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

/** What each story must show once rendered (and played). */
const expectations: Record<string, (el: LcReflectionJournal) => boolean> = {
  Empty: (el) => shadowText(el).includes('No entries about this criterion yet.'),
  WithDraft: (el) => shadowText(el).includes('has been restored'),
  WithEntries: (el) => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3,
  Rejected: (el) => shadowText(el).includes('Not accepted: an entry with this title already exists'),
  EntriesError: (el) => !!el.shadowRoot!.querySelector('[part="entries-error"]'),
  RightToLeft: (el) => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3,
  Accessibility: (el) =>
    !!el.shadowRoot!.querySelector('textarea') && !!el.shadowRoot!.querySelector('[role="status"]'),
  // Last: its slow endpoint holds the page's outbox for a while.
  Sending: (el) => shadowText(el).includes('Sending…'),
};

// The stories double as fixtures: each renders, shows its state, and has no axe violations.
describe('reflection journal stories', () => {
  const all = Object.fromEntries(Object.entries(stories).filter(([name]) => name !== 'default')) as unknown as Record<
    string,
    StoryLike
  >;
  it('has a test for every story', () => {
    expect(Object.keys(all).sort()).to.deep.equal(Object.keys(expectations).sort());
  });

  for (const [name, shows] of Object.entries(expectations)) {
    it(`${name}: renders its state without axe violations`, async () => {
      const story = all[name]!;
      for (const loader of story.loaders ?? []) await loader({} as never);
      const args = { ...meta.args, ...story.args };
      const render = meta.render as unknown as (a: typeof args, c: unknown) => TemplateResult;
      const community = await fixture(render(args, {}));
      const el = community.querySelector('lc-reflection-journal')!;
      await el.updateComplete;
      await story.play?.({ canvasElement: community.parentElement! });
      await waitFor(() => shows(el), `the ${name} state`);
      await expect(el).to.be.accessible();
    });
  }
});
