// Under storage="none" the journal shows nothing the device kept: a draft an earlier visit with the
// default storage left (the last person's at a kiosk) is not shown, even when the journal read it
// before its community said "none" (the community's script loaded after the journal's, as the
// drop-in loader may load them; or its storage set a moment later), not even until the page's
// memory has been read. Its own page: <lc-community> is not defined here until the first test
// defines it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/reflection-journal/define.js';
import { draftKey, emptyDraft, localDate, writeDraft } from '../src/components/reflection-journal/drafts.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { getDraftStore } from '../src/core/draft-store.js';
import { waitFor } from './support/helpers.js';

type Community = HTMLElement & { storage?: string; updateComplete: Promise<unknown> };

const uniqueKey = () => `none-${Math.random().toString(36).slice(2)}`;
const title = (el: LcReflectionJournal) => el.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
const draftStatus = (el: LcReflectionJournal) =>
  el.shadowRoot!.querySelector('[part="draft-status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const KEPT = 'The last visitor’s reflection';

/** Keeps a draft on the device under `key` (a `draft-key`), as an earlier visit with the default storage did. */
async function keptByEarlierVisit(key: string) {
  const stored = draftKey({ draftKey: key, community: '', round: '' });
  await writeDraft(getDraftStore('device'), stored, { ...emptyDraft(localDate()), title: KEPT }, Date.now() - 60_000);
  const record = await getDraftStore('device').get(stored);
  expect(record, 'the draft kept on the device').to.exist;
  return { stored, record };
}

/** Records the title each render of `el` shows from now on. */
function watchTitles(el: LcReflectionJournal): string[] {
  const seen: string[] = [];
  const journal = el as unknown as { updated: (changed: Map<PropertyKey, unknown>) => void };
  const updated = journal.updated.bind(el);
  journal.updated = (changed) => {
    seen.push(title(el).value);
    updated(changed);
  };
  return seen;
}

describe('<lc-reflection-journal> under storage="none"', () => {
  it('shows an empty form, not the draft the device kept, when its community is defined after it', async () => {
    expect(customElements.get('lc-community')).to.equal(undefined);
    const key = uniqueKey();
    const { stored, record } = await keptByEarlierVisit(key);
    const root = await fixture<Community>(
      html`<lc-community storage="none"
        ><lc-reflection-journal draft-key=${key}></lc-reflection-journal
      ></lc-community>`,
    );
    const el = root.querySelector<LcReflectionJournal>('lc-reflection-journal')!;
    // Read from the device while the community was not yet defined (the default storage).
    await waitFor(() => title(el).value === KEPT, 'the device’s draft read');
    const titles = watchTitles(el);
    await import('../src/components/community/define.js');
    await waitFor(() => customElements.get('lc-community'), 'the community defined');
    await root.updateComplete;
    await el.updateComplete;
    expect(titles, 'renders after the switch').to.not.be.empty;
    expect(titles, 'the device’s draft never shown after the switch').to.not.include(KEPT);
    expect(title(el).value).to.equal('');
    // Still not, once the page's memory has been read.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(title(el).value).to.equal('');
    expect(titles).to.not.include(KEPT);
    expect(draftStatus(el), 'no "restored" notice').to.not.match(/restored/i);
    // Nor written over or deleted: it is the device's, for a page with the default storage.
    expect(await getDraftStore('device').get(stored)).to.deep.equal(record);
  });

  it('shows an empty form once its community’s storage is set to "none"', async () => {
    const key = uniqueKey();
    await keptByEarlierVisit(key);
    const root = await fixture<Community>(
      html`<lc-community><lc-reflection-journal draft-key=${key}></lc-reflection-journal></lc-community>`,
    );
    const el = root.querySelector<LcReflectionJournal>('lc-reflection-journal')!;
    await waitFor(() => title(el).value === KEPT, 'the device’s draft, under the default storage');
    const titles = watchTitles(el);
    root.storage = 'none';
    await root.updateComplete;
    await el.updateComplete;
    expect(titles, 'renders after the switch').to.not.be.empty;
    expect(titles, 'the device’s draft never shown after the switch').to.not.include(KEPT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(title(el).value).to.equal('');
    expect(draftStatus(el), 'no "restored" notice').to.not.match(/restored/i);
  });

  it('keeps what the person typed in the device’s draft when storage turns out to be "none"', async () => {
    const key = uniqueKey();
    await keptByEarlierVisit(key);
    const root = await fixture<Community>(
      html`<lc-community><lc-reflection-journal draft-key=${key}></lc-reflection-journal></lc-community>`,
    );
    const el = root.querySelector<LcReflectionJournal>('lc-reflection-journal')!;
    await waitFor(() => title(el).value === KEPT, 'the device’s draft, under the default storage');
    title(el).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ', continued' });
    await el.updateComplete;
    root.storage = 'none';
    await root.updateComplete;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(title(el).value).to.equal(`${KEPT}, continued`);
  });
});
