import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { createStore, get } from 'idb-keyval';
import { ANSWERS_DB, ANSWERS_STORE, answersKey } from '../src/components/assessment/answers-store.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { msg } from '../src/components/assessment/strings.js';
import { axNodes, axTree, captureConsoleErrors, forcedColors, newBucket, waitFor } from './support/helpers.js';
import {
  IDS,
  answer,
  clearHash,
  mount,
  part,
  parts,
  progressBar,
  progressText,
  rating,
  settle,
  shadow,
  uniqueCommunity,
} from './support/assessment.js';

const LOCALES = [
  { locale: 'en', progress: '2 of 12 answered', review: 'Review your answers', dir: 'ltr' },
  { locale: 'da', progress: '2 af 12 besvaret', review: 'Gennemse dine svar', dir: 'ltr' },
  {
    locale: 'ar',
    progress: `تمت الإجابة عن ${(2).toLocaleString('ar')} من ${(12).toLocaleString('ar')}`,
    review: 'راجع إجاباتك',
    dir: 'rtl',
  },
];

async function axe(el: LcAssessment) {
  await settle(el);
  await expect(el).to.be.accessible();
}

describe('<lc-assessment> accessibility', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  for (const { locale, progress, review, dir } of LOCALES) {
    it(`${locale}: zero axe violations in page, steps and review, with the locale’s text and direction`, async () => {
      const page = await mount({ locale, comment: true, intro: 'Intro' });
      const base = part(page, 'base')!;
      expect(base.getAttribute('lang')).to.equal(locale);
      expect(base.getAttribute('dir')).to.equal(dir);
      await answer(page, 'trust', '2');
      await answer(page, 'inclusion', 'dont-know');
      expect(progressText(page)).to.equal(progress);
      expect(progressBar(page).getAttribute('aria-valuenow')).to.equal('2');
      await axe(page);

      const steps = await mount({ layout: 'steps', locale, evidence: true });
      await answer(steps, 'initiatives', '1');
      await axe(steps);

      page.goTo('review');
      await settle(page);
      expect(shadow(page).querySelector('#review-heading')!.textContent!.trim()).to.equal(review);
      await axe(page);
      // The send check (unanswered criteria) shown as an error after a blocked send.
      await page.submit();
      await settle(page);
      expect(part(page, 'send-check')!.dataset['error']).to.equal('true');
      await axe(page);
    });
  }

  it('names each step heading "Question n of 12: title" in the browser’s accessibility tree', async () => {
    const el = await mount({ layout: 'steps' });
    type Node = { role?: string; name?: string; children: Node[] };
    const snapshot = (await a11ySnapshot({})) as unknown as Node;
    const heading = findAccessibilityNode<Node>(
      snapshot,
      (n) => n.role === 'heading' && /^Question/.test(n.name ?? ''),
    );
    // Chromium's own name, not axe's: a visually hidden span beside the visible text was read
    // "Question 1 of 12 : Taking initiatives", with a space before the colon.
    expect(heading?.name).to.equal('Question 1 of 12: Taking initiatives');
    expect(shadow(el).querySelector(`#h-${IDS[0]}`)!.textContent).to.contain('Question 1 of 12');
  });

  it('ar: English criteria in the Arabic UI are marked lang="en"', async () => {
    const el = await mount({ locale: 'ar' });
    const titles = parts(el, 'step-link')
      .slice(0, IDS.length)
      .map((a) => a.querySelector('.step-title')!);
    expect(titles.every((t) => t.getAttribute('lang') === 'en')).to.be.true;
    el.goTo('review');
    await settle(el);
    expect(shadow(el).querySelector('#rv-title-trust')!.getAttribute('lang')).to.equal('en');
    // An English title inside an Arabic sentence is isolated, so it does not reorder the sentence.
    const link = part(el, 'send-check')!.querySelector('a')!;
    expect(link.textContent).to.contain('\u2068Taking initiatives\u2069');
  });

  it('ar: a criterion’s English title inside an Arabic sentence is marked lang="en" dir="ltr" there', async () => {
    const el = await mount({ locale: 'ar', allowPartial: true, evidence: true });
    await answer(el, 'trust', '2');
    const evidence = rating(el, 'trust').shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    evidence.value = 'not a link';
    evidence.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitFor(() => el.answers['trust']?.evidence === 'not a link', 'the evidence link');
    el.goTo('review');
    await settle(el);
    const check = part(el, 'send-check')!;
    expect(check.hidden).to.be.false;
    const title = '\u2068Trust\u2069';
    // "Go to “Trust”": the Arabic sentence, the English title marked inside it.
    const link = check.querySelector('a')!;
    expect(link.textContent).to.equal(msg('ar', 'send.go-to', { title }));
    expect(link.hasAttribute('lang'), 'the sentence itself is Arabic').to.be.false;
    const marked = link.querySelector('span')!;
    expect([marked.getAttribute('lang'), marked.getAttribute('dir'), marked.textContent]).to.deep.equal([
      'en',
      'ltr',
      title,
    ]);
    // The same in the sentence saying what is wrong.
    const sentence = check.querySelector('p')!;
    expect(sentence.textContent).to.equal(msg('ar', 'send.evidence', { title }));
    const inSentence = sentence.querySelector('span')!;
    expect([inSentence.getAttribute('lang'), inSentence.getAttribute('dir'), inSentence.textContent]).to.deep.equal([
      'en',
      'ltr',
      title,
    ]);
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('ar');
    await expect(el).to.be.accessible();
  });

  it('da: an English title in a Danish sentence is marked lang="en" (same direction: no dir)', async () => {
    const el = await mount({ locale: 'da' });
    el.goTo('review');
    await settle(el);
    const link = part(el, 'send-check')!.querySelector('a')!;
    const marked = link.querySelector('span');
    // The Danish criteria are built in: the titles are Danish, and nothing needs marking.
    expect(marked).to.equal(null);
    expect(link.textContent).to.equal(msg('da', 'send.go-to', { title: 'At tage initiativ' }));
  });

  it('the "start again" dialog passes axe while open', async () => {
    const el = await mount();
    await answer(el, 'trust', '2');
    (part(el, 'restart') as HTMLButtonElement).click();
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('restart-title');
    await expect(el).to.be.accessible();
    dialog.close();
  });

  it('the sent state passes axe', async () => {
    const el = await mount({ allowPartial: true });
    await answer(el, 'trust', '2');
    // A host that takes the submission over: the "handled" state, without a network.
    el.addEventListener('lc-submit', (e) => e.preventDefault(), { once: true });
    await el.submit();
    await waitFor(() => el.submissionState === 'handled', 'the handled state');
    await settle(el);
    expect(part(el, 'status')!.textContent!.trim()).to.equal('Your answers have been passed on.');
    await axe(el);
  });

  it('with-journal puts a reflection journal in each card’s journal slot', async () => {
    const el = await mount({ layout: 'steps', withJournal: true });
    const journals = [...shadow(el).querySelectorAll('lc-reflection-journal')];
    expect(journals.map((j) => j.getAttribute('criterion'))).to.deep.equal(IDS);
    expect(
      journals.every((j) => j.getAttribute('slot') === 'journal' && j.parentElement!.localName === 'lc-criterion-card'),
    ).to.be.true;
    await axe(el);
  });

  it('reports a bad attribute visibly and in the console, and keeps working', async () => {
    let el!: LcAssessment;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcAssessment>(html`<lc-assessment layout="grid" heading-level="9"></lc-assessment>`);
      await el.answersRestored;
      await settle(el);
    });
    expect(errors.join('\n')).to.contain('[lc-elements] <lc-assessment> layout: must be "page" or "steps"');
    expect(errors.join('\n')).to.contain('[lc-elements] <lc-assessment> heading-level: must be 2 to 5');
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('layout must be "page" or "steps"');
    expect(parts(el, 'question')).to.have.length(12);
    expect(shadow(el).querySelector('#h-trust')!.localName, 'the default heading level').to.equal('h2');
  });
});

