import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import { LcCriterionCard as LcCriterionCardClass } from '../src/components/criterion-card/lc-criterion-card.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { commonCriteriaDe } from '../src/criteria/common-criteria.de.js';
import { coreStrings } from '../src/core/i18n/core-strings.js';
import { accessibleName, mount } from './self-rating-support.js';
import { axNodes, axTree, captureConsoleErrors, collectorState, newBucket, waitFor } from './support/helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Waits until the card shows its criterion (Danish and German content load on demand). */
async function loaded(el: LcCriterionCard) {
  await waitFor(() => part(el, 'title') || part(el, 'error'), 'the criterion to show');
  await el.updateComplete;
}

describe('<lc-criterion-card>', () => {
  it('shows the title, question, why, prompts and level examples beside the scale labels', async () => {
    const el = await fixture<LcCriterionCard>(html`<lc-criterion-card criterion="trust"></lc-criterion-card>`);
    const trust = commonCriteriaEn.criteria.find((c) => c.id === 'trust')!;
    const title = part(el, 'title')!;
    expect(title.localName, 'heading level 3 by default').to.equal('h3');
    expect(title.textContent).to.equal(trust.title);
    expect(part(el, 'question')!.textContent).to.equal(trust.question);
    expect(part(el, 'why')!.textContent).to.contain(trust.why);
    expect(parts(el, 'prompts')[0]!.querySelectorAll('li')).to.have.length(trust.prompts.length);
    const levels = parts(el, 'level');
    expect(levels).to.have.length(5);
    expect(levels[0]!.querySelector('[part~="level-label"]')!.textContent).to.contain('Not addressed');
    expect(levels[4]!.querySelector('[part~="level-label"]')!.textContent).to.contain('Systematic');
    expect(levels[2]!.querySelector('[part~="level-example"]')!.textContent).to.equal(trust.levels[2]);
    expect(parts(el, 'section-heading').map((h) => h.localName)).to.deep.equal(['h4', 'h4', 'h4']);
    await expect(el).to.be.accessible();
  });

  it('fits the page outline with heading-level 2 to 6', async () => {
    const two = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" heading-level="2"></lc-criterion-card>`,
    );
    expect(part(two, 'title')!.localName).to.equal('h2');
    expect(part(two, 'section-heading')!.localName).to.equal('h3');
    const six = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" heading-level="6"></lc-criterion-card>`,
    );
    expect(part(six, 'title')!.localName).to.equal('h6');
    expect(part(six, 'section-heading')!.localName).to.equal('h6');
  });

  it('falls back to level 3 on a bad heading-level, and says so in place and in the console', async () => {
    let el!: LcCriterionCard;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion="trust" heading-level="9"></lc-criterion-card>`,
      );
    });
    expect(part(el, 'title')!.localName).to.equal('h3');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain('heading-level');
    expect(errors.some((e) => e.includes('<lc-criterion-card> heading-level'))).to.be.true;
    el.headingLevel = 4;
    await el.updateComplete;
    expect(part(el, 'title')!.localName).to.equal('h4');
    expect(part(el, 'error')).to.be.null;
  });

  // `.body { display: grid }` beat the user agent's [hidden]: the closed card's region took its
  // gap, a blank band under every closed card; a host's ::part(rating) { display: grid } showed the
  // empty rating and journal wrappers.
  it('keeps what it hides hidden: the closed region, the empty wrappers under a host’s display', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      'lc-criterion-card::part(rating), lc-criterion-card::part(journal) { display: grid; padding: 1rem; border-top: 1px solid }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion="trust" variant="compact"></lc-criterion-card>`,
      );
      const hidden = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[hidden]')];
      expect(hidden.map((e) => e.id || e.getAttribute('part'))).to.have.members(['more', 'rating', 'journal']);
      expect(hidden.filter((e) => e.getClientRects().length).map((e) => e.id || e.getAttribute('part'))).to.deep.equal(
        [],
      );
      // The disclosure is the last thing the closed card shows: no gap under it.
      const summary = part(el, 'summary')!.getBoundingClientRect();
      const base = part(el, 'base')!;
      const padding =
        parseFloat(getComputedStyle(base).paddingBlockEnd) + parseFloat(getComputedStyle(base).borderBlockEndWidth);
      expect(Math.round(base.getBoundingClientRect().bottom - padding - summary.bottom)).to.equal(0);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('compact: title and question, the rest behind a disclosure button', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" variant="compact"></lc-criterion-card>`,
    );
    const button = part(el, 'summary')!;
    const body = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.localName).to.equal('button');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // Named by its text and the criterion's title: a page of cards is not twelve "More about this
    // criterion" buttons (the name starts with the visible text, WCAG 2.5.3).
    const names = button.getAttribute('aria-labelledby')!.split(' ');
    expect(names.map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())).to.deep.equal([
      'More about this criterion',
      'Trust',
    ]);
    expect(body.hidden, 'the region it controls is hidden').to.be.true;
    expect(part(el, 'question')!.checkVisibility()).to.be.true;
    expect(part(el, 'why'), 'the rest is rendered when opened').to.be.null;
    expect(button.textContent).to.equal('More about this criterion');
    await expect(el).to.be.accessible();

    // The keyboard opens and closes it (Enter, Space), as a native disclosure.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open, 'the open property follows the disclosure').to.be.true;
    expect(el.hasAttribute('open')).to.be.true;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(body.hidden).to.be.false;
    expect(part(el, 'why')!.checkVisibility()).to.be.true;
    expect(part(el, 'level-example')!.checkVisibility()).to.be.true;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'why')).to.be.null;

    // Opened from the host, by the attribute.
    el.setAttribute('open', '');
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'why')!.checkVisibility()).to.be.true;
  });

  it('shows Danish content in Danish', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" locale="da"></lc-criterion-card>`,
    );
    await loaded(el);
    expect(part(el, 'title')!.textContent).to.equal('Tillid');
    expect(part(el, 'title')!.hasAttribute('lang'), 'content in the UI language').to.be.false;
    expect(part(el, 'section-heading')!.textContent).to.equal('Hvorfor det er vigtigt');
    expect(part(el, 'level-label')!.textContent).to.contain('Ikke behandlet');
    await expect(el).to.be.accessible();
  });

  it('mirrors in Arabic and marks the English content as English', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" locale="ar"></lc-criterion-card>`,
    );
    const base = part(el, 'base')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(part(el, 'title')!.getAttribute('lang')).to.equal('en');
    expect(part(el, 'question')!.getAttribute('lang')).to.equal('en');
    expect(part(el, 'level-example')!.getAttribute('lang')).to.equal('en');
    expect(part(el, 'title')!.getAttribute('dir'), 'English reads left to right').to.equal('ltr');
    expect(part(el, 'level-example')!.getAttribute('dir')).to.equal('ltr');
    expect(part(el, 'level-label')!.hasAttribute('lang'), 'scale labels are Arabic UI').to.be.false;
    expect(part(el, 'section-heading')!.textContent).to.equal('لماذا هو مهم');
    await expect(el).to.be.accessible();
  });

  it('shows and logs an unknown criterion, naming the id and the set, and keeps its slots', async () => {
    let el!: LcCriterionCard;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion="no-such-criterion"><lc-self-rating></lc-self-rating></lc-criterion-card>`,
      );
      await el.querySelector('lc-self-rating')!.updateComplete;
    });
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('no-such-criterion').and.contain('common-criteria');
    const logged = errors.filter((e) => e.includes('no-such-criterion'));
    expect(logged, 'logged once, by the card (not again by its rating)').to.have.length(1);
    expect(logged[0]).to.contain('common-criteria');
    expect(el.shadowRoot!.querySelectorAll('slot')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('without a criterion: says so, visibly and in the console, instead of showing nothing', async () => {
    let el!: LcCriterionCard;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcCriterionCard>(
        html`<lc-community endpoint="/collect"
          ><lc-criterion-card><lc-self-rating></lc-self-rating></lc-criterion-card
        ></lc-community>`,
      ).then((community) => community.querySelector<LcCriterionCard>('lc-criterion-card')!);
      await el.updateComplete;
      await el.querySelector<LcSelfRating>('lc-self-rating')!.updateComplete;
    });
    const alert = part(el, 'error')!;
    expect(alert, 'an alert').to.exist;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('criterion is missing');
    expect(errors.filter((e) => e.includes('<lc-criterion-card> criterion: is missing'))).to.have.length(1);
    expect(errors, 'one mistake, one line (not again by the rating)').to.have.length(1);
    // A valid one set later is taken, and the alert goes.
    el.criterion = 'trust';
    await loaded(el);
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'title')!.textContent).to.equal('Trust');
  });

  it("a nested rating shows the card's own locale, not the community's; its own locale still wins", async () => {
    const community = await fixture<HTMLElement>(
      html`<lc-community locale="da"
        ><lc-criterion-card criterion="trust" locale="ar"><lc-self-rating></lc-self-rating></lc-criterion-card
        ><lc-criterion-card criterion="inclusion" locale="ar"
          ><lc-self-rating locale="de"></lc-self-rating></lc-criterion-card
      ></lc-community>`,
    );
    const [card, other] = [...community.querySelectorAll<LcCriterionCard>('lc-criterion-card')];
    const rating = card!.querySelector<LcSelfRating>('lc-self-rating')!;
    const own = other!.querySelector<LcSelfRating>('lc-self-rating')!;
    const base = (el: Element) => el.shadowRoot!.querySelector('[part~="base"]')!;
    await Promise.all([rating, own].map((r) => r.updateComplete));
    await loaded(card!);
    await waitFor(() => base(rating).getAttribute('lang') === 'ar', 'the rating in Arabic');
    expect(base(rating).getAttribute('dir')).to.equal('rtl');
    expect(rating.shadowRoot!.querySelector('[part~="option"]')!.textContent).to.contain(
      coreStrings.loaded.ar!['scale.0.label'] as string,
    );
    await waitFor(() => base(own).getAttribute('lang') === 'de', 'its own locale');
    // The card's locale changed: its rating follows.
    card!.locale = 'de';
    await waitFor(() => base(rating).getAttribute('lang') === 'de', 'the rating in German');
    expect(base(rating).getAttribute('dir')).to.equal('ltr');
  });

  it('lends its criterion to a nested rating, which takes the title as its group label', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust"><lc-self-rating name="trust"></lc-self-rating></lc-criterion-card>`,
    );
    const rating = el.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    const group = rating.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(accessibleName(group)).to.equal('Trust');
    expect(part(rating, 'label')!.classList.contains('sr-only'), 'the card shows the title').to.be.true;
    expect(part(rating, 'question'), 'the card shows the question').to.be.null;
    expect(part(el, 'rating')!.hidden).to.be.false;
    await expect(el).to.be.accessible();

    el.criterion = 'inclusion';
    await el.updateComplete;
    await rating.updateComplete;
    expect(accessibleName(group)).to.equal(commonCriteriaEn.criteria.find((c) => c.id === 'inclusion')!.title);
  });

  it('a nested rating is named by the title without a screen reader reading the title twice', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust" variant="compact"
        ><lc-self-rating></lc-self-rating
      ></lc-criterion-card>`,
    );
    const rating = el.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    const group = rating.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('label');
    expect(part(rating, 'label')!.hidden, 'out of the reading order').to.be.true;
    expect(accessibleName(group)).to.equal('Trust');
    await expect(el).to.be.accessible();

    // Chromium's own tree (what browse mode reads): the title once, as the card's heading, and no
    // text of the rating's. (Its snapshot leaves out a radiogroup: the name is axe's, above.)
    type AxNode = { role: string; name?: string; children?: AxNode[] };
    const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];
    const nodes = all((await a11ySnapshot({})) as unknown as AxNode);
    expect(nodes.filter((n) => n.name === 'Trust').map((n) => n.role)).to.deep.equal(['heading']);
    expect(nodes.filter((n) => n.role === 'radio')).to.have.length(6);

    // On its own, the rating shows its label, in the reading order.
    rating.remove();
    document.body.append(rating);
    await rating.updateComplete;
    rating.criterion = 'trust';
    await rating.updateComplete;
    expect(part(rating, 'label')!.hidden).to.be.false;
    expect(accessibleName(group)).to.equal('Trust');
    rating.remove();
  });

  it("submits a nested rating under the card's criterion", async () => {
    const bucket = newBucket('card');
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="inclusion" variant="compact"
        ><lc-self-rating slot="rating" endpoint=${bucket.endpoint} value="2"></lc-self-rating
      ></lc-criterion-card>`,
    );
    const rating = el.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    let id = '';
    rating.addEventListener('lc-submit', (e) => (id = (e as LcSubmitEvent).envelope.id));
    part(rating, 'submit')!.click();
    await waitFor(() => rating.submissionState === 'sent', 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ id, criterion: 'inclusion' });
  });

  it('takes a criterion with white space around it, with no error, and sends the trimmed id', async () => {
    const bucket = newBucket('card-space');
    let card!: LcCriterionCard;
    let own!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      card = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion=" trust "
          ><lc-self-rating endpoint=${bucket.endpoint} value="2"></lc-self-rating
        ></lc-criterion-card>`,
      );
      own = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion=" inclusion " endpoint=${bucket.endpoint} value="3"></lc-self-rating>`,
      );
      await loaded(card);
      await card.querySelector('lc-self-rating')!.updateComplete;
    });
    const nested = card.querySelector('lc-self-rating')!;
    expect(errors, 'nothing logged').to.deep.equal([]);
    for (const el of [card, nested, own]) expect(part(el, 'error'), el.localName).to.be.null;
    expect(part(card, 'title')!.textContent!.trim()).to.equal('Trust');
    expect(part(own, 'label')!.textContent!.trim()).to.equal(
      commonCriteriaEn.criteria.find((c) => c.id === 'inclusion')!.title,
    );

    for (const el of [nested, own]) {
      part(el, 'submit')!.click();
      await waitFor(() => el.submissionState === 'sent', 'sent');
    }
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r['criterion'])).to.deep.equal(['trust', 'inclusion']);
  });

  it('a rating with its own criterion keeps it, and its own visible label', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust"
        ><lc-self-rating criterion="inclusion"></lc-self-rating
      ></lc-criterion-card>`,
    );
    const rating = el.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    expect(part(rating, 'label')!.classList.contains('sr-only')).to.be.false;
    expect(part(rating, 'label')!.textContent!.trim()).to.equal(
      commonCriteriaEn.criteria.find((c) => c.id === 'inclusion')!.title,
    );
  });

  it('shows a journal in its slot, after the rating', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust"><p slot="journal">Our notes</p></lc-criterion-card>`,
    );
    expect(part(el, 'journal')!.hidden).to.be.false;
    expect(part(el, 'rating')!.hidden, 'no rating slotted').to.be.true;
    const slot = part(el, 'journal')!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Our notes');
  });

  it("a community's criteria that fail to load are announced once, not once per card", async () => {
    let wrapper!: HTMLElement;
    await captureConsoleErrors(async () => {
      wrapper = await fixture<HTMLElement>(
        html`<lc-community criteria="/test/fixtures/chaos-frame.html"
          ><lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card
          ><lc-criterion-card criterion="inclusion"></lc-criterion-card
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>`,
      );
      const cards = [...wrapper.querySelectorAll('lc-criterion-card')];
      await waitFor(() => cards.every((c) => part(c, 'error')), 'the error in each card');
    });
    const elements = [wrapper, ...wrapper.querySelectorAll('lc-criterion-card, lc-self-rating')];
    const alerts = elements.flatMap((e) => [...e.shadowRoot!.querySelectorAll('[role="alert"]')]);
    expect(alerts, 'the community alone announces it').to.have.length(1);
    expect(alerts[0]!.getRootNode()).to.equal(wrapper.shadowRoot);
    for (const card of wrapper.querySelectorAll('lc-criterion-card')) {
      expect(part(card, 'error')!.textContent, 'each card still shows it').to.contain(
        'The criteria could not be loaded',
      );
    }
    // A problem of a card's own is still announced.
    const own = wrapper.querySelector('lc-criterion-card')!;
    own.setAttribute('heading-level', '9');
    await own.updateComplete;
    expect(part(own, 'error')!.getAttribute('role')).to.equal('alert');
  });

  it('renders a card and its rating once: the first render already knows what the slots hold', async () => {
    const renders = { card: 0, rating: 0 };
    const card = document.createElement('lc-criterion-card');
    const rating = document.createElement('lc-self-rating');
    const count = (el: HTMLElement, key: keyof typeof renders) => {
      const own = el as unknown as { render(): unknown };
      const render = own.render.bind(el);
      own.render = () => (renders[key]++, render());
    };
    count(card, 'card');
    count(rating, 'rating');
    card.setAttribute('criterion', 'trust');
    card.append(rating);
    const host = await mount<HTMLDivElement>(html`<div></div>`);
    host.append(card);
    await card.updateComplete;
    await rating.updateComplete;
    // slotchange comes after the first render; it must find nothing new.
    await new Promise((r) => setTimeout(r, 50));
    await card.updateComplete;
    await rating.updateComplete;
    expect(part(card, 'rating')!.hidden).to.be.false;
    expect(renders).to.deep.equal({ card: 1, rating: 1 });
    expect(accessibleName(rating.shadowRoot!.querySelector('[role="radiogroup"]')!)).to.equal('Trust');
  });

  it('a rating moved out of its card shows its own label and question again', async () => {
    const el = await fixture<LcCriterionCard>(
      html`<lc-criterion-card criterion="trust"
        ><lc-self-rating criterion="trust"></lc-self-rating
      ></lc-criterion-card>`,
    );
    const rating = el.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    expect(part(rating, 'label')!.classList.contains('sr-only')).to.be.true;
    el.after(rating);
    await rating.updateComplete;
    expect(part(rating, 'label')!.classList.contains('sr-only')).to.be.false;
    expect(part(rating, 'question')).to.exist;
    // Put back and given a value at once: the move still renders (the label is the card's again).
    el.append(rating);
    rating.value = '2';
    await rating.updateComplete;
    expect(part(rating, 'label')!.classList.contains('sr-only')).to.be.true;
    expect(part(rating, 'question')).to.not.exist;
    expect(rating.shadowRoot!.querySelector('[aria-checked="true"]')!.id).to.equal('option-2');
    rating.remove();
  });

  it('skips laying out a card off screen, but never the one that holds focus', async () => {
    const host = await mount<HTMLDivElement>(
      html`<div>
        <div style="block-size: 300vh"></div>
        <lc-criterion-card criterion="trust" variant="compact"><lc-self-rating></lc-self-rating></lc-criterion-card>
      </div>`,
    );
    const card = host.querySelector<LcCriterionCard>('lc-criterion-card')!;
    const rating = card.querySelector<LcSelfRating>('lc-self-rating')!;
    await loaded(card);
    await rating.updateComplete;
    expect(getComputedStyle(card).contentVisibility).to.equal('auto');
    // Moving from one option to the next must not make the card leave and re-enter rendering.
    rating.focus();
    expect(getComputedStyle(card).contentVisibility).to.equal('visible');
    rating.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }),
    );
    await rating.updateComplete;
    expect(rating.value).to.equal('1');
    expect(getComputedStyle(card).contentVisibility).to.equal('visible');
    (rating.shadowRoot!.activeElement as HTMLElement).blur();
    expect(getComputedStyle(card).contentVisibility).to.equal('auto');
  });

  it('cards in a grid narrow with it, those skipped off screen too (reflow, WCAG 1.4.10)', async () => {
    const ids = commonCriteriaEn.criteria.map((c) => c.id);
    const host = await mount<HTMLDivElement>(
      html`<div style="display: grid; inline-size: 1000px">
        ${ids.map((id) => html`<lc-criterion-card criterion=${id}><lc-self-rating></lc-self-rating></lc-criterion-card>`)}
      </div>`,
    );
    const cards = [...host.querySelectorAll<LcCriterionCard>('lc-criterion-card')];
    await Promise.all(cards.map(loaded));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(cards.map((c) => c.offsetWidth)).to.deep.equal(cards.map(() => 1000));
    // The window narrowed (a phone turned, a zoom of 400 %): most cards are off screen, skipped.
    host.style.inlineSize = '320px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(cards.map((c) => c.offsetWidth)).to.deep.equal(cards.map(() => 320));
    expect(host.scrollWidth, 'nothing wider than the column').to.equal(320);
  });

  it('renders 1200 cards with ratings', async function () {
    this.timeout(60_000);
    const ids = commonCriteriaEn.criteria.map((c) => c.id);
    const host = await mount<HTMLDivElement>(html`<div></div>`);
    const start = performance.now();
    render(
      Array.from(
        { length: 1200 },
        (_, i) =>
          html`<lc-criterion-card criterion=${ids[i % ids.length]!} variant="compact"
            ><lc-self-rating name=${`r${i}`}></lc-self-rating
          ></lc-criterion-card>`,
      ),
      host,
    );
    const cards = [...host.querySelectorAll('lc-criterion-card')];
    await Promise.all(cards.map((c) => c.updateComplete));
    const ratings = [...host.querySelectorAll<LcSelfRating>('lc-self-rating')];
    await Promise.all(ratings.map((r) => r.updateComplete));
    // Not a timing assertion (shared machines vary): the figure is printed for people reading the log.
    console.log(`1200 cards with ratings rendered in ${Math.round(performance.now() - start)} ms`);
    expect(cards.every((c) => part(c, 'title'))).to.be.true;
    expect(ratings.every((r) => r.shadowRoot!.querySelectorAll('[role="radio"]').length === 6)).to.be.true;
    expect(part(ratings[1199]!, 'label')!.textContent!.trim(), 'each rating labelled by its own card').to.equal(
      commonCriteriaEn.criteria[1199 % ids.length]!.title,
    );
  });
});

