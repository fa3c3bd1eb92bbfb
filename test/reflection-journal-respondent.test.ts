import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/community/define.js';
import '../src/components/reflection-journal/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import {
  draftKey,
  getDraftStore,
  keptKey,
  localDate,
  sentKey,
  writeDraft,
  emptyDraft,
} from '../src/components/reflection-journal/drafts.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';

// On a shared device (a kiosk: the host logs people in and out, and sets `respondent` on the
// community, with or without a reload), what the journal keeps is each respondent's own: the
// draft, the entries sent from this browser and those not sent. Real IndexedDB, real collector.

const uid = () => Math.random().toString(36).slice(2, 10);
const ROUND = 'r1';

async function mount(community: string, respondent?: string, endpoint?: string) {
  const wrapper = await fixture<LcCommunity>(
    html`<lc-community
      community=${community}
      round=${ROUND}
      respondent=${ifDefined(respondent)}
      endpoint=${ifDefined(endpoint)}
      storage="device"
      ><lc-reflection-journal criterion="trust"></lc-reflection-journal
    ></lc-community>`,
  );
  const el = wrapper.querySelector('lc-reflection-journal')!;
  await el.updateComplete;
  return el;
}

const field = (el: LcReflectionJournal, id: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: LcReflectionJournal) => text(el.shadowRoot!.querySelector('[part="status"]'));
const entryTitles = (el: LcReflectionJournal) =>
  [...el.shadowRoot!.querySelectorAll('[part="entry"] [part="heading"]')].map((h) => text(h));
const keptTitles = (el: LcReflectionJournal) =>
  [...el.shadowRoot!.querySelectorAll('[part="kept-entry"] .kept-title')].map((n) => text(n));

/** Sets a field as if typed in one go (an input event from the control), without waiting. */
function setField(el: LcReflectionJournal, id: string, value: string) {
  const control = field(el, id);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const keyFor = (community: string, respondent?: string) =>
  draftKey({ community, round: ROUND, criterion: 'trust', respondent });
const storedTitle = async (key: string) =>
  ((await getDraftStore('device').get(key)) as { draft?: { title?: string } } | undefined)?.draft?.title;

async function switchTo(el: LcReflectionJournal, respondent: string) {
  const community = el.closest<LcCommunity>('lc-community')!;
  community.setAttribute('respondent', respondent);
  await community.updateComplete;
  await el.updateComplete;
  await el.updateComplete;
}

describe('<lc-reflection-journal> on a shared device: kept per respondent', () => {
  it('switched without a reload: the next person starts blank, what was being typed is kept for its writer', async () => {
    const community = `c-${uid()}`;
    const el = await mount(community, 'alice');
    setField(el, 'title', 'Alice at the library');
    // Switched at once, before the typing was saved: kept under alice's key, never shown to bob.
    await switchTo(el, 'bob');
    expect(field(el, 'title').value).to.equal('');
    await waitFor(
      async () => (await storedTitle(keyFor(community, 'alice'))) === 'Alice at the library',
      "alice's typing kept under her key",
    );
    setField(el, 'title', "Bob's evening");
    await waitFor(async () => (await storedTitle(keyFor(community, 'bob'))) === "Bob's evening", "bob's kept");

    await switchTo(el, 'alice');
    expect(field(el, 'title').value).to.equal('Alice at the library');
    expect(await getDraftStore('device').get(keyFor(community)), 'nothing under the key without one').to.equal(
      undefined,
    );
    el.closest('lc-community')!.remove();

    const bob = await mount(community, 'bob');
    expect(field(bob, 'title').value).to.equal("Bob's evening");
    bob.closest('lc-community')!.remove();
    const alice = await mount(community, 'alice');
    expect(field(alice, 'title').value).to.equal('Alice at the library');
  });

  it('the entries sent from this browser are listed for the person who sent them only', async () => {
    const bucket = newBucket('rj-resp');
    const community = `c-${uid()}`;
    const el = await mount(community, 'alice', bucket.endpoint);
    setField(el, 'title', 'Sent by alice');
    setField(el, 'practised', 'We practised.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitFor(() => status(el).includes('has been sent'), 'the sent state');
    expect(entryTitles(el)).to.deep.equal(['Sent by alice']);

    await switchTo(el, 'bob');
    await waitFor(() => !el.entries.length, "alice's entry no longer listed");
    expect(status(el), "nothing of alice's").to.equal('');
    await switchTo(el, 'alice');
    await waitFor(() => el.entries.length === 1, 'her entry listed again');
    expect(entryTitles(el)).to.deep.equal(['Sent by alice']);
    el.closest('lc-community')!.remove();

    const bob = await mount(community, 'bob', bucket.endpoint);
    expect(bob.entries).to.deep.equal([]);
    expect(await getDraftStore('device').get(sentKey(community)), 'no list without a respondent').to.equal(undefined);
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('an entry refused after the host switched to the next person is kept under its writer\'s "Not sent"', async () => {
    const bucket = newBucket('rj-resp');
    const community = `c-${uid()}`;
    // Stored by the outbox, then refused a moment later: the host has switched to bob by then.
    await setFaults(bucket.name, [{ stallMs: 800, status: 422, message: 'this round is closed' }]);
    const el = await mount(community, 'alice', bucket.endpoint);
    const errors = await captureConsoleErrors(async () => {
      setField(el, 'title', 'Refused for alice');
      setField(el, 'practised', 'We practised.');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      await waitFor(() => field(el, 'title').value === '', 'the entry handed to the outbox');
      await switchTo(el, 'bob');
      await waitFor(async () => (await collectorState(bucket.name)).requests.length === 1, 'the attempt');
      await waitFor(
        async () => ((await getDraftStore('device').get(keptKey(community, { respondent: 'alice' }))) as [])?.length,
        "kept under alice's entries not sent",
      );
    });
    expect(errors.some((e) => e.includes('this round is closed'))).to.be.true;
    await el.updateComplete;
    expect(field(el, 'title').value, "not in bob's form").to.equal('');
    expect(keptTitles(el), "nor under bob's").to.deep.equal([]);
    expect(await getDraftStore('device').get(keptKey(community)), 'nor without a respondent').to.equal(undefined);

    await switchTo(el, 'alice');
    await waitFor(() => keptTitles(el).length === 1, 'her entry not sent, listed');
    expect(keptTitles(el)).to.deep.equal(['Refused for alice']);
    expect(el.entries, 'no longer listed as sent').to.deep.equal([]);
  });

  it('a draft kept without the respondent is never shown to a respondent, and left where it is', async () => {
    const community = `c-${uid()}`;
    const draft = { ...emptyDraft(localDate(), ['trust']), title: 'Whose draft?' };
    await writeDraft(getDraftStore('device'), keyFor(community), draft, Date.now() - 60_000);
    const el = await mount(community, 'alice');
    expect(field(el, 'title').value).to.equal('');
    el.closest('lc-community')!.remove();
    expect(await storedTitle(keyFor(community))).to.equal('Whose draft?');
    const none = await mount(community);
    expect(field(none, 'title').value).to.equal('Whose draft?');
  });
});
