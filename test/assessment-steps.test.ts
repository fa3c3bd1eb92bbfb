import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import { waitFor } from './support/helpers.js';
import {
  IDS,
  answer,
  clearHash,
  focused,
  hashIs,
  mount,
  part,
  parts,
  settle,
  shadow,
  uniqueCommunity,
  visibleSections,
} from './support/assessment.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';

const navButton = (el: LcAssessment, which: 'previous' | 'next') =>
  shadow(el).querySelector<HTMLButtonElement>(`[data-nav="${which}"]`);
const currentLink = (el: LcAssessment) => shadow(el).querySelector<HTMLAnchorElement>('[aria-current="step"]');
const headingFocused = (el: LcAssessment, id: string) =>
  waitFor(() => focused(el)?.id === id, `focus on #${id}`).then(() => true);

describe('<lc-assessment layout="steps">', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  it('shows one criterion at a time, with a step list marking the current step', async () => {
    const el = await mount({ layout: 'steps' });
    expect(visibleSections(el)).to.deep.equal(['initiatives']);
    expect(part(el, 'review')!.hidden).to.be.true;
    const nav = part(el, 'steps')!;
    expect(nav.localName).to.equal('nav');
    expect(nav.getAttribute('aria-label')).to.equal('Questions');
    const links = parts(el, 'step-link');
    expect(links).to.have.length(IDS.length + 1);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      ...IDS.map((id) => `#lc-step-${id}`),
      '#lc-review',
    ]);
    expect(currentLink(el)!.getAttribute('href')).to.equal('#lc-step-initiatives');
    expect(navButton(el, 'previous'), 'no previous on the first step').to.equal(null);
    expect(location.hash, 'loading does not touch the URL').to.equal('');
  });

  it("under a <base href> pointing elsewhere (a CMS's base URL): step links open this page, at their step", async () => {
    const base = document.createElement('base');
    base.href = '/elsewhere/';
    document.head.prepend(base);
    try {
      const el = await mount({ layout: 'steps' });
      const page = location.href.split('#')[0];
      const links = parts(el, 'step-link') as HTMLAnchorElement[];
      expect(links.map((a) => a.href)).to.deep.equal([
        ...IDS.map((id) => `${page}#lc-step-${id}`),
        `${page}#lc-review`,
      ]);
      // A plain click still moves to the step in place.
      links[2]!.click();
      await settle(el);
      expect(visibleSections(el)).to.deep.equal([IDS[2]]);
      expect(location.href).to.equal(`${page}#lc-step-${IDS[2]}`);
    } finally {
      base.remove();
    }
  });

  it("with a host's own criteria set: its first step at once, and its kept answers after a reload", async () => {
    const community = uniqueCommunity();
    const criteria = '/test/fixtures/criteria-small.json';
    const el = await mount({ layout: 'steps', community, criteria });
    expect(visibleSections(el)).to.deep.equal(['listening']);
    expect(parts(el, 'step-link').map((a) => a.getAttribute('href'))).to.deep.equal([
      '#lc-step-listening',
      '#lc-step-shared-spaces',
      '#lc-review',
    ]);
    expect(navButton(el, 'next'), 'a way on').to.not.equal(null);
    await answer(el, 'listening', '3');
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'north-district' });
    await waitFor(async () => (await getAnswersStore('device').read(key))?.answers['listening'], 'the answer kept');
    el.closest('lc-community')!.remove();

    const again = await mount({ layout: 'steps', community, criteria });
    expect(again.answers['listening']?.value).to.equal('3');
    expect(part(again, 'progress-text')!.textContent!.trim()).to.equal('1 of 2 answered');
  });

  it('two stepped assessments with ids each follow their own hash, through back and forward', async () => {
    const first = await mount({ layout: 'steps' });
    const second = await mount({ layout: 'steps' });
    first.id = 'spring';
    second.id = 'autumn';
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(currentLink(first)!.getAttribute('href')).to.equal('#spring.lc-step-initiatives');
    expect(currentLink(second)!.getAttribute('href')).to.equal('#autumn.lc-step-initiatives');

    navButton(first, 'next')!.click();
    await hashIs('#spring.lc-step-emerging-needs');
    navButton(second, 'next')!.click();
    await hashIs('#autumn.lc-step-emerging-needs');
    navButton(second, 'next')!.click();
    await hashIs('#autumn.lc-step-cross-sector-collaboration');
    expect(first.step, 'the other hash is not followed').to.equal('emerging-needs');

    // Back: the second returns one step; the first keeps its own.
    history.back();
    await hashIs('#autumn.lc-step-emerging-needs');
    await waitFor(() => second.step === 'emerging-needs', 'the second assessment to step back');
    expect(first.step).to.equal('emerging-needs');
    // A link to a step of the first is followed by the first only.
    location.hash = '#spring.lc-step-trust';
    await waitFor(() => first.step === 'trust', 'the first assessment to follow its link');
    expect(second.step).to.equal('emerging-needs');
  });

  it('moves with the keyboard: Next and Previous keep the hash in step and focus the step’s heading', async () => {
    const el = await mount({ layout: 'steps' });
    const historyLength = history.length;
    navButton(el, 'next')!.focus();
    await sendKeys({ press: 'Enter' });
    await hashIs('#lc-step-emerging-needs');
    expect(await headingFocused(el, 'h-emerging-needs')).to.be.true;
    // The heading says where the person is and, to a screen reader, which criterion it is.
    expect(focused(el)!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('Question 2 of 12');
    expect(focused(el)!.querySelector('.sr-only')!.textContent).to.equal(
      'Question 2 of 12: Communicating emerging needs',
    );
    expect(focused(el)!.getAttribute('tabindex')).to.equal('-1');
    expect(visibleSections(el)).to.deep.equal(['emerging-needs']);
    expect(currentLink(el)!.getAttribute('href')).to.equal('#lc-step-emerging-needs');
    expect(history.length, 'a history entry per step').to.equal(historyLength + 1);

    // Tab from the heading reaches the card's content and the rating; Space answers.
    navButton(el, 'next')!.focus();
    await sendKeys({ press: 'Space' });
    await hashIs('#lc-step-cross-sector-collaboration');
    expect(await headingFocused(el, 'h-cross-sector-collaboration')).to.be.true;

    navButton(el, 'previous')!.focus();
    await sendKeys({ press: 'Enter' });
    await hashIs('#lc-step-emerging-needs');
    expect(await headingFocused(el, 'h-emerging-needs')).to.be.true;
    expect(el.step).to.equal('emerging-needs');
  });

  it('follows the browser’s back and forward buttons', async () => {
    const el = await mount({ layout: 'steps' });
    navButton(el, 'next')!.click();
    await hashIs('#lc-step-emerging-needs');
    navButton(el, 'next')!.click();
    await hashIs('#lc-step-cross-sector-collaboration');

    let popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.step).to.equal('emerging-needs');
    expect(visibleSections(el)).to.deep.equal(['emerging-needs']);
    expect(await headingFocused(el, 'h-emerging-needs')).to.be.true;

    popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(el.step, 'back to where the page started').to.equal('initiatives');
    expect(await headingFocused(el, 'h-initiatives')).to.be.true;

    popped = oneEvent(window, 'popstate');
    history.forward();
    await popped;
    await el.updateComplete;
    expect(el.step).to.equal('emerging-needs');
  });

  it('jumps from the step list, and to the next unanswered criterion', async () => {
    const el = await mount({ layout: 'steps' });
    const trust = parts(el, 'step-link').find((a) => a.getAttribute('href') === '#lc-step-trust')!;
    trust.focus();
    await sendKeys({ press: 'Enter' });
    await hashIs('#lc-step-trust');
    expect(await headingFocused(el, 'h-trust')).to.be.true;
    expect(visibleSections(el)).to.deep.equal(['trust']);

    await answer(el, 'trust', '2');
    await answer(el, 'initiatives', '2');
    await answer(el, 'entrepreneurship', '1');
    const next = part(el, 'next-unanswered') as HTMLAnchorElement;
    expect(next.getAttribute('href'), 'the next unanswered after the current step').to.equal('#lc-step-inclusion');
    next.click();
    await hashIs('#lc-step-inclusion');
    expect(await headingFocused(el, 'h-inclusion')).to.be.true;
  });

  it('starts at the step named in the URL hash', async () => {
    history.replaceState(history.state, '', '#lc-step-policy-making');
    const el = await mount({ layout: 'steps' });
    expect(el.step).to.equal('policy-making');
    expect(visibleSections(el)).to.deep.equal(['policy-making']);
  });

  it('ignores hashes that are not its own', async () => {
    const el = await mount({ layout: 'steps' });
    navButton(el, 'next')!.click();
    await hashIs('#lc-step-emerging-needs');
    location.hash = '#somewhere-else';
    await oneEvent(window, 'hashchange');
    await el.updateComplete;
    expect(el.step).to.equal('emerging-needs');
  });

  it('resumes at the step the person was on', async () => {
    const community = uniqueCommunity();
    const first = await mount({ layout: 'steps', community });
    await answer(first, 'initiatives', '3');
    navButton(first, 'next')!.click();
    await hashIs('#lc-step-emerging-needs');
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
    await waitFor(
      async () => (await getAnswersStore('device').read(key))?.step === 'emerging-needs',
      'the step to be kept',
    );
    first.closest('lc-community')!.remove();
    clearHash();
    const el = await mount({ layout: 'steps', community });
    expect(el.step).to.equal('emerging-needs');
    expect(el.answers['initiatives']?.value).to.equal('3');
  });

  it('reaches the review as the last step, and goes back to a criterion from it', async () => {
    const el = await mount({ layout: 'steps' });
    const reviewLink = parts(el, 'step-link').at(-1)!;
    reviewLink.click();
    await hashIs('#lc-review');
    expect(el.reviewing).to.be.true;
    expect(await headingFocused(el, 'review-heading')).to.be.true;
    expect(visibleSections(el)).to.deep.equal([]);
    expect(shadow(el).querySelector('form')!.hidden).to.be.true;
    expect(currentLink(el)).to.equal(reviewLink);

    const back = shadow(el).querySelector<HTMLButtonElement>('[data-nav="questions"]')!;
    expect(back.textContent!.trim()).to.equal('Back to the questions');
    back.click();
    await hashIs('#lc-step-initiatives');
    expect(await headingFocused(el, 'h-initiatives'), 'back where the person left').to.be.true;
    el.goTo('review');
    await hashIs('#lc-review');

    const change = shadow(el).querySelector<HTMLAnchorElement>('#rv-change-trust')!;
    change.click();
    await hashIs('#lc-step-trust');
    expect(await headingFocused(el, 'h-trust')).to.be.true;
    expect(visibleSections(el)).to.deep.equal(['trust']);
  });
});

