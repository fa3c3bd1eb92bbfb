// Every <lc-partnership-matrix> story renders, shows what it should and passes axe: the stories are fixtures.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/partnership-matrix.stories.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

type Args = Record<string, unknown>;
type Render = (args: Args, context: { id: string }) => TemplateResult;
type StoryLike = { args?: Args; render?: Render };

/**
 * Renders a story as Storybook would: its render (or the meta's) with the merged args, and a story
 * id of its own (which names the map it keeps: other test pages running beside never share it).
 */
async function renderStory(input: unknown): Promise<LcPartnershipMatrix> {
  const story = input as StoryLike;
  const render = (story.render ?? meta.render) as unknown as Render;
  const id = `test-${Math.random().toString(36).slice(2, 10)}`;
  const root = await fixture<HTMLElement>(render({ ...meta.args, ...story.args }, { id }));
  const el =
    root.localName === 'lc-partnership-matrix'
      ? (root as LcPartnershipMatrix)
      : root.querySelector('lc-partnership-matrix')!;
  await el.updateComplete;
  return el;
}

const $$ = (el: LcPartnershipMatrix, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (el: LcPartnershipMatrix) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<lc-partnership-matrix> stories', () => {
  it('Empty: says how to start', async () => {
    const el = await renderStory(stories.Empty);
    expect(text(el)).to.contain('No actors yet');
    await expect(el).to.be.accessible();
  });

  it('Small: six actors, figures and a send button', async () => {
    const el = await renderStory(stories.Small);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="submit"]'), 'the send button');
    expect($$(el, '[role="gridcell"]').length + $$(el, '.ties > li').length).to.be.greaterThan(0);
    expect(el.figures).to.include({ actors: 6, ties: 6 });
    await expect(el).to.be.accessible();
  });

  it('Nothing kept: the storage notice, up front', async () => {
    const el = await renderStory(stories.NothingKept);
    await waitFor(() => el.shadowRoot!.querySelector('[part="storage-notice"]'), 'the storage notice');
    expect(el.shadowRoot!.querySelector('[part="storage-notice"]')!.textContent).to.contain(
      'Nothing is kept on this device',
    );
    await expect(el).to.be.accessible();
  });

  it('One actor: no pair, so the density is not applicable, not 0%', async () => {
    const el = await renderStory(stories.OneActor);
    expect(el.figures).to.include({ actors: 1, pairs: 0, density: null });
    const density = $$(el, '[part~="figures"] dt').find((dt) => dt.textContent!.startsWith('Density'))!;
    expect(density.nextElementSibling!.textContent!.trim()).to.equal('not applicable');
    await expect(el).to.be.accessible();
  });

  it('60 actors: 3 600 cells, and axe finds nothing in them', async () => {
    const el = await renderStory(stories.SixtyActors);
    expect($$(el, '[role="gridcell"]')).to.have.length(3600);
    expect(el.figures.actors).to.equal(60);
    await expect(el).to.be.accessible();
  });

  it('Directed: one-way ties', async () => {
    const el = await renderStory(stories.Directed);
    expect(el.directed).to.be.true;
    expect(el.figures.pairs).to.equal(30);
    await expect(el).to.be.accessible();
  });

  it('Narrow: the list at 320 px', async () => {
    const el = await renderStory(stories.Narrow);
    expect(el.shadowRoot!.querySelector('[part="list"]')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="grid"]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('Arabic: right to left', async () => {
    const el = await renderStory(stories.Arabic);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('Error: each problem named, the actors kept', async () => {
    let el!: LcPartnershipMatrix;
    const errors = await captureConsoleErrors(async () => {
      el = await renderStory(stories.ErrorState);
    });
    expect(text(el)).to.contain('layout must be "auto", "grid" or "list"');
    expect(text(el)).to.contain('ties[0].target: there is no actor “mars”.');
    expect(text(el)).to.contain('ties[1].level: the level must be a whole number from 0 to 4, not 7.');
    expect(el.actors).to.have.length(6);
    expect(errors).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});
