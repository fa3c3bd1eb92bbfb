import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/reflection-journal/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import {
  draftKey,
  emptyDraft,
  getDraftStore,
  keptKey,
  localDate,
  PROMPT_KEYS,
  sentKey,
  writeDraft,
} from '../src/components/reflection-journal/drafts.js';
import {
  DRAFTS_CHANNEL,
  type LcReflectionJournal,
} from '../src/components/reflection-journal/lc-reflection-journal.js';
import { createEnvelope, type Envelope } from '../src/core/envelope.js';
import type { LcSubmittedEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import {
  axNodes,
  axTree,
  captureConsoleErrors,
  collectorState,
  goOfflineFor,
  newBucket,
  setFaults,
  waitFor,
  waitForOnline,
} from './support/helpers.js';

const uid = () => Math.random().toString(36).slice(2, 10);

interface Setup {
  community?: string;
  endpoint?: string;
  storage?: 'device' | 'none';
  locale?: string;
}

async function mount(journal: TemplateResult, setup: Setup = {}) {
  const community = setup.community ?? `c-${uid()}`;
  const wrapper = await fixture<LcCommunity>(
    html`<lc-community
      community=${community}
      round="r1"
      endpoint=${ifDefined(setup.endpoint)}
      storage=${setup.storage ?? 'device'}
      locale=${ifDefined(setup.locale)}
      >${journal}</lc-community
    >`,
  );
  const el = wrapper.querySelector('lc-reflection-journal')!;
  await el.updateComplete;
  return { wrapper, el, community };
}

const part = <T extends Element = HTMLElement>(el: LcReflectionJournal, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const field = (el: LcReflectionJournal, id: string) => part<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const announcer = (el: LcReflectionJournal) => part(el, '.sr-only[role="status"]');

async function typeInto(el: LcReflectionJournal, id: string, value: string) {
  field(el, id).focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

/** Sets a field as if typed in one go (an input event from the control), without waiting. */
function setField(el: LcReflectionJournal, id: string, value: string) {
  const control = field(el, id);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function storedDraft(key: string) {
  return (await getDraftStore('device').get(key)) as
    { savedAt: number; draft: { title: string; practised: string } } | undefined;
}

/** Runs `body` with the page's clock (`Date.now()`, `new Date()`) stopped at `time`, then puts it back. */
async function at<T>(time: number, body: () => T | Promise<T>): Promise<T> {
  const RealDate = globalThis.Date;
  class StoppedDate extends RealDate {
    constructor(...args: unknown[]) {
      super(...((args.length ? args : [time]) as [number]));
    }
    static override now() {
      return time;
    }
  }
  globalThis.Date = StoppedDate as DateConstructor;
  try {
    return await body();
  } finally {
    globalThis.Date = RealDate;
  }
}

async function entryTitles(el: LcReflectionJournal): Promise<string[]> {
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll('[part="entry"] [part="heading"]')].map((h) => text(h));
}

describe('<lc-reflection-journal>: writing', () => {
  it('starts an entry for today, with the criterion preset, every prompt labelled, and no axe violations', async () => {
    const { el } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`);
    expect(field(el, 'date').value).to.equal(localDate());
    expect(field(el, 'date').type).to.equal('date');
    const trust = part<HTMLInputElement>(el, 'input[type="checkbox"][value="trust"]');
    expect(trust.checked).to.be.true;
    expect(el.shadowRoot!.querySelectorAll('input[type="checkbox"]:checked')).to.have.length(1);
    const labels = PROMPT_KEYS.map((key) => text(part(el, `label[for="${key}"]`)));
    expect(labels).to.deep.equal([
      'What did we practise?',
      'How did we test it?',
      'What challenged it?',
      'What did we discuss and conclude?',
      'What will we change?',
    ]);
    for (const key of PROMPT_KEYS) expect(field(el, key).localName).to.equal('textarea');
    expect(text(part(el, '[part="entries-section"]'))).to.contain('No entries about this criterion yet.');
    await expect(el).to.be.accessible();
  });

  it('inside an <lc-criterion-card>, takes its criterion and nests its headings under the card', async () => {
    const { el, wrapper, community } = await mount(
      html`<lc-criterion-card criterion="inclusion" heading-level="2"
        ><lc-reflection-journal slot="journal"></lc-reflection-journal
      ></lc-criterion-card>`,
    );
    expect(part<HTMLInputElement>(el, 'input[value="inclusion"]').checked).to.be.true;
    expect(part(el, '#journal-heading').localName).to.equal('h3');
    expect(part(el, '#form-heading').localName).to.equal('h4');
    setField(el, 'title', 'Card draft');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect((await storedDraft(`draft:${community}/r1/inclusion`))?.draft.title).to.equal('Card draft');
    await expect(wrapper).to.be.accessible();
  });

  it('puts its heading at `heading-level`', async () => {
    const { el } = await mount(html`<lc-reflection-journal heading-level="2"></lc-reflection-journal>`);
    expect(part(el, '#journal-heading').localName).to.equal('h2');
    expect(part(el, '#entries-heading').localName).to.equal('h3');
  });

  it('lets the host override any prompt through `strings`', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal .strings=${{ 'prompt.tested': 'How did we check it?' }}></lc-reflection-journal>`,
    );
    expect(text(part(el, 'label[for="tested"]'))).to.equal('How did we check it?');
  });

  it('open in two tabs: a draft saved in either shows in the other; one sent there starts anew here', async () => {
    const { el, community } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`);
    const key = `draft:${community}/r1/trust`;
    // The other tab: its journal talks on the same channel.
    const otherTab = new BroadcastChannel(DRAFTS_CHANNEL);
    const heard: Array<{ key: string; draft?: Record<string, unknown> }> = [];
    // Only this journal's messages: other test pages of the origin talk on the channel too.
    otherTab.onmessage = (e) => {
      if (e.data?.key === key) heard.push(e.data);
    };
    try {
      setField(el, 'title', 'Written here');
      await waitFor(() => heard.some((m) => m.draft?.['title'] === 'Written here'), 'the draft told to the other tab');
      expect(heard.at(-1)!.key).to.equal(key);

      // The other tab saves a later version: it shows here, so this tab never saves over it.
      const later = { ...heard.at(-1)!.draft, title: 'Written there' };
      otherTab.postMessage({ key, draft: later, savedAt: Date.now() });
      await waitFor(() => field(el, 'title').value === 'Written there', "the other tab's draft");

      // A malformed draft, or another key's, is ignored.
      otherTab.postMessage({ key, draft: { title: 5 } });
      otherTab.postMessage({ key: `${key}-other`, draft: { ...later, title: 'Not this one' } });
      await new Promise((r) => setTimeout(r, 100));
      expect(field(el, 'title').value).to.equal('Written there');

      // The same text sent from the other tab: this one starts a new entry rather than send it again.
      otherTab.postMessage({ key, sent: later });
      await waitFor(() => field(el, 'title').value === '', 'a new entry');
    } finally {
      otherTab.close();
    }
  });

  it("two copies on one page (a card's and a sidebar's): each shows what the other saved, so neither saves over it", async () => {
    const { wrapper, community } = await mount(
      html`<lc-reflection-journal id="a" criterion="trust"></lc-reflection-journal>
        <aside><lc-reflection-journal id="b" criterion="trust"></lc-reflection-journal></aside>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('lc-reflection-journal')];
    await b.updateComplete;
    const key = `draft:${community}/r1/trust`;
    setField(a, 'title', 'Library meetup');
    setField(a, 'practised', 'We met in the library every Tuesday.');
    await waitFor(() => field(b, 'practised').value === 'We met in the library every Tuesday.', "A's draft shown in B");
    expect(field(b, 'title').value).to.equal('Library meetup');

    // Typed on in B: its draft holds A's text too, and A follows.
    setField(b, 'title', 'Budget hearing');
    await waitFor(() => field(a, 'title').value === 'Budget hearing', "B's draft shown in A");
    expect(field(a, 'practised').value).to.equal('We met in the library every Tuesday.');
    await waitFor(async () => (await storedDraft(key))?.draft.title === 'Budget hearing', "B's draft saved");
    expect((await storedDraft(key))?.draft.practised).to.equal('We met in the library every Tuesday.');

    // After a reload, both show it all.
    wrapper.remove();
    const again = await mount(
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>
        <lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
      { community },
    );
    for (const el of again.wrapper.querySelectorAll('lc-reflection-journal')) {
      await el.updateComplete;
      await waitFor(() => field(el, 'title').value === 'Budget hearing', 'the draft restored');
      expect(field(el, 'practised').value).to.equal('We met in the library every Tuesday.');
    }
  });

  it("the round switched while the person types: the typing stays with its round, the other round's draft shows", async () => {
    const { wrapper, el, community } = await mount(
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
    );
    const keyOf = (round: string) => `draft:${community}/${round}/trust`;
    /** Switches the community's round, and lets its (empty) draft be read. */
    const switchTo = async (round: string) => {
      wrapper.setAttribute('round', round);
      await wrapper.updateComplete;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
    };
    await switchTo('r2');
    setField(el, 'title', 'Budget hearing');
    setField(el, 'practised', 'Two hours on the notes.');
    await waitFor(
      async () => (await storedDraft(keyOf('r2')))?.draft.practised === 'Two hours on the notes.',
      'the r2 draft',
    );
    await switchTo('r1');
    expect(field(el, 'title').value, "r1's empty form").to.equal('');

    // The host switches in the very input event of a keystroke (a round picker, a re-render), and
    // the person goes on typing before the r2 draft is read.
    setField(el, 'practised', 'We met');
    await new Promise((r) => setTimeout(r, 50));
    wrapper.addEventListener('input', () => wrapper.setAttribute('round', 'r2'), { once: true });
    setField(el, 'practised', 'We met on');
    await el.updateComplete;
    setField(el, 'practised', 'We met on Tuesday');
    await waitFor(() => field(el, 'title').value === 'Budget hearing', "r2's draft shown");
    expect(field(el, 'practised').value).to.equal('Two hours on the notes.');
    await new Promise((r) => setTimeout(r, 100));
    expect((await storedDraft(keyOf('r2')))?.draft).to.deep.include({
      title: 'Budget hearing',
      practised: 'Two hours on the notes.',
    });
    expect((await storedDraft(keyOf('r1')))?.draft.practised).to.equal('We met on Tuesday');

    // Back on r1, its typing shows again.
    wrapper.setAttribute('round', 'r1');
    await waitFor(() => field(el, 'practised').value === 'We met on Tuesday', "r1's draft shown");
  });

  it('keeps the draft as the person types, and a reload restores it and says so', async () => {
    const { wrapper, el, community } = await mount(
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
    );
    await typeInto(el, 'title', 'Open budget evening');
    await typeInto(el, 'practised', 'We opened the books.');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Forty came.' });
    const key = `draft:${community}/r1/trust`;
    // Saved after a pause in typing, without any other event.
    await waitFor(async () => (await storedDraft(key))?.draft.practised.includes('Forty'), 'the draft to be saved');
    expect(text(part(el, '.saved'))).to.match(/^Draft saved on this device at /);

    wrapper.remove();
    const again = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, { community });
    expect(field(again.el, 'title').value).to.equal('Open budget evening');
    expect(field(again.el, 'practised').value).to.equal('We opened the books.\nForty came.');
    const status = part(again.el, '[part="draft-status"]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.match(/^Your draft from .+ has been restored\.$/);
    await expect(again.el).to.be.accessible();
  });

  it('a community written decomposed: its draft and lists are kept under the name as sent, composed', async () => {
    // "århus" with its "å" as an "a" and a combining ring, as macOS may paste it. An earlier build
    // kept the draft and the lists under the name as the page wrote it: taken up, none left behind.
    const composed = `\u00e5rhus-${uid()}`;
    const decomposed = composed.normalize('NFD');
    expect(decomposed).to.not.equal(composed);
    const store = getDraftStore('device');
    const keyOf = (community: string) => draftKey({ community, round: 'r1', criterion: 'trust' });
    const draft = { ...emptyDraft(localDate(), ['trust']), title: 'Written before', practised: 'We met.' };
    await writeDraft(store, keyOf(decomposed), draft, Date.now() - 60_000);
    const data = { title: 'Sent before', date: localDate(), criteria: ['trust'], practised: 'We practised.' };
    const sent = { id: crypto.randomUUID(), createdAt: new Date().toISOString(), locale: 'en', data };
    await store.set(sentKey(decomposed), [sent]);
    const kept = { id: crypto.randomUUID(), keptAt: Date.now(), draft: { ...draft, title: 'Set aside' } };
    await store.set(keptKey(decomposed), [kept]);

    const { el } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, {
      community: decomposed,
    });
    await waitFor(() => field(el, 'title').value === 'Written before', 'the draft restored');
    expect(await entryTitles(el)).to.deep.equal(['Sent before']);
    expect(text(part(el, '[part="kept-entry"] .kept-title'))).to.equal('Set aside');
    expect((await storedDraft(keyOf(composed)))?.draft.title).to.equal('Written before');
    expect(await store.get(sentKey(composed))).to.deep.equal([sent]);
    expect(await store.get(keptKey(composed))).to.deep.equal([kept]);
    for (const key of [keyOf(decomposed), sentKey(decomposed), keptKey(decomposed)]) {
      expect(await store.get(key), key).to.equal(undefined);
    }
  });

  it('typing as the form appears, before the earlier draft is read: the typing stays, that draft is kept under "Not sent"', async () => {
    const { wrapper, el, community } = await mount(
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
    );
    setField(el, 'title', 'Yesterday');
    setField(el, 'practised', 'OLD DRAFT from yesterday');
    const key = `draft:${community}/r1/trust`;
    await waitFor(
      async () => (await storedDraft(key))?.draft.practised === 'OLD DRAFT from yesterday',
      'the draft saved',
    );
    wrapper.remove();

    // A reload: the person types in the first rendered form, while the stored draft is still being
    // read (IndexedDB answers in a later task), and types on while it is.
    const again = document.createElement('lc-community');
    Object.assign(again, { community, round: 'r1', storage: 'device' });
    const journal = document.createElement('lc-reflection-journal');
    journal.criterion = 'trust';
    again.append(journal);
    document.body.append(again);
    try {
      // The first render comes in a microtask; the stored draft's read takes tasks.
      for (let i = 0; i < 100 && !journal.shadowRoot?.querySelector('#practised'); i++) await Promise.resolve();
      setField(journal, 'practised', 'N');
      await new Promise((resolve) => setTimeout(resolve));
      setField(journal, 'practised', 'NEW');
      await journal.updateComplete;

      expect(field(journal, 'practised').value).to.equal('NEW');
      await waitFor(async () => (await storedDraft(key))?.draft.practised === 'NEW', 'the typing saved');
      const kept = [...journal.shadowRoot!.querySelectorAll('[part="kept-entry"]')];
      expect(kept.map((e) => text(e.querySelector('.kept-title')))).to.deep.equal(['Yesterday']);
      expect(text(part(journal, '[part="draft-status"]'))).to.match(
        /^Your draft from .+, “Yesterday”, is kept under “Not sent”; the form keeps what you have just typed\.$/,
      );
      const keptKey = `kept:${community}`;
      await waitFor(async () => {
        const list = (await getDraftStore('device').get(keptKey)) as
          Array<{ draft: { practised: string } }> | undefined;
        return list?.[0]?.draft.practised === 'OLD DRAFT from yesterday';
      }, 'the earlier draft stored under "Not sent"');

      // Taken back, the earlier draft is in the form again, and the new typing is kept in its place.
      kept[0].querySelector<HTMLButtonElement>('[part="take-back"]')!.click();
      await waitFor(() => field(journal, 'practised').value === 'OLD DRAFT from yesterday', 'the earlier draft back');
      await waitFor(
        () => text(journal.shadowRoot!.querySelector('[part="kept-entry"] .kept-title')) === 'Untitled entry',
        'the new typing kept',
      );
    } finally {
      again.remove();
    }
  });

  it('saves at once on pagehide, when the tab is hidden, and when the element is removed', async () => {
    const { wrapper, el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`);
    const key = `draft:${el.draftKey}`;
    setField(el, 'title', 'on pagehide');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    // The store runs operations in order: this read comes after the write the event started.
    expect((await storedDraft(key))?.draft.title).to.equal('on pagehide');

    setField(el, 'title', 'when hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect((await storedDraft(key))?.draft.title).to.equal('when hidden');

    setField(el, 'title', 'when removed');
    wrapper.remove();
    expect((await storedDraft(key))?.draft.title).to.equal('when removed');
  });

  it('discards a draft only after confirming in a dialog', async () => {
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`);
    const key = `draft:${el.draftKey}`;
    await typeInto(el, 'title', 'Keep me?');
    await waitFor(async () => (await storedDraft(key))?.draft.title === 'Keep me?', 'the draft to be saved');
    const dialog = part<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.be.false;

    part<HTMLButtonElement>(el, '[part="discard"]').click();
    expect(dialog.open).to.be.true;
    expect(el.shadowRoot!.activeElement?.classList.contains('keep')).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('discard-title');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.be.false;
    expect(field(el, 'title').value).to.equal('Keep me?');

    part<HTMLButtonElement>(el, '[part="discard"]').click();
    part<HTMLButtonElement>(el, 'dialog .confirm').click();
    await waitFor(async () => (await storedDraft(key)) === undefined, 'the draft to be deleted');
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(field(el, 'title').value).to.equal('');
    expect(text(part(el, '[part="draft-status"]'))).to.equal('The draft has been discarded.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    expect(el.shadowRoot!.querySelector('[part="discard"]')).to.equal(null);
  });

  it('with the storage policy "none" keeps the draft in the page only', async () => {
    const { wrapper, el, community } = await mount(html`<lc-reflection-journal></lc-reflection-journal>`, {
      storage: 'none',
    });
    // Said before anything is typed, as the rating and the matrix do.
    expect(text(part(el, '[part="notice"]'))).to.equal(
      'Nothing is kept on this device: keep the page open until you have sent.',
    );
    setField(el, 'title', 'Only in memory');
    wrapper.remove();
    const key = `draft:${community}/r1/-`;
    expect(((await getDraftStore('none').get(key)) as { draft: { title: string } }).draft.title).to.equal(
      'Only in memory',
    );
    expect(await getDraftStore('device').get(key)).to.equal(undefined);
    const again = await mount(html`<lc-reflection-journal></lc-reflection-journal>`, { community, storage: 'none' });
    expect(field(again.el, 'title').value).to.equal('Only in memory');
    expect(text(part(again.el, '.saved'))).to.equal('Draft kept while this page is open.');
  });
});

describe('<lc-reflection-journal>: limits and checks', () => {
  it('counts characters and announces politely near the limit and at it, not on every key', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal max-length="20" draft-key="k-${uid()}"></lc-reflection-journal>`,
    );
    const practised = field(el, 'practised') as HTMLTextAreaElement;
    expect(practised.maxLength).to.equal(20);
    expect(practised.getAttribute('aria-describedby')).to.contain('practised-count');
    await typeInto(el, 'practised', 'a'.repeat(17));
    expect(text(part(el, '#practised-count'))).to.equal('17 of 20 characters');
    // Only that the draft is kept (once), nothing on each key.
    await waitFor(() => text(announcer(el)).startsWith('Draft saved on this device at '), 'the draft kept');

    await sendKeys({ type: 'b' });
    await el.updateComplete;
    expect(text(announcer(el))).to.equal('“What did we practise?”: 2 characters left.');
    const first = announcer(el).firstElementChild;
    await sendKeys({ type: 'c' });
    await el.updateComplete;
    expect(announcer(el).firstElementChild).to.equal(first);

    await sendKeys({ type: 'dxyz' });
    await el.updateComplete;
    expect(practised.value).to.have.length(20);
    expect(text(part(el, '#practised-count'))).to.equal('20 of 20 characters');
    expect(text(announcer(el))).to.equal('“What did we practise?” has reached its limit of 20 characters.');
    expect(part(el, '#practised-count').dataset['level']).to.equal('limit');
  });

  it('writes "characters" in the form its limit needs, in Arabic and in English', async () => {
    const n = (value: number) => value.toLocaleString('ar');
    const { el } = await mount(
      html`<lc-reflection-journal max-length="100" draft-key="k-${uid()}"></lc-reflection-journal>`,
      { locale: 'ar' },
    );
    // Not "0 من 100 حرفاً": the counter names what it counts, so no number governs a noun.
    expect(text(part(el, '#practised-count'))).to.equal(`الأحرف: ${n(0)} من ${n(100)}`);
    const practised = field(el, 'practised');
    practised.value = 'ا'.repeat(100);
    practised.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // 100 takes the singular genitive ("حرف"), 11 to 99 the accusative ("حرفاً").
    expect(text(announcer(el))).to.equal(`بلغ «ماذا مارسنا؟» الحد الأقصى وهو ${n(100)} حرف.`);

    const english = await mount(
      html`<lc-reflection-journal max-length="1" draft-key="k-${uid()}"></lc-reflection-journal>`,
    );
    const one = field(english.el, 'practised');
    one.value = 'a';
    one.dispatchEvent(new Event('input'));
    await english.el.updateComplete;
    expect(text(announcer(english.el))).to.equal('“What did we practise?” has reached its limit of 1 character.');
  });

  // The limit decides the noun's form ("0 of 1 character"), not what is typed so far.
  for (const [locale, one, many] of [
    ['en', '0 of 1 character', '1 of 4,000 characters'],
    ['da', '0 af 1 tegn', '1 af 4.000 tegn'],
    ['de', '0 von 1 Zeichen', '1 von 4.000 Zeichen'],
    [
      'ar',
      `الأحرف: ${(0).toLocaleString('ar')} من ${(1).toLocaleString('ar')}`,
      `الأحرف: ${(1).toLocaleString('ar')} من ${(4000).toLocaleString('ar')}`,
    ],
  ] as const) {
    it(`${locale}: the counter writes "characters" in the form its limit needs, whatever is typed`, async () => {
      const { el } = await mount(
        html`<lc-reflection-journal max-length="1" draft-key="k-${uid()}"></lc-reflection-journal>`,
        { locale },
      );
      expect(text(part(el, '#practised-count'))).to.equal(one);
      const wide = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
        locale,
      });
      setField(wide.el, 'practised', 'a');
      await wide.el.updateComplete;
      expect(text(part(wide.el, '#practised-count'))).to.equal(many);
    });
  }

  it('says once, politely, that the draft is kept, not at every save', async () => {
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`);
    expect(text(announcer(el))).to.equal('');
    await typeInto(el, 'title', 'Study circle');
    await waitFor(() => text(part(el, '.saved')).startsWith('Draft saved on this device at '), 'the first save');
    expect(text(announcer(el))).to.equal(text(part(el, '.saved')));
    const said = announcer(el).firstElementChild;
    // More typing, saved again: nothing more is said.
    const savedAt = (el as unknown as { savedAt: number }).savedAt;
    await new Promise((r) => setTimeout(r, 5));
    await typeInto(el, 'practised', 'We read together.');
    await waitFor(() => (el as unknown as { savedAt: number }).savedAt > savedAt, 'the next save');
    await el.updateComplete;
    expect(announcer(el).firstElementChild, 'no second announcement').to.equal(said);

    // A new draft (this one discarded) is said again once kept.
    part(el, '[part="discard"]').click();
    await el.updateComplete;
    part(el, 'dialog .confirm').click();
    await waitFor(() => field(el, 'title').value === '', 'the form emptied');
    await typeInto(el, 'title', 'Another');
    await waitFor(() => announcer(el).firstElementChild !== said, 'the new draft said');
    expect(text(announcer(el))).to.match(/^Draft saved on this device at /);
  });

  it('needs a title and at least one answer, and says which, without sending', async () => {
    const bucket = newBucket('rj');
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#title-error'), 'the title error');
    const title = field(el, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('title-error');
    expect(text(part(el, '#title-error'))).to.equal('Give the entry a title.');
    expect(text(part(el, '#prompts-error'))).to.equal('Answer at least one of the questions.');
    expect(field(el, 'tested').getAttribute('aria-describedby')).to.contain('prompts-error');
    expect(el.shadowRoot!.activeElement).to.equal(title);
    await expect(el).to.be.accessible();
    expect((await collectorState(bucket.name)).requests).to.have.length(0);
    await typeInto(el, 'title', 'Now titled');
    expect(el.shadowRoot!.querySelector('#title-error')).to.equal(null);
  });

  it('reports bad attributes in place and in the console, and keeps working with defaults', async () => {
    let el!: LcReflectionJournal;
    const errors = await captureConsoleErrors(async () => {
      ({ el } = await mount(
        html`<lc-reflection-journal
          criterion="no-such-criterion"
          max-length="lots"
          entries-src="javascript:alert(1)"
        ></lc-reflection-journal>`,
      ));
    });
    const alert = part(el, '[part="error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('criterion').and.contain('no-such-criterion').and.contain('max-length');
    expect(text(alert)).to.contain('entries-src');
    // Said as the other elements say it, not in the schema library's words.
    expect(text(alert)).to.contain('max-length must be a whole number from 1 to');
    expect(text(alert)).to.contain('criterion "no-such-criterion" is not in the set "common-criteria"');
    expect(text(alert)).to.contain('entries-src must be an http(s) URL, not "javascript:"');
    expect(text(alert)).to.not.contain('NaN');
    expect(errors.some((e) => e.includes('<lc-reflection-journal> max-length'))).to.be.true;
    expect(errors.some((e) => e.includes('<lc-reflection-journal> criterion'))).to.be.true;
    expect(errors.some((e) => e.includes('<lc-reflection-journal> entries-src'))).to.be.true;
    expect((field(el, 'practised') as HTMLTextAreaElement).maxLength).to.equal(4000);
    await expect(el).to.be.accessible();
  });
});

describe('<lc-reflection-journal>: sending', () => {
  async function writeEntry(el: LcReflectionJournal, title: string) {
    await typeInto(el, 'title', title);
    await typeInto(el, 'practised', 'We practised.');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Second line.' });
  }
  const status = (el: LcReflectionJournal) => text(part(el, '[part="status"]'));

  it('"Send entry" pressed twice (a double-click or double-tap) sends once, and never flags the new empty form', async () => {
    const bucket = newBucket('rj');
    const { el } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    const button = part<HTMLButtonElement>(el, '[part="submit"]');
    const press = (detail: number) =>
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail }));
    const flagged = () => el.shadowRoot!.querySelectorAll('[aria-invalid="true"]').length;
    for (const second of [2, 1]) {
      await writeEntry(el, `Double ${second}`);
      press(1);
      await waitFor(() => status(el).includes('has been sent') && field(el, 'title').value === '', 'sent, a new form');
      // The second press: of a double-click (detail 2), or a tap a moment later (detail 1).
      press(second);
      await el.updateComplete;
      expect(flagged(), `no field flagged (second press, detail ${second})`).to.equal(0);
      expect(el.shadowRoot!.activeElement, 'the focus stays').to.not.equal(field(el, 'title'));
    }
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => (r as unknown as Envelope).data)).to.have.length(2);
    // A press on the empty form later is meant: it says what is missing.
    await new Promise((r) => setTimeout(r, 1100));
    press(1);
    await el.updateComplete;
    expect(flagged()).to.be.greaterThan(0);
  });

  it('sends one journal-entry envelope, clears the draft and lists the entry, also after a reload', async () => {
    const bucket = newBucket('rj');
    const { wrapper, el, community } = await mount(
      html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
      { endpoint: bucket.endpoint },
    );
    const submitted: LcSubmittedEvent[] = [];
    wrapper.addEventListener('lc-submitted', (e) => submitted.push(e));
    // Another tab with the same draft hears that it was sent (and starts anew, see "two tabs").
    const otherTab = new BroadcastChannel(DRAFTS_CHANNEL);
    const sentHeard: Array<{ title: string }> = [];
    // Only this community's (other test pages of the origin talk on the channel too).
    otherTab.onmessage = (e) => {
      if (e.data?.sent && String(e.data.key).startsWith(`draft:${community}/`)) sentHeard.push(e.data.sent);
    };
    await writeEntry(el, 'Budget evening');
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => status(el).includes('has been sent'), 'the sent state');
    await waitFor(() => sentHeard.length === 1, 'the other tab told');
    expect(sentHeard[0]!.title).to.equal('Budget evening');
    otherTab.close();
    expect(part(el, '[part="status"]').getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('Thank you. Your entry has been sent and is listed under past entries.');

    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    const record = records[0] as unknown as Envelope;
    expect(record).to.include({ kind: 'journal-entry', community, round: 'r1', criterion: 'trust', locale: 'en' });
    expect(record.data).to.deep.equal({
      title: 'Budget evening',
      date: localDate(),
      criteria: ['trust'],
      practised: 'We practised.\nSecond line.',
    });
    expect(submitted).to.have.length(1);

    expect(field(el, 'title').value).to.equal('');
    expect(field(el, 'practised').value).to.equal('');
    await waitFor(async () => (await storedDraft(`draft:${community}/r1/trust`)) === undefined, 'the draft cleared');
    expect(await entryTitles(el)).to.deep.equal(['Budget evening']);
    expect(text(part(el, '[part="entry"]'))).to.contain('Sent from this browser');
    await expect(el).to.be.accessible();

    wrapper.remove();
    const again = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, {
      community,
      endpoint: bucket.endpoint,
    });
    expect(await entryTitles(again.el)).to.deep.equal(['Budget evening']);
    expect(field(again.el, 'title').value).to.equal('');
  });

  it('keeps the text when the endpoint rejects the entry, and says why', async () => {
    const bucket = newBucket('rj');
    await setFaults(bucket.name, [
      { status: 422, message: 'entries about trust are closed', contentLanguage: 'en-GB' },
    ]);
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    await writeEntry(el, 'Refused entry');
    let errors: string[] = [];
    errors = await captureConsoleErrors(async () => {
      part<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitFor(() => status(el).startsWith('Not accepted'), 'the rejected state');
    });
    expect(status(el)).to.contain('entries about trust are closed').and.contain('Your entry is kept');
    // The reason in the language the endpoint named (Content-Language).
    const reason = part<HTMLElement>(el, '[part="status"] [lang]');
    expect([reason.getAttribute('lang'), reason.textContent]).to.deep.equal([
      'en-GB',
      'entries about trust are closed',
    ]);
    expect(errors.some((e) => e.includes('rejected'))).to.be.true;
    expect(field(el, 'title').value).to.equal('Refused entry');
    expect(field(el, 'practised').value).to.equal('We practised.\nSecond line.');
    expect(await storedDraft(`draft:${el.draftKey}`)).to.not.equal(undefined);
    expect(await entryTitles(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("sends nothing when the community's criteria failed to load, keeps the text, and says why", async () => {
    const bucket = newBucket('rj');
    const { wrapper, el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    // An answer stamped with a stand-in set would be counted under another set than the community's.
    const errors = await captureConsoleErrors(async () => {
      wrapper.criteria = { id: 'broken', criteria: 'nope' } as unknown as LcCommunity['criteria'];
      await waitFor(() => wrapper.shadowRoot!.querySelector('[role="alert"]'), "the community's criteria error");
      await writeEntry(el, 'Kept entry');
      part<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitFor(() => status(el).startsWith('Not accepted'), 'the rejected state');
    });
    expect(status(el)).to.contain('the criteria could not be loaded').and.contain('nothing was sent');
    expect(errors.some((e) => e.includes('cannot submit, the criteria could not be loaded'))).to.be.true;
    expect(field(el, 'title').value).to.equal('Kept entry');
    expect((await collectorState(bucket.name)).records).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says so in the person’s language (Danish), not in English', async () => {
    const bucket = newBucket('rj');
    const { wrapper, el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
      locale: 'da',
    });
    await captureConsoleErrors(async () => {
      wrapper.criteria = { id: 'broken', criteria: 'nope' } as unknown as LcCommunity['criteria'];
      await waitFor(() => wrapper.shadowRoot!.querySelector('[role="alert"]'), "the community's criteria error");
      await writeEntry(el, 'Bevaret indlæg');
      part<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitFor(() => status(el).startsWith('Ikke modtaget'), 'the rejected state');
    });
    expect(status(el)).to.equal(
      'Ikke modtaget: kriterierne kunne ikke hentes, så intet blev sendt. ' +
        'Dit indlæg er bevaret; du kan rette det og sende det igen.',
    );
    expect(el.shadowRoot!.querySelector('[part="status"] [lang]'), 'nothing in it marked as another language').to.equal(
      null,
    );
    expect((await collectorState(bucket.name)).records).to.have.length(0);
  });

  it('offline, keeps the entry queued and says so; back online, delivers it once', async () => {
    const bucket = newBucket('rj');
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    await writeEntry(el, 'Written offline');
    // Offline long enough to look at the queued state; the page cannot reach the test runner meanwhile.
    await goOfflineFor(6000);
    try {
      part<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitFor(() => status(el).startsWith('Saved.'), 'the queued state');
      expect(status(el)).to.equal('Saved. Your entry will be sent when the connection is back.');
      expect(await entryTitles(el)).to.deep.equal(['Written offline']);
      expect(text(part(el, '[part="entry"]'))).to.contain('Waiting to be sent');
      expect(field(el, 'title').value).to.equal('');
      await expect(el).to.be.accessible();
      expect(navigator.onLine, 'still offline after the checks').to.be.false;
    } finally {
      await waitForOnline();
    }
    await waitFor(() => status(el).includes('has been sent'), 'the delivery after going online');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    expect((records[0] as unknown as Envelope).data).to.include({ title: 'Written offline' });
    expect(text(part(el, '[part="entry"]'))).to.not.contain('Waiting to be sent');
  });

  it('while the first attempt is still out, the entry is the outbox’s: listed as waiting, no longer a draft', async () => {
    const bucket = newBucket('rj');
    // The server takes its time to answer the first attempt.
    await setFaults(bucket.name, [{ stallMs: 2500 }]);
    const { el, community } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, {
      endpoint: bucket.endpoint,
    });
    await writeEntry(el, 'Slow evening');
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="entry"]'), 'the entry listed once the outbox holds it');
    expect(status(el)).to.equal('Sending…');
    expect(await entryTitles(el)).to.deep.equal(['Slow evening']);
    const badges = () => [...el.shadowRoot!.querySelectorAll('[part="entry"] [part~="badge"]')].map((b) => text(b));
    expect(badges()).to.deep.equal(['Sent from this browser', 'Waiting to be sent']);
    // Its text is not left in the form, nor kept as the draft, to be sent a second time.
    expect(field(el, 'title').value).to.equal('');
    expect(field(el, 'practised').value).to.equal('');
    await waitFor(async () => (await storedDraft(`draft:${community}/r1/trust`)) === undefined, 'the draft deleted');
    expect(((await getDraftStore('device').get(`sent:${community}`)) as Array<{ id: string }>).length).to.equal(1);
    await expect(el).to.be.accessible();

    await waitFor(() => status(el).includes('has been sent'), 'the slow answer');
    expect(badges()).to.deep.equal(['Sent from this browser']);
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  // A framework's v-if or {#if} removes the journal while its entry is out, and renders a new one
  // after the entry was delivered: that one tells it, as a rating rendered anew does.
  for (const storage of ['device', 'none'] as const) {
    it(`rendered anew after its entry was delivered while it was away: tells it once (storage "${storage}")`, async () => {
      const bucket = newBucket('rj');
      await setFaults(bucket.name, [{ stallMs: 800 }]);
      const { wrapper, el } = await mount(html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`, {
        endpoint: bucket.endpoint,
        storage,
      });
      const told: string[] = [];
      wrapper.addEventListener('lc-submitted', (e) => told.push(e.envelope.id));
      await writeEntry(el, 'Away evening');
      part<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitFor(() => status(el) === 'Sending…', 'the entry on its way');
      const outbox = getOutbox(storage);
      const id = (await outbox.pending()).find((e) => e.endpoint.endsWith(bucket.endpoint))!.id;
      el.remove();
      await waitFor(
        async () => (await outbox.pending()).find((e) => e.id === id)?.delivered !== undefined,
        'the delivery kept for the journal',
      );
      expect(told, 'nothing told with no journal on the page').to.deep.equal([]);
      // Another community's entry waits in the same outbox (for an endpoint no element here posts
      // to): not this journal's, and no reason to hold back telling its own.
      const other = createEnvelope(
        'journal-entry',
        {
          community: `other-${uid()}`,
          round: '2026',
          criteriaSet: { id: 'common-criteria', version: '1' },
          locale: 'en',
        },
        { title: 'Elsewhere', date: '2026-10-02', criteria: [] },
      );
      await outbox.submit(new URL(`/__lc/collect/nobody-${uid()}`, location.href).href, other);

      const again = document.createElement('lc-reflection-journal');
      again.setAttribute('criterion', 'trust');
      wrapper.append(again);
      await waitFor(() => status(again).includes('has been sent'), 'shown sent');
      expect(status(again)).to.equal('Thank you. Your entry has been sent and is listed under past entries.');
      expect(told, 'lc-submitted').to.deep.equal([id]);
      await waitFor(async () => !(await outbox.pending()).some((e) => e.id === id), 'no longer kept');

      // Rendered anew once more: told already.
      again.remove();
      const third = document.createElement('lc-reflection-journal');
      third.setAttribute('criterion', 'trust');
      wrapper.append(third);
      await third.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      expect(told, 'told once').to.deep.equal([id]);
      expect(status(third)).to.equal('');
      expect((await collectorState(bucket.name)).records).to.have.length(1);
      await outbox.withdraw(other.id);
    });
  }

  // A tab panel hidden and shown again, or a view whose nodes a framework keeps: the same journal
  // leaves the page while its entry is out, and comes back once the entry has settled. Put back in
  // its community, or outside any (its draft and lists then another key's, read again as it comes).
  for (const refused of [false, true]) {
    for (const outside of [false, true]) {
      const where = outside ? 'outside its community' : 'in its community';
      const fate = refused
        ? outside
          ? 'refused: the text is kept under "Not sent" of its own community, never in this form'
          : 'refused: the text is back in the form, never listed as sent'
        : 'delivered: listed as sent at once, not waiting';
      it(`removed while its entry is out, added back ${where} once it was ${fate}`, async () => {
        const bucket = newBucket('rj');
        await setFaults(bucket.name, [
          refused ? { stallMs: 800, status: 422, message: 'this round is closed' } : { stallMs: 800 },
        ]);
        const { wrapper, el, community } = await mount(
          html`<lc-reflection-journal criterion="trust"></lc-reflection-journal>`,
          { endpoint: bucket.endpoint },
        );
        const told: string[] = [];
        for (const type of ['lc-submitted', 'lc-submit-error']) el.addEventListener(type, () => told.push(type));
        await writeEntry(el, 'Away evening');
        part<HTMLButtonElement>(el, '[part="submit"]').click();
        await waitFor(() => status(el) === 'Sending…', 'the entry on its way');
        const outbox = getOutbox('device');
        const id = (await outbox.pending()).find((e) => e.endpoint.endsWith(bucket.endpoint))!.id;
        const sentList = async () =>
          ((await getDraftStore('device').get(`sent:${community}`)) ?? []) as Array<{ id: string }>;
        await waitFor(async () => (await sentList()).some((e) => e.id === id), 'listed as sent while on its way');
        el.remove();
        const kept = async () => (await outbox.pending()).find((e) => e.id === id);
        await waitFor(
          async () => (refused ? !!(await kept())?.refused : (await kept())?.delivered !== undefined),
          'the fate kept for the journal away',
        );
        const errors = await captureConsoleErrors(async () => {
          (outside ? wrapper.parentElement! : wrapper).append(el);
          await waitFor(() => status(el).startsWith(refused ? 'Not accepted' : 'Thank you'), 'its fate shown');
          // What the journal reads as it comes back (its draft, its lists) is in, and drawn.
          await el.updateComplete;
          await new Promise((r) => setTimeout(r, 200));
          await el.updateComplete;
        });
        try {
          expect(told).to.deep.equal([refused ? 'lc-submit-error' : 'lc-submitted']);
          await waitFor(async () => !(await kept()), 'shown: the outbox lets it go');
          if (refused && outside) {
            // Written for its community: kept there, with its reason, not put in the form of the
            // community the journal is in now (whose draft that form holds, and would save it as).
            expect(errors.join('\n')).to.match(/was rejected: this round is closed/);
            expect(status(el)).to.equal(
              'Not accepted: this round is closed. “Away evening” was written for another community: it is kept under “Not sent” in that community’s journal, where you can take it back into the form to change it and send it again.',
            );
            expect(field(el, 'title').value).to.equal('');
            expect(field(el, 'practised').value).to.equal('');
            expect(el.shadowRoot!.querySelector('[part="kept"]')).to.equal(null);
            const keptThere = async () =>
              ((await getDraftStore('device').get(keptKey(community))) ?? []) as Array<{
                id: string;
                reason?: string;
                draft: { title: string; practised: string };
              }>;
            await waitFor(async () => (await keptThere()).some((e) => e.id === id), 'kept in its community');
            const [keptEntry] = await keptThere();
            expect([keptEntry!.draft.title, keptEntry!.draft.practised, keptEntry!.reason]).to.deep.equal([
              'Away evening',
              'We practised.\nSecond line.',
              'this round is closed',
            ]);
            await waitFor(
              async () => !(await sentList()).some((e) => e.id === id),
              'no longer listed as sent on the device',
            );
            // Back in its community, its journal shows it under "Not sent", to take back and send again.
            el.remove();
            wrapper.append(el);
            await waitFor(() => el.shadowRoot!.querySelector('[part="kept-entry"]'), 'shown under "Not sent"');
            expect(text(part(el, '[part="kept-entry"]')))
              .to.contain('Away evening')
              .and.contain('this round is closed');
          } else if (refused) {
            expect(errors.join('\n')).to.match(/was rejected: this round is closed/);
            expect(status(el)).to.contain('this round is closed').and.contain('Your entry is kept');
            expect(field(el, 'title').value).to.equal('Away evening');
            expect(field(el, 'practised').value).to.equal('We practised.\nSecond line.');
            expect(await entryTitles(el)).to.deep.equal([]);
            await waitFor(
              async () => !(await sentList()).some((e) => e.id === id),
              'no longer listed as sent on the device',
            );
          } else {
            expect(status(el)).to.equal('Thank you. Your entry has been sent and is listed under past entries.');
            expect(await entryTitles(el)).to.deep.equal(['Away evening']);
            const badges = [...el.shadowRoot!.querySelectorAll('[part="entry"] [part~="badge"]')].map((b) => text(b));
            expect(badges).to.deep.equal(['Sent from this browser']);
            expect(field(el, 'title').value).to.equal('');
            expect((await sentList()).map((e) => e.id)).to.deep.equal([id]);
          }
          expect((await collectorState(bucket.name)).requests).to.have.length(1);
        } finally {
          // Outside any community, its draft is the page's default community's: not left for other tests.
          if (outside && el.closest('lc-community') !== wrapper) await el.discardDraft();
          el.remove();
        }
      });
    }
  }

  it('queued offline and refused once online: the text comes back into the form and leaves the list', async () => {
    const bucket = newBucket('rj');
    await setFaults(bucket.name, [{ status: 422, message: 'this round is closed' }]);
    const { el, community } = await mount(
      html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`,
      {
        endpoint: bucket.endpoint,
      },
    );
    await writeEntry(el, 'Refused later');
    // Capture from before going offline: the rejection may be logged as soon as the browser is back.
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(2500);
      try {
        part<HTMLButtonElement>(el, '[part="submit"]').click();
        await waitFor(() => status(el).startsWith('Saved.'), 'the queued state');
        // "Saved." shows as the outbox takes the entry; the form empties once it holds it (a write
        // to the device, which a busy machine may take a while over).
        await waitFor(() => field(el, 'title').value === '', 'the form emptied once the outbox holds the entry');
        expect(await entryTitles(el)).to.deep.equal(['Refused later']);
      } finally {
        await waitForOnline();
      }
      await waitFor(() => status(el).startsWith('Not accepted'), 'the rejection');
    });
    expect(errors.some((e) => e.includes('this round is closed'))).to.be.true;
    await el.updateComplete;
    expect(status(el)).to.contain('this round is closed');
    expect(field(el, 'title').value).to.equal('Refused later');
    expect(field(el, 'practised').value).to.equal('We practised.\nSecond line.');
    expect(await entryTitles(el)).to.deep.equal([]);
    await waitFor(
      async () => (await storedDraft(`draft:${el.draftKey}`))?.draft.title === 'Refused later',
      'the text kept as a draft again',
    );
    // Nothing was sent from here: no list of entries sent is left on the device, not even an empty one.
    await waitFor(
      async () => (await getDraftStore('device').get(`sent:${community}`)) === undefined,
      'no record of entries sent',
    );
  });
});

describe('<lc-reflection-journal>: refused while another entry is being written', () => {
  const status = (el: LcReflectionJournal) => text(part(el, '[part="status"]'));
  const keptTitles = (el: LcReflectionJournal) =>
    [...el.shadowRoot!.querySelectorAll('[part="kept-entry"] .kept-title')].map((n) => text(n));
  async function storedKept(community: string) {
    return ((await getDraftStore('device').get(`kept:${community}`)) ?? []) as Array<{
      reason?: string;
      draft: { title: string; practised: string };
    }>;
  }

  it('keeps the refused entry under "Not sent" with its reason, the new writing in the form, and swaps them by keyboard', async () => {
    const bucket = newBucket('rj');
    await setFaults(bucket.name, [{ status: 422, message: 'this round is closed' }]);
    const { el, community } = await mount(
      html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`,
      {
        endpoint: bucket.endpoint,
      },
    );
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(2500);
      try {
        setField(el, 'title', 'Entry A offline');
        setField(el, 'practised', 'Text of A that must not be lost');
        part<HTMLButtonElement>(el, '[part="submit"]').click();
        await waitFor(() => status(el).startsWith('Saved.'), 'the queued state');
        await waitFor(() => field(el, 'title').value === '', 'the form emptied once the outbox holds the entry');
        // The person starts the next entry while the first waits.
        setField(el, 'title', 'Entry B being written');
        setField(el, 'practised', 'B text');
      } finally {
        await waitForOnline();
      }
      await waitFor(() => status(el).startsWith('Not accepted'), 'the rejection');
    });
    await el.updateComplete;
    expect(errors.some((e) => e.includes('this round is closed'))).to.be.true;
    // What the person is writing stays in the form.
    expect(field(el, 'title').value).to.equal('Entry B being written');
    expect(field(el, 'practised').value).to.equal('B text');
    // The status (a polite live region) says where the refused entry is, and why.
    expect(part(el, '[part="status"]').getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal(
      'Not accepted: this round is closed. “Entry A offline” is kept under “Not sent”, ' +
        'where you can take it back into the form to change it and send it again.',
    );
    // Listed, visibly, with its reason; no longer among the entries sent.
    const kept = part(el, '[part="kept"]');
    expect(text(kept.querySelector('[part="heading"]'))).to.equal('Not sent');
    expect(keptTitles(el)).to.deep.equal(['Entry A offline']);
    expect(text(kept.querySelector('.kept-why'))).to.equal('Not accepted: this round is closed.');
    expect(await entryTitles(el)).to.deep.equal([]);
    // Kept on the device, whole, with the reason.
    await waitFor(async () => (await storedKept(community)).length === 1, 'the refused entry kept on the device');
    const [stored] = await storedKept(community);
    expect(stored!.draft).to.include({ title: 'Entry A offline', practised: 'Text of A that must not be lost' });
    expect(stored!.reason).to.equal('this round is closed');
    await expect(el).to.be.accessible();

    // Keyboard: from the send button, Tab reaches "Edit and send again", and Enter takes A back.
    part<HTMLButtonElement>(el, '[part="submit"]').focus();
    const takeBack = part<HTMLButtonElement>(el, '[part="take-back"]');
    expect(text(takeBack)).to.equal('Edit and send again');
    for (let i = 0; i < 3 && el.shadowRoot!.activeElement !== takeBack; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(takeBack);
    // As on a plain-http intranet page (not a secure context), where crypto has no randomUUID.
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      await sendKeys({ press: 'Enter' });
      await waitFor(() => field(el, 'title').value === 'Entry A offline', 'A back in the form');
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.equal(randomUUID);
    await el.updateComplete;
    expect(field(el, 'practised').value).to.equal('Text of A that must not be lost');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'title'));
    const draftStatus = part(el, '[part="draft-status"]');
    expect(draftStatus.getAttribute('role')).to.equal('status');
    expect(text(draftStatus)).to.equal(
      '“Entry A offline” is back in the form. What you were writing, “Entry B being written”, is kept under “Not sent”.',
    );
    // The status no longer sends the person to "Not sent" for A: A is in the form.
    expect(status(el)).to.equal(
      'Not accepted: this round is closed. Your entry is kept; you can change it and send it again.',
    );
    // B was not thrown away to make room: it is kept, and continues from there.
    expect(keptTitles(el)).to.deep.equal(['Entry B being written']);
    expect(text(part(el, '[part="take-back"]'))).to.equal('Continue writing');
    await waitFor(async () => {
      const list = await storedKept(community);
      return (
        list.length === 1 && list[0]!.draft.title === 'Entry B being written' && list[0]!.draft.practised === 'B text'
      );
    }, 'B kept on the device, A no longer');
    await waitFor(
      async () => (await storedDraft(`draft:${el.draftKey}`))?.draft.practised === 'Text of A that must not be lost',
      'A saved as the draft',
    );
    await expect(el).to.be.accessible();

    // A, sent again, is delivered; B is still there to continue.
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => status(el).includes('has been sent'), 'A delivered');
    expect((await collectorState(bucket.name)).records.map((r) => (r as unknown as Envelope).data)).to.deep.equal([
      { title: 'Entry A offline', date: localDate(), criteria: [], practised: 'Text of A that must not be lost' },
    ]);
    expect(keptTitles(el)).to.deep.equal(['Entry B being written']);
  });
});

describe('<lc-reflection-journal>: every entry sent from this browser', () => {
  const status = (el: LcReflectionJournal) => text(part(el, '[part="status"]'));

  it('two entries queued offline and both refused: each refusal is shown and logged, and neither text is lost', async () => {
    const bucket = newBucket('rj');
    await setFaults(bucket.name, [
      { status: 422, message: 'this round is closed' },
      { status: 422, message: 'this round is closed' },
    ]);
    const { el, community } = await mount(
      html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`,
      {
        endpoint: bucket.endpoint,
      },
    );
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(3000);
      try {
        for (const title of ['Entry A', 'Entry B']) {
          setField(el, 'title', title);
          setField(el, 'practised', `text of ${title}`);
          part<HTMLButtonElement>(el, '[part="submit"]').click();
          await waitFor(() => status(el).startsWith('Saved.') && field(el, 'title').value === '', `${title} queued`);
        }
        await el.updateComplete;
        // Both listed as waiting, not only the last.
        const waiting = [...el.shadowRoot!.querySelectorAll('[part="entry"]')].filter((e) =>
          text(e).includes('Waiting to be sent'),
        );
        expect(waiting).to.have.length(2);
      } finally {
        await waitForOnline();
      }
      await waitFor(() => (status(el).match(/Not accepted/g) ?? []).length === 2, 'both refusals told');
    });
    await el.updateComplete;
    // One is back in the (then empty) form, the other kept under "Not sent": each with its reason.
    const inForm = field(el, 'title').value;
    const kept = [...el.shadowRoot!.querySelectorAll('[part="kept-entry"] .kept-title')].map((n) => text(n));
    expect([inForm, ...kept].sort()).to.deep.equal(['Entry A', 'Entry B']);
    expect(field(el, 'practised').value).to.equal(`text of ${inForm}`);
    expect(status(el)).to.equal(
      'Not accepted: this round is closed. Your entry is kept; you can change it and send it again. ' +
        `Not accepted: this round is closed. “${kept[0]}” is kept under “Not sent”, ` +
        'where you can take it back into the form to change it and send it again.',
    );
    expect(text(part(el, '[part="kept-entry"] .kept-why'))).to.equal('Not accepted: this round is closed.');
    expect(await entryTitles(el), 'neither listed as sent').to.deep.equal([]);
    // The one kept, taken back: the status says each text's place after the swap, and again after
    // swapping back (the one from the form kept under "Not sent" as what the person was writing).
    const inFormNow = 'Not accepted: this round is closed. Your entry is kept; you can change it and send it again.';
    const keptNow = (title: string) =>
      `Not accepted: this round is closed. “${title}” is kept under “Not sent”, ` +
      'where you can take it back into the form to change it and send it again.';
    for (const [back, aside] of [
      [kept[0]!, inForm],
      [inForm, kept[0]!],
    ]) {
      part<HTMLButtonElement>(el, '[part="take-back"]').click();
      await waitFor(() => field(el, 'title').value === back, `${back} back in the form`);
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('[part="kept-entry"] .kept-title')].map((n) => text(n))).to.deep.equal(
        [aside],
      );
      const [first, second] = inForm === back ? [inFormNow, keptNow(aside)] : [keptNow(aside), inFormNow];
      expect(status(el)).to.equal(`${first} ${second}`);
    }
    expect(errors.filter((e) => e.includes('was rejected: this round is closed'))).to.have.length(2);
    await waitFor(async () => {
      const stored = ((await getDraftStore('device').get(`kept:${community}`)) ?? []) as Array<{
        draft: { practised: string };
      }>;
      return stored.length === 1 && stored[0]!.draft.practised === `text of ${kept[0]}`;
    }, 'the other entry kept on the device');
    await expect(el).to.be.accessible();
  });
});