describe('<lc-assessment layout="page"> navigation', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  it('goes to the review and back with the browser’s back button', async () => {
    const el = await mount();
    const toReview = part(el, 'pager')!.querySelector('button')!;
    expect(toReview.textContent!.trim()).to.equal('Review your answers');
    toReview.focus();
    await sendKeys({ press: 'Enter' });
    await hashIs('#lc-review');
    expect(await headingFocused(el, 'review-heading')).to.be.true;
    expect(visibleSections(el)).to.deep.equal([]);

    const popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.reviewing).to.be.false;
    expect(visibleSections(el)).to.deep.equal(IDS);
  });
});

describe('<lc-assessment layout="steps"> in a narrow column (reflow at 320 CSS px)', () => {
  let spacer: HTMLElement | undefined;
  beforeEach(clearHash);
  afterEach(() => {
    clearHash();
    spacer?.remove();
  });

  /** Everything drawn past the right edge of `box`, in `root` and the shadow roots inside it, outside a scrolling region. */
  function pastTheEdge(root: ParentNode, box: DOMRect, found: string[] = []): string[] {
    const scrolls = (node: Element) => {
      for (let n: Element | null = node.parentElement; n; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const node of root.querySelectorAll('*')) {
      const r = node.getBoundingClientRect();
      if (r.width && r.right > box.right + 0.5 && !scrolls(node)) {
        found.push(`${node.localName}[part=${node.getAttribute('part') ?? ''}] ${Math.round(r.right - box.left)}`);
      }
      if (node.shadowRoot) pastTheEdge(node.shadowRoot, box, found);
    }
    return found;
  }

  // Below the fold, the step's card is not laid out (content-visibility: auto): it once took a
  // width of 24rem (384 px) then, and the whole element with it.
  for (const where of ['on screen', 'below the fold']) {
    it(`fits 304 px ${where}, in German with the text spacing of WCAG 1.4.12`, async () => {
      spacer = document.createElement('div');
      spacer.style.blockSize = where === 'on screen' ? '0' : '300vh';
      document.body.prepend(spacer);
      const el = await mount({ layout: 'steps', locale: 'de' });
      const column = el.parentElement!;
      column.style.cssText = `display: block; inline-size: 304px; position: relative; overflow: auto;
        font-family: 'DejaVu Sans', sans-serif; line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em`;
      await settle(el);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = column.getBoundingClientRect();
      expect(pastTheEdge(el.shadowRoot!, box)).to.deep.equal([]);
      expect(part(el, 'base')!.getBoundingClientRect().width).to.be.at.most(304);
      expect(column.scrollWidth, 'the element scrolls sideways').to.equal(column.clientWidth);
      // The step list wraps: every step's link is inside the column.
      for (const link of parts(el, 'step-link')) expect(link.getBoundingClientRect().right).to.be.at.most(box.right);
    });
  }
});