describe('<lc-criterion-card> out of view', () => {
  // Cards out of view are not laid out (content-visibility: auto), and Chromium leaves them out
  // of its accessibility tree until they come near. A page may keep them all in it (README).
  async function headingsFarBelow(pageCss: string): Promise<{ shown: string[]; titles: string[] }> {
    const style = document.createElement('style');
    style.textContent = pageCss;
    const spacer = document.createElement('div');
    spacer.style.blockSize = '5000px';
    document.head.append(style);
    document.body.prepend(spacer);
    try {
      const ids = commonCriteriaEn.criteria.slice(0, 3).map((c) => c.id);
      const wrap = await fixture<HTMLElement>(
        html`<div>${ids.map((id) => html`<lc-criterion-card criterion=${id}></lc-criterion-card>`)}</div>`,
      );
      const cards = [...wrap.querySelectorAll<LcCriterionCard>('lc-criterion-card')];
      await Promise.all(cards.map((c) => c.updateComplete));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const names = axNodes(await axTree())
        .filter((n) => n.role === 'heading' && n.name)
        .map((n) => n.name!);
      return { shown: names, titles: commonCriteriaEn.criteria.slice(0, 3).map((c) => c.title) };
    } finally {
      spacer.remove();
      style.remove();
    }
  }

  it('are in the accessibility tree, far below the fold, when the page sets content-visibility: visible', async () => {
    const { shown, titles } = await headingsFarBelow('lc-criterion-card { content-visibility: visible; }');
    expect(shown).to.include.members(titles);
  });

  it('are left out of it by default until they come near (what the README says of them)', async () => {
    const { shown, titles } = await headingsFarBelow('');
    for (const title of titles) expect(shown, title).not.to.include(title);
  });
});

describe('<lc-criterion-card> content on demand', () => {
  // The full criteria load on demand in every language, English too: the first render waits for
  // them (as for translated strings), so it shows the criterion at once, never "Loading…".
  class RenderLog extends LcCriterionCardClass {
    renders: string[] = [];
    protected override updated(): void {
      super.updated();
      this.renders.push(this.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    }
  }
  customElements.define('test-card-render-log', RenderLog);

  it('renders the English content in its first render', async () => {
    const el = await mount<RenderLog>(html`<test-card-render-log criterion="trust"></test-card-render-log>`);
    const trust = commonCriteriaEn.criteria.find((c) => c.id === 'trust')!;
    expect(el.renders[0]).to.contain(trust.why);
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
  });

  it('renders the German content in its first render, not a loading message', async () => {
    // German: no other test in this file has loaded its content yet.
    const el = await mount<RenderLog>(
      html`<test-card-render-log criterion="trust" locale="de"></test-card-render-log>`,
    );
    const trust = commonCriteriaDe.criteria.find((c) => c.id === 'trust')!;
    expect(el.renders[0]).to.contain(trust.title).and.contain(trust.why);
    for (const text of el.renders) expect(text).not.to.contain(commonCriteriaEn.criteria[0]!.title);
  });
});
