import { expect, fixture } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/assessment.stories.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { waitFor } from './support/helpers.js';
import { clearHash, settle } from './support/assessment.js';

interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  loaders?: Array<() => Promise<unknown>>;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

/** Renders a story as Storybook would: loaders, the meta's render with merged args, then play. */
async function renderStory(story: StoryLike): Promise<LcAssessment> {
  for (const loader of story.loaders ?? []) await loader();
  const render = meta.render as unknown as (args: Record<string, unknown>) => TemplateResult;
  const canvas = await fixture<HTMLElement>(render({ ...meta.args, ...story.args }));
  const wrapper = document.createElement('div');
  canvas.replaceWith(wrapper);
  wrapper.append(canvas);
  const el = wrapper.querySelector('lc-assessment')!;
  await el.answersRestored;
  await story.play?.({ canvasElement: wrapper });
  await settle(el);
  return el;
}

const named = Object.entries(stories).filter(([key]) => key !== 'default') as Array<[string, StoryLike]>;

describe('assessment stories', () => {
  afterEach(clearHash);

  it('has a story for each state the issue names', () => {
    const names = named.map(([key, story]) => story.name ?? key);
    for (const state of ['Page', 'Steps', 'Resumed', 'Review', 'Sending', 'Error']) expect(names).to.include(state);
  });

  for (const [key, story] of named) {
    it(`${story.name ?? key}: renders and passes axe`, async () => {
      const el = await renderStory(story);
      const shadow = el.shadowRoot!;
      if (key === 'Resumed') {
        expect(el.step).to.equal('inclusion');
        expect(shadow.querySelector('[part~="announcement"]')!.textContent).to.contain('5 earlier answers');
      }
      if (key === 'Review') expect(el.reviewing).to.be.true;
      if (key === 'Sending') expect(el.submissionState).to.equal('sending');
      if (key === 'Rejected') {
        await waitFor(() => el.submissionState === 'rejected', 'the rejection');
        await settle(el);
        expect(shadow.querySelector('[part~="status"]')!.textContent).to.contain('this round closed on 31 March');
      }
      await expect(el).to.be.accessible();
    });
  }
});
