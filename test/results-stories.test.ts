// Every <lc-results> story renders, says what it should and passes axe: the stories are fixtures.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/results.stories.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

type Args = Record<string, unknown>;
type StoryLike = { args?: Args; render?: (args: Args) => TemplateResult };

async function renderStory(input: unknown): Promise<LcResults> {
  const story = input as StoryLike;
  const args = { ...meta.args, ...story.args };
  const render = (story.render ?? meta.render) as (args: Args) => TemplateResult;
  const el = await fixture<LcResults>(render(args));
  await waitFor(() => el.shadowRoot!.querySelector('table, [role="alert"]'), 'results or an error');
  await el.updateComplete;
  return el;
}

const text = (el: LcResults) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<lc-results> stories', () => {
  it('One round: twelve criteria on the chart, a hidden group', async () => {
    const el = await renderStory(stories.OneRound);
    expect(el.shadowRoot!.querySelectorAll('.point')).to.have.length(12);
    // Businesses have 4 answers with a level on every criterion.
    expect(text(el)).to.contain('12 groups have fewer than 5 answers with a level');
    expect(el.shadowRoot!.querySelector('td[data-perspective="partner"].hidden')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Two rounds: a change column and a dashed line', async () => {
    const el = await renderStory(stories.TwoRounds);
    expect(el.shadowRoot!.querySelectorAll('td.change')).to.have.length(12);
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('Few answers: groups and criteria hidden', async () => {
    const el = await renderStory(stories.FewAnswers);
    expect(text(el)).to.contain('answers with a level in all');
    await expect(el).to.be.accessible();
  });

  it('Many perspectives: seven columns, one shown by its id', async () => {
    const el = await renderStory(stories.ManyPerspectives);
    const headers = [...el.shadowRoot!.querySelectorAll('table.by-perspective thead th')].map((t) =>
      t.textContent!.trim(),
    );
    expect(headers).to.have.length(9);
    expect(headers).to.include('Youth-council');
    await expect(el).to.be.accessible();
  });

  it('Right to left', async () => {
    const el = await renderStory(stories.RightToLeft);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('Error and HTTP error', async () => {
    await captureConsoleErrors(async () => {
      const bad = await renderStory(stories.ErrorState);
      expect(text(bad)).to.contain('schema');
      await expect(bad).to.be.accessible();
      const http = await renderStory(stories.HttpError);
      expect(text(http)).to.contain('answered HTTP 404');
    });
  });
});