describe('<lc-assessment> with long words (reflow at 320 CSS px)', () => {
  const word = 'Interkommunalesbürgerbeteiligungsverfahrenprotokoll';
  const criterion = (id: string, title: string) => ({
    id,
    title,
    question: `How does ${title} work here?`,
    why: 'Because.',
    prompts: ['One?', 'Two?', 'Three?'],
    levels: ['Not at all.', 'Now and then.', 'Regularly.', 'Tested.', 'Systematic.'] as [
      string,
      string,
      string,
      string,
      string,
    ],
  });
  for (const layout of ['page', 'steps'] as const) {
    it(`${layout}: a title of one long word wraps instead of widening the page`, async () => {
      const host = await fixture<HTMLElement>(
        html`<div
          style="inline-size: 320px; position: relative; overflow: auto; font-family: 'DejaVu Sans', sans-serif"
        >
          <lc-community community="long-words" round="r1" storage="none" endpoint="/collect/long-words">
            <lc-assessment layout=${layout}></lc-assessment>
          </lc-community>
        </div>`,
      );
      const community = host.querySelector('lc-community')!;
      community.criteria = {
        id: 'long-words',
        version: '1.0',
        locale: 'de',
        name: 'Lange Wörter',
        criteria: [criterion('first', word), criterion('second', `${word}${word}`)],
      };
      const el = host.querySelector<LcAssessment>('lc-assessment')!;
      await waitFor(() => el.shadowRoot!.querySelector('[part~="question"][data-criterion="second"]'), 'the set');
      for (const card of el.shadowRoot!.querySelectorAll('lc-criterion-card')) await card.updateComplete;
      await el.updateComplete;
      expect(host.scrollWidth, 'nothing wider than 320 px').to.equal(host.clientWidth);
      // The review lists the titles again.
      el.goTo('review');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="review"]')!.hidden).to.be.false;
      expect(host.scrollWidth, 'the review: nothing wider than 320 px').to.equal(host.clientWidth);
    });
  }
});