describe('<lc-reflection-journal>: past entries and export', () => {
  it('while entries-src loads, says only that it is loading: no count and no "no entries" yet', async () => {
    const bucket = newBucket('rje');
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    const { el } = await mount(
      html`<lc-reflection-journal
        criterion="trust"
        entries-src="/__lc/serve/${bucket.name}?file=test/fixtures/journal-entries.json"
      ></lc-reflection-journal>`,
    );
    const section = () => text(part(el, '[part="entries-section"]'));
    expect(section()).to.contain('Loading the community’s entries…');
    expect(section()).to.not.match(/\d+ entr(y|ies)/);
    expect(section()).to.not.contain('No entries');
    expect(el.shadowRoot!.querySelector('[part="entries"]')).to.equal(null);
    await expect(el).to.be.accessible();
    await waitFor(() => !section().includes('Loading'), 'the answer');
    expect(section()).to.match(/\b\d+ entr(y|ies)\b/);
  });

  it('lays out what people wrote in its own direction in an Arabic journal: entries and the form', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal
        entries-src="/test/fixtures/journal-entries.json"
        draft-key="k-${uid()}"
      ></lc-reflection-journal>`,
      { locale: 'ar' },
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3, 'the entries');
    const direction = (node: Element) => getComputedStyle(node).direction;
    const entry = [...el.shadowRoot!.querySelectorAll('[part="entry"]')].find((e) =>
      e.textContent!.includes('Open budget evening'),
    )!;
    // An English entry, left to right: its full stops stay at the ends of its lines.
    const title = entry.querySelector('h1, h2, h3, h4, h5, h6')!.querySelector('span')!;
    expect([title.textContent, direction(title)]).to.deep.equal(['Open budget evening', 'ltr']);
    const texts = [...entry.querySelectorAll('[part="entry-text"]')];
    expect(texts.map(direction)).to.deep.equal(['ltr', 'ltr', 'ltr', 'ltr']);
    // The form's fields: the journal's direction while empty, then the direction of what is typed.
    for (const id of ['title', 'practised', 'participants']) {
      expect(direction(field(el, id)), `${id} empty`).to.equal('rtl');
      await typeInto(el, id, 'We met twice. It worked!');
      expect(direction(field(el, id)), id).to.equal('ltr');
    }
  });

  it("lists an entry's criteria as their language lists them, on the page and in the export", async () => {
    const wrapper = await fixture<LcCommunity>(
      html`<lc-community community="c-${uid()}" round="r1" locale="ar" criteria="/test/fixtures/criteria-ar.json"
        ><lc-reflection-journal entries-src="/test/fixtures/journal-entries.json"></lc-reflection-journal
      ></lc-community>`,
    );
    const el = wrapper.querySelector('lc-reflection-journal')!;
    const set = (await (await fetch('/test/fixtures/criteria-ar.json')).json()) as {
      criteria: Array<{ id: string; title: string }>;
    };
    const title = (id: string) => set.criteria.find((c) => c.id === id)!.title;
    // trust and policy-making: joined by Arabic's "و", not by ", ".
    const list = new Intl.ListFormat('ar', { type: 'unit' }).format([title('trust'), title('policy-making')]);
    expect(list).to.equal(`${title('trust')} و${title('policy-making')}`);
    await waitFor(() => el.shadowRoot!.textContent!.includes(title('trust')), 'the Arabic criteria');
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3, 'the entries');
    const entry = [...el.shadowRoot!.querySelectorAll('[part="entry"]')].find((e) =>
      e.textContent!.includes('Open budget evening'),
    )!;
    expect(text(entry.querySelector('dd'))).to.equal(list);
    expect(el.toMarkdown()).to.contain(`:** ${list}\n`);
  });

  it('keeps every entry in the accessibility tree, far out of view too (a screen reader lists them all)', async () => {
    // Far below the fold: Chromium leaves out of the tree what it does not render, and a rule
    // that skips entries out of view (content-visibility: auto) took them out of a heading list.
    const spacer = document.createElement('div');
    spacer.style.blockSize = '5000px';
    document.body.prepend(spacer);
    try {
      const { el } = await mount(
        html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries.json"></lc-reflection-journal>`,
      );
      await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3, 'the entries');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const headings = axNodes(await axTree())
        .filter((n) => n.role === 'heading')
        .map((n) => n.name);
      expect(headings).to.include.members(await entryTitles(el));
    } finally {
      spacer.remove();
    }
  });

  it('lists the community entries from entries-src, newest first, filtered by criterion, line breaks kept', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries.json"></lc-reflection-journal>`,
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3, 'the entries');
    expect(await entryTitles(el)).to.deep.equal([
      'Sports club and college mentoring',
      'Open budget evening',
      'Borgermøde om tillid',
    ]);
    const answer = [...el.shadowRoot!.querySelectorAll('[part="entry-text"]')].find((n) =>
      n.textContent!.includes('Forty'),
    )!;
    expect(answer.textContent).to.equal(
      'We opened the district budget to residents for one evening.\nForty people came.',
    );
    expect(getComputedStyle(answer).whiteSpace).to.equal('pre-line');
    // A Danish entry in an English UI says which language it is in.
    const danish = [...el.shadowRoot!.querySelectorAll('[part="entry-text"]')].find((n) =>
      n.textContent!.includes('Nogle'),
    )!;
    expect(danish.getAttribute('lang')).to.equal('da');

    const filter = part<HTMLSelectElement>(el, '[part="filter"]');
    filter.value = 'trust';
    filter.dispatchEvent(new Event('change'));
    expect(await entryTitles(el)).to.deep.equal(['Open budget evening', 'Borgermøde om tillid']);
    expect(text(part(el, '[part="entries-section"]'))).to.contain('2 entries');
    await expect(el).to.be.accessible();
  });

  it('typing in the form neither formats again nor redraws the 200 entries it lists', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries-200.json"></lc-reflection-journal>`,
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 200, 'the entries');
    expect(text(el.shadowRoot!.querySelector('[part="entry"] time'))).to.equal('July 19, 2025');
    // Counts the date formatters made, and the dates formatted, while the person types.
    const Original = Intl.DateTimeFormat;
    const format = Object.getOwnPropertyDescriptor(Original.prototype, 'format')!;
    let made = 0;
    let formatted = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made++;
        return Reflect.construct(target, args) as Intl.DateTimeFormat;
      },
    });
    Object.defineProperty(Original.prototype, 'format', {
      configurable: true,
      get(this: Intl.DateTimeFormat) {
        const bound = format.get!.call(this) as (date?: number | Date) => string;
        return (date?: number | Date) => (formatted++, bound(date));
      },
    });
    try {
      await typeInto(el, 'title', 'Study circle');
    } finally {
      Intl.DateTimeFormat = Original;
      Object.defineProperty(Original.prototype, 'format', format);
    }
    expect(field(el, 'title').value).to.equal('Study circle');
    // One formatter for each kind of date, made at most once; the list's dates are not formatted again.
    expect(made, 'date formatters made while typing 12 characters').to.be.below(3);
    expect(formatted, 'dates formatted while typing 12 characters').to.be.below(30);
    expect(el.shadowRoot!.querySelectorAll('[part="entry"]')).to.have.length(200);
  });

  it('reports a malformed entries-src answer visibly and in the console, and renders none of it', async () => {
    let el!: LcReflectionJournal;
    const errors = await captureConsoleErrors(async () => {
      ({ el } = await mount(
        html`<lc-reflection-journal
          entries-src="/test/fixtures/journal-entries-malformed.json"
        ></lc-reflection-journal>`,
      ));
      await waitFor(() => el.shadowRoot!.querySelector('[part="entries-error"]'), 'the entries error');
    });
    const error = part(el, '[part="entries-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The community’s entries could not be shown').and.contain('[1].createdAt');
    expect(errors.some((e) => e.includes('<lc-reflection-journal> entries-src') && e.includes('[1].data'))).to.be.true;
    expect(el.shadowRoot!.querySelectorAll('[part="entry"]')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.not.contain('A good one');
    expect(el.shadowRoot!.textContent).to.not.contain('Should never be shown');
    await expect(el).to.be.accessible();
  });

  const entriesFrom = (bucket: string) => `/__lc/serve/${bucket}?file=test/fixtures/journal-entries.json`;
  const entryCount = (el: LcReflectionJournal) => el.shadowRoot!.querySelectorAll('[part="entry"]').length;

  it('a failed entries-src load offers "Try again": by keyboard it loads again, and the focus follows', async () => {
    const bucket = newBucket('rje');
    await setFaults(bucket.name, [{ status: 503 }, { status: 503 }]);
    let el!: LcReflectionJournal;
    const errors = await captureConsoleErrors(async () => {
      // Nothing kept on the device: an outbox that hears no other tab (another test file's page
      // delivering, which tries the entries again on its own: see the next test) while "Try again" is pressed.
      ({ el } = await mount(
        html`<lc-reflection-journal entries-src=${entriesFrom(bucket.name)}></lc-reflection-journal>`,
        { storage: 'none' },
      ));
      await waitFor(() => el.shadowRoot!.querySelector('[part="entries-error"]'), 'the entries error');
    });
    expect(errors.some((e) => e.includes('answered HTTP 503'))).to.be.true;
    const error = part(el, '[part="entries-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('The community’s entries could not be shown').and.contain('answered HTTP 503');
    const retry = part<HTMLButtonElement>(el, '[part="entries-error"] [part="retry"]');
    expect([retry.localName, retry.type, text(retry)]).to.deep.equal(['button', 'button', 'Try again']);
    await expect(el).to.be.accessible();

    const focused: string[] = [];
    el.shadowRoot!.addEventListener('focusin', (e) =>
      focused.push((e.target as Element).id || (e.target as Element).getAttribute('part')!),
    );
    retry.focus();
    // Fails again: the focus goes to the list's heading while it loads, then to the new "Try again".
    await captureConsoleErrors(async () => {
      await sendKeys({ press: 'Enter' });
      await waitFor(() => {
        const active = el.shadowRoot!.activeElement;
        return active !== retry && active?.getAttribute('part') === 'retry';
      }, 'the focus on the new "Try again"');
    });
    expect(focused).to.deep.equal(['retry', 'entries-heading', 'retry']);

    // Answered now: the entries, no alert, and the status says they are in.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => entryCount(el) === 3, 'the entries after "Try again"');
    expect(el.shadowRoot!.querySelector('[part="entries-error"]')).to.equal(null);
    await waitFor(() => text(announcer(el)) === 'The community’s entries are loaded.', 'the announcement');
    expect(el.shadowRoot!.activeElement?.id).to.equal('entries-heading');
    await expect(el).to.be.accessible();
  });

  it('a failed entries-src load is tried again when the browser is back online, and after an entry is delivered', async () => {
    const source = newBucket('rje');
    const collector = newBucket('rj');
    await setFaults(source.name, [{ status: 503 }]);
    let el!: LcReflectionJournal;
    await captureConsoleErrors(async () => {
      ({ el } = await mount(
        html`<lc-reflection-journal
          draft-key="k-${uid()}"
          entries-src=${entriesFrom(source.name)}
        ></lc-reflection-journal>`,
        { endpoint: collector.endpoint },
      ));
      await waitFor(() => el.shadowRoot!.querySelector('[part="entries-error"]'), 'the entries error');
    });
    // Offline and back (Chromium's own network state, and its `online` event).
    await goOfflineFor(1000);
    await waitForOnline();
    await waitFor(() => entryCount(el) === 3, 'the entries once back online');
    expect(el.shadowRoot!.querySelector('[part="entries-error"]')).to.equal(null);

    // Failed again (the list reloaded by hand); then an entry is delivered: the server is reachable.
    // First, nothing more on its way to the list's server (the browser's return may bring a second
    // try, which would take the failure meant for the reload by hand): two readings 0.2 s apart agree.
    let served = -1;
    await waitFor(async () => {
      const before = served;
      served = (await collectorState(source.name)).served;
      await new Promise((r) => setTimeout(r, 200));
      return served === before;
    }, 'the list’s server quiet');
    await setFaults(source.name, [{ status: 503 }]);
    await captureConsoleErrors(async () => {
      el.refreshEntries();
      await waitFor(() => el.shadowRoot!.querySelector('[part="entries-error"]'), 'the entries error again');
    });
    await typeInto(el, 'title', 'Sent while the list was down');
    await typeInto(el, 'practised', 'We practised.');
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => text(part(el, '[part="status"]')).includes('has been sent'), 'the delivery');
    await waitFor(() => entryCount(el) === 4, 'the community’s entries and the one sent');
    expect(el.shadowRoot!.querySelector('[part="entries-error"]')).to.equal(null);
  });

  it('shows hostile entry text as text: no element is created from it, and it is visible', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries-hostile.json"></lc-reflection-journal>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('[part="entry"]'), 'the hostile entry');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, svg, iframe, b')).to.have.length(0);
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    const entry = part(el, '[part="entry"]');
    expect(entry.textContent).to.contain('<img src=x onerror="window.__lcPwned = true">');
    expect(entry.textContent).to.contain('<script>window.__lcPwned = true</script>');
    expect(entry.textContent).to.contain('[click me](javascript:window.__lcPwned=true)');
    const heading = part(el, '[part="entry"] [part="heading"]');
    expect(heading.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(heading.innerText).to.contain('<img src=x');
    expect((window as { __lcPwned?: boolean }).__lcPwned).to.equal(undefined);

    const md = el.toMarkdown();
    expect(md).to.not.match(/(^|[^\\])<(img|script|svg|iframe)/m);
    expect(md).to.not.match(/(^|[^\\])\[click me(\\)?\]\(/);
    expect(md).to.contain('\\<script\\>window.\\_\\_lcPwned = true\\</script\\>');
    expect(md).to.contain('\\# not a heading');
  });

  /** Activates a download link as the person does (a click), and answers the file it gave, not following it. */
  function take(link: HTMLAnchorElement): string {
    let href = '';
    const keep = (event: Event) => {
      href = link.href;
      event.preventDefault();
    };
    // After the link's own listener (the element's, on its shadow root's host): the file it made.
    const host = (link.getRootNode() as ShadowRoot).host;
    host.addEventListener('click', keep, { once: true });
    link.click();
    host.removeEventListener('click', keep);
    return href;
  }

  it('exports the entries shown as Markdown and JSON downloads, and through toMarkdown() / toJSON()', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal
        criterion="trust"
        entries-src="/test/fixtures/journal-entries.json"
      ></lc-reflection-journal>`,
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 2, 'the trust entries');
    const [mdLink, jsonLink] = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="export"]')];
    expect(mdLink!.download).to.equal('reflection-journal-trust.md');
    expect(jsonLink!.download).to.equal('reflection-journal-trust.json');
    expect(text(mdLink)).to.equal('Download as Markdown');
    const mdUrl = take(mdLink!);
    expect(mdUrl).to.match(/^blob:/);
    expect(mdLink!.href).to.equal(mdUrl);

    const md = await (await fetch(mdUrl)).text();
    expect(md).to.equal(el.toMarkdown());
    expect(md).to.contain('# Reflection journal\n\n## Open budget evening\n\n- **Date:** February 10, 2026');
    expect(md).to.contain('- **Criteria:** Trust, How policy is made');
    expect(md).to.contain(
      '### What did we practise?\n\nWe opened the district budget to residents for one evening.\\\nForty people came.',
    );
    expect(md).to.contain('## Borgermøde om tillid');
    expect(md).to.not.contain('Sports club');

    const json = await (await fetch(take(jsonLink!))).json();
    expect(json.schema).to.equal('lc-journal-export/1');
    expect(json.criterion).to.equal('trust');
    expect(json.entries.map((e: { id: string }) => e.id)).to.deep.equal(el.toJSON().entries.map((e) => e.id));
    expect(json.entries[0].data.practised).to.contain('\nForty people came.');
    expect(JSON.parse(JSON.stringify(el)).entries).to.have.length(2);

    const oldUrl = mdUrl;
    const filter = part<HTMLSelectElement>(el, '[part="filter"]');
    filter.value = '';
    filter.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const newMd = part<HTMLAnchorElement>(el, 'a[part="export"]');
    expect(newMd.download).to.equal('reflection-journal.md');
    // The list changed: the link no longer holds the file of the list shown before.
    expect(newMd.href).to.not.match(/^blob:/);
    expect(await (await fetch(take(newMd))).text()).to.contain('Sports club');
    // The previous download's object URL is released.
    let revoked = false;
    await fetch(oldUrl).catch(() => (revoked = true));
    expect(revoked).to.be.true;
  });

  it('makes its downloads only when the person takes one, from the entries listed then', async () => {
    const bucket = newBucket('rje');
    const { el } = await mount(
      html`<lc-reflection-journal
        entries-src="/test/fixtures/journal-entries.json"
        draft-key="k-${uid()}"
      ></lc-reflection-journal>`,
      { endpoint: bucket.endpoint },
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3, 'the entries');
    const made: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      made.push(blob as Blob);
      return createObjectURL.call(URL, blob);
    };
    try {
      // An entry sent from this browser joins the list after the first render.
      setField(el, 'title', 'Added after the first render');
      setField(el, 'practised', 'We practised.');
      await el.submit();
      await waitFor(async () => (await entryTitles(el)).includes('Added after the first render'), 'the entry listed');
      const [mdLink, jsonLink] = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="export"]')];
      // Nothing made while the list changed: no file, and no link to one.
      expect(made, 'files made before a download was asked for').to.deep.equal([]);
      expect([mdLink!.href, jsonLink!.href].filter((h) => h.startsWith('blob:'))).to.deep.equal([]);

      const md = await (await fetch(take(mdLink!))).text();
      expect(made).to.have.length(1);
      expect(md).to.contain('## Added after the first render').and.contain('## Open budget evening');
      const json = await (await fetch(take(jsonLink!))).json();
      expect(made).to.have.length(2);
      expect(json.entries.map((e: { data: { title: string } }) => e.data.title)).to.deep.equal(await entryTitles(el));
      expect(json.entries).to.have.length(4);
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });

  it('dates its JSON download when the person takes it, not when the list last changed', async () => {
    const { el } = await mount(
      html`<lc-reflection-journal
        criterion="trust"
        entries-src="/test/fixtures/journal-entries.json"
      ></lc-reflection-journal>`,
    );
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 2, 'the trust entries');
    const jsonLink = el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="export"]')[1]!;
    const made: string = (await (await fetch(take(jsonLink))).json()).exportedAt;
    const taken: string[] = [];
    el.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        taken.push(target.href);
        event.preventDefault();
      }
    });

    // A day and a half later, nothing changed in the list: the file says when it was downloaded.
    const later = Date.parse(made) + 33 * 3600_000;
    await at(later, async () => jsonLink.click());
    expect(taken).to.have.length(1);
    const file = await (await fetch(taken[0]!)).json();
    expect(file.exportedAt).to.equal(new Date(later).toISOString());
    expect(file.entries.map((e: { id: string }) => e.id)).to.deep.equal(el.toJSON().entries.map((e) => e.id));
    // Still the link it was: a download with its name, the file it gave.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="export"]')[1]).to.equal(jsonLink);
    expect(jsonLink.download).to.equal('reflection-journal-trust.json');
    expect(jsonLink.href).to.equal(taken[0]);

    // "Save link as…" from the context menu takes the file as it is then, too.
    const evenLater = later + 3600_000;
    await at(evenLater, async () =>
      jsonLink.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true })),
    );
    expect(jsonLink.href).to.not.equal(taken[0]);
    expect((await (await fetch(jsonLink.href)).json()).exportedAt).to.equal(new Date(evenLater).toISOString());
  });
});

describe('<lc-reflection-journal>: languages', () => {
  async function inLocale(locale: string) {
    const { el } = await mount(
      html`<lc-reflection-journal
        criterion="trust"
        entries-src="/test/fixtures/journal-entries.json"
      ></lc-reflection-journal>`,
      { locale },
    );
    await waitFor(
      () => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 2 && el.shadowRoot!.querySelector('.checks'),
      'the entries and criteria',
    );
    return el;
  }

  it('English: no axe violations with entries and a validation error', async () => {
    const el = await inLocale('en');
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#title-error'), 'the title error');
    await expect(el).to.be.accessible();
  });

  it('Danish: the UI and the criteria in Danish, no axe violations', async () => {
    const el = await inLocale('da');
    // The Danish content loads on demand; until then the English set is shown, marked lang="en".
    await waitFor(() => text(el.shadowRoot!.querySelector('.checks')).includes('Tillid'), 'the Danish criteria');
    expect(text(part(el, 'label[for="practised"]'))).to.equal('Hvad praktiserede vi?');
    expect(part(el, '[part="base"]').getAttribute('lang')).to.equal('da');
    expect(text(part(el, '[part="entries-section"]'))).to.contain('2 indlæg');
    expect(part(el, '.checks').hasAttribute('lang')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('a failed entries-src load: "Try again" and the news that the entries are in, in Danish, German and Arabic', async () => {
    const said: Record<string, [string, string]> = {
      da: ['Prøv igen', 'Fællesskabets indlæg er hentet.'],
      de: ['Erneut versuchen', 'Die Einträge der Gemeinschaft sind geladen.'],
      ar: ['حاول مرة أخرى', 'تم تحميل مدخلات المجتمع.'],
    };
    for (const [locale, [button, loaded]] of Object.entries(said)) {
      const bucket = newBucket('rje');
      await setFaults(bucket.name, [{ status: 503 }]);
      let el!: LcReflectionJournal;
      await captureConsoleErrors(async () => {
        ({ el } = await mount(
          html`<lc-reflection-journal
            entries-src="/__lc/serve/${bucket.name}?file=test/fixtures/journal-entries.json"
          ></lc-reflection-journal>`,
          // An outbox that hears no other tab: a delivery there would load the entries again on
          // its own, taking "Try again" away before it is pressed.
          { locale, storage: 'none' },
        ));
        await waitFor(() => el.shadowRoot!.querySelector('[part="retry"]'), `the ${locale} entries error`);
      });
      expect(text(part(el, '[part="retry"]')), locale).to.equal(button);
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, '[part="retry"]').click();
      await waitFor(() => text(announcer(el)) === loaded, `the ${locale} announcement`);
      expect(el.shadowRoot!.querySelectorAll('[part="entry"]')).to.have.length(3);
    }
  });

  it('Danish at 320 px with WCAG 1.4.12 text spacing: nothing sticks out of the element, long words wrap', async () => {
    const el = await inLocale('da');
    await waitFor(() => text(el.shadowRoot!.querySelector('.checks')).includes('Fællesskabsmentalitet'), 'Danish');
    // A 320 px viewport less a portal's margins: the box of the QA finding.
    (el.closest('lc-community') as HTMLElement).style.display = 'block';
    (el.closest('lc-community') as HTMLElement).style.inlineSize = '238px';
    // The demo portal's font (a sans-serif is wider than the test page's default serif).
    (el.closest('lc-community') as HTMLElement).style.fontFamily = "system-ui, 'Segoe UI', Roboto, sans-serif";
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
        ' p { margin-block-end: 2em !important; }',
    );
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, spacing];
    try {
      await el.updateComplete;
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(238);
      const fieldset = part(el, '[part="criteria"]').getBoundingClientRect();
      expect(fieldset.width, 'the criteria fieldset shrinks to the element').to.be.at.most(box.width);
      const outside = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="base"] *')]
        .filter((n) => !n.closest('.sr-only, dialog'))
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
        })
        .map((n) => `${n.localName}.${n.className} "${text(n).slice(0, 30)}"`);
      expect(outside, 'nothing outside the element').to.deep.equal([]);
      // The long word wraps inside its label instead.
      const word = [...el.shadowRoot!.querySelectorAll('.check span')].find((n) =>
        n.textContent!.includes('Fællesskabsmentalitet'),
      )!;
      expect(getComputedStyle(word).overflowWrap).to.equal('anywhere');
    } finally {
      el.shadowRoot!.adoptedStyleSheets = el.shadowRoot!.adoptedStyleSheets.filter((s) => s !== spacing);
    }
  });

  // French has no built-in strings: the journal is shown in English (lang="en"), and what is
  // French in it (the set's titles, the entries written in French) is marked so, as the card marks it.
  it('a French set and French entries on a French page shown in English: marked lang="fr"', async () => {
    const { el, wrapper } = await mount(
      html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries-fr.json"></lc-reflection-journal>`,
      { locale: 'fr', storage: 'none' },
    );
    wrapper.criteria = '/test/fixtures/criteria-fr.json';
    await waitFor(
      () =>
        el.shadowRoot!.querySelectorAll('[part="entry"]').length === 2 &&
        text(el.shadowRoot!.querySelector('.checks')).includes('Mobilité'),
      'the entries and the French criteria',
    );
    await el.updateComplete;
    const langOf = (node: Element) => node.closest('[lang]')!.getAttribute('lang');
    expect(part(el, '[part="base"]').getAttribute('lang')).to.equal('en');
    const check = [...el.shadowRoot!.querySelectorAll('.check span')].find((n) => text(n) === 'Mobilité')!;
    expect(langOf(check), 'the title to tick').to.equal('fr');
    const options = [...part<HTMLSelectElement>(el, '[part="filter"]').options];
    expect(options.map((o) => [text(o), langOf(o)])).to.deep.equal([
      ['All criteria', 'en'],
      ['Mobilité', 'fr'],
      ['Confiance', 'fr'],
    ]);
    const [french, english] = [...el.shadowRoot!.querySelectorAll('[part="entry"]')];
    expect(langOf(french!.querySelector('article span')!), 'the French entry’s title').to.equal('fr');
    const frenchTexts = [...french!.querySelectorAll('[part="entry-text"]')];
    expect(frenchTexts.map(langOf), 'what it says').to.deep.equal(['fr', 'fr']);
    expect(langOf(french!.querySelector('dd')!), 'its criteria').to.equal('fr');
    expect(text(french!.querySelector('dd'))).to.equal('Mobilité');
    // An entry written in English stays in the journal's language, its criteria in the set's.
    expect(langOf(english!.querySelector('article span')!)).to.equal('en');
    expect(langOf(english!.querySelector('[part="entry-text"]')!)).to.equal('en');
    expect(langOf(english!.querySelector('dd')!)).to.equal('fr');
    // What the person types in the form is the page's French, not the English of the UI around it.
    for (const id of ['title', ...PROMPT_KEYS, 'participants']) expect(langOf(field(el, id)), id).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it("the form's fields take the journal's language where the UI is in the page's (Danish)", async () => {
    const { el } = await mount(html`<lc-reflection-journal draft-key="k-${uid()}"></lc-reflection-journal>`, {
      locale: 'da-DK',
      storage: 'none',
    });
    for (const id of ['title', ...PROMPT_KEYS, 'participants']) {
      expect(field(el, id).hasAttribute('lang'), id).to.be.false;
      expect(field(el, id).closest('[lang]')!.getAttribute('lang'), id).to.equal('da-DK');
    }
  });

  it('a right-to-left set on an English page: its titles right to left, the list on the journal’s side', async () => {
    const { el, wrapper } = await mount(
      html`<lc-reflection-journal entries-src="/test/fixtures/journal-entries.json"></lc-reflection-journal>`,
      { locale: 'en', storage: 'none' },
    );
    wrapper.criteria = '/test/fixtures/criteria-ar.json';
    await waitFor(
      () =>
        el.shadowRoot!.querySelectorAll('[part="entry"]').length === 3 &&
        text(el.shadowRoot!.querySelector('.checks')).includes('اتخاذ المبادرات'),
      'the entries and the Arabic criteria',
    );
    await el.updateComplete;
    expect(part(el, '[part="base"]').getAttribute('dir')).to.equal('ltr');
    expect(part(el, '.checks').getAttribute('lang')).to.equal('ar');
    const title = [...el.shadowRoot!.querySelectorAll('.check span')].find((n) => text(n) === 'اتخاذ المبادرات')!;
    expect(getComputedStyle(title).direction, 'a title to tick').to.equal('rtl');
    expect(getComputedStyle(part(el, '.checks')).direction, 'the list').to.equal('ltr');
    const option = [...part<HTMLSelectElement>(el, '[part="filter"]').options].find(
      (o) => text(o) === 'اتخاذ المبادرات',
    )!;
    expect([option.getAttribute('lang'), option.getAttribute('dir')], 'a title to filter by').to.deep.equal([
      'ar',
      'rtl',
    ]);
    const criteria = el.shadowRoot!.querySelector('[part="entry"] dd')!;
    expect([criteria.getAttribute('lang'), getComputedStyle(criteria).direction], 'an entry’s criteria').to.deep.equal([
      'ar',
      'rtl',
    ]);
    await expect(el).to.be.accessible();
  });

  it('Arabic: right to left, English content marked as such, no axe violations', async () => {
    const el = await inLocale('ar');
    const base = part(el, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(text(part(el, 'label[for="change"]'))).to.equal('ماذا سنغيّر؟');
    expect(part(el, '.checks').getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(field(el, 'title')).direction).to.equal('rtl');
    part<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('#title-error'), 'the title error');
    await expect(el).to.be.accessible();
  });
});
