// An element upgraded from the markup a page wrote keeps that markup: no attribute is added for a
// default (a CMS or a framework comparing markup sees nothing change under it). A value the page
// chooses by property is still reflected, for stylesheets, and an attribute the page wrote stays.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/assessment/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';

const attributes = (el: Element) => el.getAttributeNames().sort();

describe('attributes as the page wrote them', () => {
  it('adds none for a default on upgrade', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>
        <lc-self-rating criterion="trust"></lc-self-rating>
        <lc-assessment></lc-assessment>
      </div>`,
    );
    const els = [...wrap.querySelectorAll<LcSelfRating | LcCriterionCard | LcAssessment>('*')];
    await Promise.all(els.map((el) => el.updateComplete));
    expect(els.map((el) => [el.localName, attributes(el)])).to.deep.equal([
      ['lc-criterion-card', ['criterion']],
      ['lc-self-rating', []],
      ['lc-self-rating', ['criterion']],
      ['lc-assessment', []],
    ]);
    const [card, nested, rating, assessment] = els as [LcCriterionCard, LcSelfRating, LcSelfRating, LcAssessment];
    expect([card.variant, nested.layout, rating.layout, rating.name, assessment.layout]).to.deep.equal([
      'expanded',
      'horizontal',
      'horizontal',
      '',
      'page',
    ]);
  });

  it('reflects a value set by property, for stylesheets, and removes it for the default', async () => {
    const rating = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const columns = () =>
      getComputedStyle(rating.shadowRoot!.querySelector('[part="scale"]')!).gridTemplateColumns.split(' ').length;
    rating.style.width = '60rem';
    await rating.updateComplete;
    expect(columns(), 'horizontal: six columns').to.equal(6);
    rating.layout = 'vertical';
    rating.name = 'trust';
    await rating.updateComplete;
    expect(rating.getAttribute('layout')).to.equal('vertical');
    expect(rating.getAttribute('name')).to.equal('trust');
    expect(columns(), 'the vertical layout applies').to.equal(1);
    rating.layout = 'horizontal';
    rating.name = '';
    await rating.updateComplete;
    expect(rating.hasAttribute('layout')).to.be.false;
    expect(rating.hasAttribute('name')).to.be.false;
    expect(columns()).to.equal(6);

    const card = await fixture<LcCriterionCard>(html`<lc-criterion-card criterion="trust"></lc-criterion-card>`);
    card.variant = 'compact';
    await card.updateComplete;
    expect(card.getAttribute('variant')).to.equal('compact');
    card.variant = 'expanded';
    await card.updateComplete;
    expect(card.hasAttribute('variant')).to.be.false;
  });

  it('leaves an attribute the page wrote, even with the default value', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <lc-self-rating criterion="trust" layout="horizontal" name=""></lc-self-rating>
        <lc-criterion-card criterion="trust" variant="expanded"></lc-criterion-card>
        <lc-assessment layout="page"></lc-assessment>
      </div>`,
    );
    const els = [...wrap.children] as Array<LcSelfRating | LcCriterionCard | LcAssessment>;
    await Promise.all(els.map((el) => el.updateComplete));
    expect(els.map(attributes)).to.deep.equal([['criterion', 'layout', 'name'], ['criterion', 'variant'], ['layout']]);
  });
});
