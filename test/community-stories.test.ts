// The <lc-community> stories show what their descriptions say (test/stories.test.ts checks each with axe).
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/community.stories.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import { mount } from './self-rating-support.js';
import { captureConsoleErrors } from './support/helpers.js';

type Args = Record<string, unknown>;
type StoryLike = { args?: Args; render?: (args: Args) => TemplateResult };

async function renderStory(input: unknown): Promise<LcCommunity> {
  const story = input as StoryLike;
  const render = (story.render ?? meta.render) as unknown as (args: Args) => TemplateResult;
  const root = await mount<HTMLElement>(render({ ...meta.args, ...story.args }));
  const el = root.localName === 'lc-community' ? (root as LcCommunity) : root.querySelector('lc-community')!;
  await el.updateComplete;
  return el;
}

describe('<lc-community> stories', () => {
  it('Host translation: the configuration problem in French, marked so, from a whole translation', async () => {
    let el!: LcCommunity;
    const errors = await captureConsoleErrors(async () => {
      el = await renderStory(stories.HostTranslation);
    });
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]')!;
    // Given in part, the box would stay English (lang="en"): every key is given.
    expect(box.lang).to.equal('fr');
    expect(box.textContent).to.contain('Problème de configuration\u00a0: ');
    // The problem is for the developer: English, marked so inside the French sentence.
    expect(box.querySelector('[lang="en"]')!.textContent).to.contain('storage must be "device" or "none"');
    expect(errors.join('\n')).to.contain('storage');
    await expect(el.parentElement!).to.be.accessible();
  });
});
