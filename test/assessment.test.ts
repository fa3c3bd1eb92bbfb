import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { createStore, get } from 'idb-keyval';
import { ANSWERS_DB, ANSWERS_STORE, answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import { ANSWERS_CHANNEL } from '../src/components/assessment/lc-assessment.js';
import { waitFor } from './support/helpers.js';
import {
  IDS,
  announcement,
  answer,
  clearHash,
  copyOnPage,
  focused,
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

const kept = (community: string, round = '2026-spring') =>
  get(answersKey({ community, round, criteriaSet: 'common-criteria' }), createStore(ANSWERS_DB, ANSWERS_STORE));

describe('<lc-assessment> page layout and progress', () => {
  afterEach(clearHash);

  it('renders every criterion as a card with a rating, in the set’s order, inside one form', async () => {
    const el = await mount({ intro: 'Welcome to the assessment.' });
    const sections = parts(el, 'question');
    expect(sections.map((s) => s.dataset['criterion'])).to.deep.equal(IDS);
    expect(
      sections.every((s) => !s.hidden),
      'all on one page',
    ).to.be.true;
    const form = shadow(el).querySelector('form')!;
    for (const section of sections) {
      const card = section.querySelector('lc-criterion-card')!;
      expect(card.getAttribute('criterion')).to.equal(section.dataset['criterion']);
      const r = card.querySelector('lc-self-rating') as HTMLElement & { form: HTMLFormElement | null };
      expect(r.getAttribute('slot')).to.equal('rating');
      expect(r.form, 'the rating belongs to the assessment’s form').to.equal(form);
      expect(r.shadowRoot!.querySelector('[part~="submit"]'), 'no Send button of its own').to.equal(null);
    }
    // The introduction is slotted.
    const slot = shadow(el).querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Welcome to the assessment.');
  });

  it('shows "n of 12 answered" and a progressbar with its value, updated as the person answers', async () => {
    const el = await mount();
    const bar = progressBar(el);
    expect(progressText(el)).to.equal('0 of 12 answered');
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('12');
    expect(bar.getAttribute('aria-valuenow')).to.equal('0');
    expect(bar.getAttribute('aria-label')).to.equal('Progress');

    const seen: string[] = [];
    el.addEventListener('change', () => seen.push('change'));
    await answer(el, 'trust', '3');
    await answer(el, 'inclusion', 'dont-know');
    await answer(el, 'initiatives', '0');
    expect(progressText(el)).to.equal('3 of 12 answered');
    expect(bar.getAttribute('aria-valuenow')).to.equal('3');
    expect(bar.getAttribute('aria-valuetext')).to.equal('3 of 12 answered');
    expect(part(el, 'progress-value')!.style.inlineSize).to.equal('25%');
    expect(el.progress).to.deep.include({ answered: 3, total: 12, dontKnow: 1 });
    expect(el.answers['trust']).to.deep.equal({ value: '3', comment: '', evidence: '' });
    expect(seen.length, 'the ratings’ change events reach the page').to.equal(3);

    // Changing an answer does not count twice.
    await answer(el, 'trust', '4');
    expect(progressText(el)).to.equal('3 of 12 answered');
  });

  it('marks unanswered criteria in the step list and links to the first unanswered', async () => {
    const el = await mount();
    await answer(el, 'initiatives', '2');
    const items = [...shadow(el).querySelectorAll<HTMLLIElement>('[part~="steps"] li[data-answered]')];
    expect(items.map((li) => li.dataset['answered'])).to.deep.equal(IDS.map((_, i) => String(i === 0)));
    expect(items[0]!.textContent).to.contain('(answered)');
    expect(items[1]!.textContent).to.contain('(not answered)');
    const next = part(el, 'next-unanswered') as HTMLAnchorElement;
    expect(next.getAttribute('href')).to.equal('#lc-step-emerging-needs');
    next.click();
    await el.updateComplete;
    await waitFor(() => focused(el)?.id === 'h-emerging-needs', 'focus on the unanswered criterion’s heading');
    expect(location.hash).to.equal('#lc-step-emerging-needs');

    for (const id of IDS.slice(1)) await answer(el, id, '1');
    expect(part(el, 'next-unanswered')).to.equal(null);
    expect(part(el, 'all-answered')!.textContent).to.equal('Every question is answered.');
  });

  it('collects comment and evidence from the ratings when they are shown', async () => {
    const el = await mount({ comment: true, evidence: true });
    const r = rating(el, 'trust');
    await answer(el, 'trust', '2');
    r.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'We meet monthly' });
    r.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.focus();
    await sendKeys({ type: 'https://example.org/minutes' });
    await el.updateComplete;
    expect(el.answers['trust']).to.deep.equal({
      value: '2',
      comment: 'We meet monthly',
      evidence: 'https://example.org/minutes',
    });
  });
});