// The notices and checks added with "Change my answers" kept across a reload and allow-partial's
// comment-without-a-level check, in each built-in language (Arabic right to left).
describe('<lc-assessment> accessibility of the resume notice and the send check', () => {
  beforeEach(clearHash);
  afterEach(async () => {
    clearHash();
    await forcedColors(false);
  });

  const kept = (community: string) =>
    get(
      answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' }),
      createStore(ANSWERS_DB, ANSWERS_STORE),
    ) as Promise<{ replaces?: string } | undefined>;

  for (const locale of ['en', 'da', 'de', 'ar']) {
    it(`${locale}: "you were changing your answers", after "Change my answers" and a reload, is said and passes axe`, async () => {
      const bucket = newBucket('a11y-resume');
      const community = uniqueCommunity();
      const first = await mount({ community, locale, endpoint: bucket.endpoint, allowPartial: true });
      await answer(first, 'trust', '2');
      await answer(first, 'inclusion', 'dont-know');
      first.goTo('review');
      await settle(first);
      (part(first, 'submit') as HTMLButtonElement).click();
      await waitFor(() => first.submissionState === 'sent', 'the answers sent');
      await settle(first);
      (part(first, 'submit') as HTMLButtonElement).click(); // "Change my answers"
      await waitFor(async () => (await kept(community))?.replaces, 'the taken-back answers kept');
      first.closest('lc-community')!.remove();

      const el = await mount({ community, locale, endpoint: bucket.endpoint, allowPartial: true });
      const region = part(el, 'announcement')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.textContent!.trim()).to.equal(msg(locale, 'resume.changing'));
      // On screen, not only in the accessibility tree.
      const text = region.querySelector('span')!;
      expect(text.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(text).display).to.not.equal('none');
      const spoken = axNodes(await axTree()).find(
        (n) => n.role === 'StaticText' && n.name === msg(locale, 'resume.changing'),
      );
      expect(spoken, 'the notice in the accessibility tree').to.exist;
      await axe(el);
    });

    it(`${locale}: a comment without a level stops the send; the message is focused and named, its link leads to the options`, async () => {
      const el = await mount({ locale, allowPartial: true, comment: true });
      await answer(el, 'initiatives', '2');
      const r = rating(el, 'trust');
      r.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'No one asks us' });
      await waitFor(() => el.answers['trust']?.comment === 'No one asks us', 'the comment');
      el.goTo('review');
      await settle(el);
      const button = part(el, 'submit') as HTMLButtonElement;
      button.focus();
      await sendKeys({ press: 'Enter' });
      const check = part(el, 'send-check')!;
      await waitFor(() => shadow(el).activeElement === check, 'the focus on the message');
      expect(check.dataset['error']).to.equal('true');
      const link = check.querySelector('a')!;
      // Read out when focused: Chromium names the focused message by its text.
      const nodes = axNodes(await axTree());
      const focusedNode = nodes.find((n) => n.focused);
      const sentence = check.querySelector('p')!.textContent!;
      expect(focusedNode?.name, 'the focused message, as read').to.contain(sentence);
      // The link's name as written, without spaces added around the criterion's title.
      expect(nodes.find((n) => n.role === 'link' && n.name?.includes(link.textContent!.slice(0, 4)))?.name).to.equal(
        link.textContent,
      );
      await axe(el);
      await forcedColors(true);
      expect(getComputedStyle(check).borderTopStyle, 'the message boxed in forced colours').to.equal('solid');
      expect(parseFloat(getComputedStyle(check).borderTopWidth)).to.be.at.least(2);
      await forcedColors(false);

      // The link leads to what to mend: the level's options (as the evidence check leads to its field).
      link.focus();
      await sendKeys({ press: 'Enter' });
      const options = [...r.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
      await waitFor(() => r.shadowRoot!.activeElement === options[0], 'the focus on the first option');
      expect(shadow(el).activeElement).to.equal(r);
      // Chosen from the keyboard there, the send goes.
      await sendKeys({ press: 'Space' });
      await waitFor(() => el.answers['trust']?.value === '0', 'a level for trust');
    });
  }
});