describe('<lc-assessment> resume and start again', () => {
  afterEach(clearHash);

  it('keeps answers as the person goes and restores them after a reload, saying so', async () => {
    const community = uniqueCommunity();
    const first = await mount({ community, comment: true });
    await answer(first, 'initiatives', '1');
    await answer(first, 'trust', 'dont-know');
    const r = rating(first, 'inclusion');
    await answer(first, 'inclusion', '4');
    r.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Open to all' });
    await waitFor(
      async () =>
        ((await kept(community)) as { answers?: Record<string, { comment: string }> })?.answers?.['inclusion']
          ?.comment === 'Open to all',
      'the answers to be kept in IndexedDB',
    );
    expect(announcement(first), 'nothing restored on a first visit').to.equal('');
    first.closest('lc-community')!.remove();

    // "Reload": a new element for the same community and round.
    const el = await mount({ community, comment: true });
    expect(el.answers).to.deep.equal({
      initiatives: { value: '1', comment: '', evidence: '' },
      trust: { value: 'dont-know', comment: '', evidence: '' },
      inclusion: { value: '4', comment: 'Open to all', evidence: '' },
    });
    expect(progressText(el)).to.equal('3 of 12 answered');
    expect(rating(el, 'trust').value).to.equal('dont-know');
    expect(rating(el, 'inclusion').commentText).to.equal('Open to all');
    const region = part(el, 'announcement')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(announcement(el)).to.equal(
      'Welcome back: your 3 earlier answers have been restored. Carry on, or start again.',
    );

    // Another round of the same community starts empty.
    const other = await mount({ community, round: '2026-autumn' });
    expect(other.answers).to.deep.equal({});
  });

  it('open in two tabs: an answer given in either reaches the other, and the device keeps both', async () => {
    const community = uniqueCommunity();
    const el = await mount({ community });
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
    // The other tab: its assessment talks on the same channel.
    const otherTab = new BroadcastChannel(ANSWERS_CHANNEL);
    const heard: Array<{ key: string; id?: string; answer?: { value: string } }> = [];
    // Only this assessment's messages: other test pages of the origin talk on the channel too.
    otherTab.onmessage = (e) => {
      if (e.data?.key === key) heard.push(e.data);
    };
    try {
      await answer(el, 'trust', '2');
      await waitFor(() => heard.length === 1, 'the answer told to the other tab');
      expect(heard[0]).to.deep.include({ key, id: 'trust' });
      expect(heard[0]!.answer!.value).to.equal('2');

      // The other tab answers another criterion: this tab shows it, and its save keeps both.
      otherTab.postMessage({ key, id: 'inclusion', answer: { value: '4', comment: '', evidence: '' } });
      await waitFor(() => el.answers['inclusion']?.value === '4', "the other tab's answer");
      await el.updateComplete;
      expect(rating(el, 'inclusion').value).to.equal('4');
      expect(el.answers['trust']?.value).to.equal('2');
      await waitFor(async () => (await kept(community))?.answers?.['inclusion']?.value === '4', 'both kept');
      expect((await kept(community)).answers['trust'].value).to.equal('2');

      // Another community's answers, or a malformed message, are not these.
      otherTab.postMessage({ key: `${key}-other`, id: 'trust', answer: { value: '0', comment: '', evidence: '' } });
      otherTab.postMessage({ key, id: 'trust', answer: { value: '<img>', comment: '', evidence: '' } });
      await new Promise((r) => setTimeout(r, 100));
      expect(el.answers['trust']?.value).to.equal('2');

      // "Start again" in the other tab clears the answers here too.
      otherTab.postMessage({ key, clear: true });
      await waitFor(() => !el.answers['trust'], 'cleared');
      expect(el.answers).to.deep.equal({});
    } finally {
      otherTab.close();
    }
  });

  it('two copies on one page (the original and a preview cloned from it): each keeps what the other was given', async () => {
    const community = uniqueCommunity();
    const a = await mount({ community });
    const b = await copyOnPage(a);

    await answer(a, 'trust', '3');
    await answer(b, 'inclusion', '1');
    await waitFor(() => a.answers['inclusion']?.value === '1', "B's answer in A");
    await waitFor(() => b.answers['trust']?.value === '3', "A's answer in B");
    await waitFor(async () => (await kept(community))?.answers?.['inclusion']?.value === '1', "B's answer kept");
    expect((await kept(community)).answers['trust'].value).to.equal('3');

    // After a reload, both answers are there.
    a.closest('lc-community')!.remove();
    b.closest('lc-community')!.remove();
    const again = await mount({ community });
    expect(again.answers['trust']?.value).to.equal('3');
    expect(again.answers['inclusion']?.value).to.equal('1');
  });

  it('keeps nothing on the device with storage "none" (answers live in the page’s memory)', async () => {
    const community = uniqueCommunity();
    const el = await mount({ community, storage: 'none' });
    await answer(el, 'trust', '2');
    const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
    await waitFor(async () => (await getAnswersStore('none').read(key))?.answers['trust'], 'the answer in memory');
    expect(await kept(community), 'nothing in IndexedDB').to.equal(undefined);
    // And says so: the answers are gone when the page closes.
    expect(part(el, 'notice')!.textContent).to.equal(
      'Your answers cannot be kept on this device: keep this page open until you have sent them.',
    );
    expect(part(el, 'kept-note')).to.equal(null);
    await expect(el).to.be.accessible();
    el.closest('lc-community')!.remove();
    const again = await mount({ community, storage: 'none' });
    expect(again.answers['trust']?.value, 'restored from memory in the same page').to.equal('2');
  });

  it('"start again" asks in a dialog; keeping returns focus, confirming clears here and on the device', async () => {
    const community = uniqueCommunity();
    const el = await mount({ community });
    expect(part(el, 'restart'), 'nothing to clear yet').to.equal(null);
    await answer(el, 'trust', '3');
    await waitFor(async () => !!(await kept(community)), 'the answer to be kept');
    const restart = part(el, 'restart') as HTMLButtonElement;
    const dialog = shadow(el).querySelector('dialog')!;

    restart.focus();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.be.true;
    expect(focused(el)?.classList.contains('keep'), 'focus on the safe choice').to.be.true;
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog to close');
    await waitFor(() => focused(el) === restart, 'focus back on "start again"');
    expect(el.answers['trust']?.value).to.equal('3');

    restart.click();
    expect(dialog.open).to.be.true;
    (dialog.querySelector('.clear') as HTMLButtonElement).click();
    await waitFor(() => !Object.keys(el.answers).length, 'the answers to be cleared');
    await settle(el);
    expect(rating(el, 'trust').value).to.equal('');
    expect(progressText(el)).to.equal('0 of 12 answered');
    expect(announcement(el)).to.equal('Your answers have been cleared.');
    await waitFor(() => focused(el)?.id === 'h-initiatives', 'focus on the first question');
    await waitFor(async () => (await kept(community)) === undefined, 'the kept answers to be deleted');
  });
});
