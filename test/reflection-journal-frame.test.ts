import { expect } from '@open-wc/testing';
import {
  draftToData,
  emptyDraft,
  getDraftStore,
  localDate,
  writeDraft,
} from '../src/components/reflection-journal/drafts.js';
import { buildEnvelope } from '../src/core/build-envelope.js';
import { getOutbox } from '../src/core/outbox.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';

// Real page loads: the journal lives in an iframe whose page is loaded, written in, and reloaded.
describe('<lc-reflection-journal> across page loads', () => {
  let frame: HTMLIFrameElement;
  let readies = 0;
  const onMessage = (e: MessageEvent) => {
    if (e.data?.source === 'journal-frame' && e.data.type === 'ready') readies += 1;
  };

  before(async () => {
    // Each unloading frame's outbox reads its store on `pagehide`. Were that read the first, it
    // would create the database while the frame is torn down, which can leave the database
    // blocked for every page of this origin; so it is created here, in a page that stays.
    await getOutbox('device').pending();
  });

  beforeEach(() => {
    readies = 0;
    window.addEventListener('message', onMessage);
    frame = document.createElement('iframe');
    document.body.append(frame);
  });

  afterEach(() => {
    window.removeEventListener('message', onMessage);
    frame.remove();
  });

  async function load(query: string, loads: number): Promise<LcReflectionJournal> {
    if (loads === 1) frame.src = `/test/fixtures/journal-frame.html?${query}`;
    else frame.contentWindow!.location.reload();
    await waitFor(() => readies === loads, `page load ${loads}`, 15_000);
    return frame.contentDocument!.querySelector('lc-reflection-journal')!;
  }

  function type(journal: LcReflectionJournal, id: string, value: string) {
    const field = journal.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }

  const status = (journal: LcReflectionJournal) =>
    journal.shadowRoot!.querySelector('[part="draft-status"]')!.textContent!.replace(/\s+/g, ' ').trim();

  it('restores a saved draft after a reload, and says so', async () => {
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=frame-a`;
    let journal = await load(query, 1);
    expect(status(journal)).to.equal('');
    type(journal, 'title', 'Written before the reload');
    type(journal, 'concluded', 'First line\nSecond line');
    await waitFor(
      async () =>
        ((await getDraftStore('device').get(`draft:${key}`)) as { draft?: { concluded?: string } })?.draft?.concluded,
      'the draft to be saved',
    );

    journal = await load(query, 2);
    const field = (id: string) => journal.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.value;
    expect(field('title')).to.equal('Written before the reload');
    expect(field('concluded')).to.equal('First line\nSecond line');
    expect(status(journal)).to.match(/^Your draft from .+ has been restored\.$/);
  });

  it('loses nothing typed just before the page goes away (saved on pagehide)', async () => {
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=frame-b`;
    let journal = await load(query, 1);
    type(journal, 'title', 'Typed and gone');
    // No pause for the debounced save: the reload comes at once.
    journal = await load(query, 2);
    expect(journal.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value).to.equal('Typed and gone');
  });

  it('keeps the draft on the device as it is typed, not after a pause that steady typing never makes', async () => {
    // A save begun on `pagehide` does not always finish before Chromium tears the page down (QA:
    // 2 reloads of 6 lost a first draft typed without a pause); what was typed must already be stored.
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const journal = await load(`key=${key}&community=frame-c`, 1);
    const stored = async () =>
      ((await getDraftStore('device').get(`draft:${key}`)) as { draft?: { title?: string } } | undefined)?.draft?.title;
    const words = 'Typed steadily, a key every fifty milliseconds, never pausing'.split('');
    let typed = '';
    const seen: string[] = [];
    for (const [i, letter] of words.entries()) {
      typed += letter;
      type(journal, 'title', typed);
      await new Promise((r) => setTimeout(r, 50));
      if (i % 10 === 9) seen.push((await stored()) ?? '');
    }
    // Each look, taken while the typing went on, found the title as typed up to a moment before.
    expect(seen.length).to.equal(6);
    for (const [i, title] of seen.entries()) {
      expect(title.length, `look ${i + 1}: "${title}"`).to.be.at.least((i + 1) * 10 - 2);
      expect(typed.startsWith(title)).to.be.true;
    }
    await waitFor(async () => (await stored()) === typed, 'the whole title stored');
  });

  it('after a reload, an entry still waiting shows as waiting, and its refusal is shown, logged and kept', async () => {
    const bucket = newBucket('rjf');
    // The server is busy (for the send, the keepalive try on leaving, and the next load's try).
    const busy = { status: 503, retryAfter: 600 };
    await setFaults(bucket.name, [busy, busy, busy, busy]);
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=frame-c&endpoint=${encodeURIComponent(bucket.endpoint)}`;
    let journal = await load(query, 1);
    const part = (selector: string) => journal.shadowRoot!.querySelector<HTMLElement>(selector)!;
    const text = (selector: string) => (part(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    type(journal, 'title', 'Waiting entry');
    type(journal, 'practised', 'Text that must survive the reload');
    await journal.updateComplete;
    part('[part="submit"]').click();
    await waitFor(() => text('[part="status"]').startsWith('Saved.'), 'the queued state');
    expect(text('[part="entry"]')).to.contain('Waiting to be sent');

    journal = await load(query, 2);
    await waitFor(() => text('[part="status"]').startsWith('Saved.'), 'the queued state after the reload');
    expect(part('[part="status"]').getAttribute('role')).to.equal('status');
    expect(text('[part="entry"] [part="heading"]')).to.equal('Waiting entry');
    const badges = [...journal.shadowRoot!.querySelectorAll('[part="entry"] [part~="badge"]')].map((b) =>
      b.textContent!.trim(),
    );
    expect(badges).to.deep.equal(['Sent from this browser', 'Waiting to be sent']);
    expect(journal.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value).to.equal('');

    // Refused now: said in the status, logged, and its text back in the (empty) form.
    await setFaults(bucket.name, [{ status: 422, message: 'this round is closed' }]);
    const win = frame.contentWindow! as Window & typeof globalThis;
    const errors: string[] = [];
    win.console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    win.dispatchEvent(new Event('online'));
    await waitFor(() => text('[part="status"]').startsWith('Not accepted'), 'the refusal after the reload');
    expect(text('[part="status"]')).to.equal(
      'Not accepted: this round is closed. Your entry is kept; you can change it and send it again.',
    );
    expect(errors.some((e) => e.includes('was rejected: this round is closed'))).to.be.true;
    expect(journal.shadowRoot!.querySelector('[part="entry"]'), 'no longer listed as sent').to.equal(null);
    expect(journal.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value).to.equal('Waiting entry');
    expect(journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#practised')!.value).to.equal(
      'Text that must survive the reload',
    );
    await waitFor(
      async () =>
        ((await getDraftStore('device').get(`draft:${key}`)) as { draft?: { practised?: string } })?.draft
          ?.practised === 'Text that must survive the reload',
      'the text kept as the draft',
    );
    expect((await collectorState(bucket.name)).records).to.have.length(0);
  });

  const storedDraft = async (key: string) => getDraftStore('device').get(`draft:${key}`);
  const texts = (journal: LcReflectionJournal, selector: string) =>
    [...journal.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

  it('after a reload, with the community written decomposed: its waiting entry is its own, and sent once', async () => {
    // "århus" with its "å" as an "a" and a combining ring (as macOS may paste it): the entry is
    // sent with the name composed, and the journal of the next load still knows it for its own.
    const bucket = newBucket('rjf');
    const busy = { status: 503, retryAfter: 600 };
    await setFaults(bucket.name, [busy, busy, busy, busy]);
    const composed = `\u00e5rhus-${Math.random().toString(36).slice(2)}`;
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = new URLSearchParams({ key, community: composed.normalize('NFD'), endpoint: bucket.endpoint });
    let journal = await load(String(query), 1);
    const part = (selector: string) => journal.shadowRoot!.querySelector<HTMLElement>(selector)!;
    const text = (selector: string) => (part(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    type(journal, 'title', 'Decomposed evening');
    type(journal, 'practised', 'Sent once, counted once');
    await journal.updateComplete;
    part('[part="submit"]').click();
    await waitFor(() => text('[part="status"]').startsWith('Saved.'), 'the queued state');

    journal = await load(String(query), 2);
    await waitFor(() => text('[part="status"]').startsWith('Saved.'), 'the queued state after the reload');
    expect(texts(journal, '[part="entry"] [part="heading"]')).to.deep.equal(['Decomposed evening']);
    await setFaults(bucket.name, []);
    frame.contentWindow!.dispatchEvent(new Event('online'));
    await waitFor(() => text('[part="status"]').includes('has been sent'), 'the delivery after the reload');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r['community'])).to.deep.equal([composed]);
    expect((frame.contentWindow as Window & { told: string[] }).told).to.deep.equal([records[0]!['id']]);
  });

  it('reloaded while the first send is still out: listed as waiting, not restored as a draft, stored once', async () => {
    const bucket = newBucket('rjf');
    // The first attempt hangs past the reload; the next load's attempt is slow, then answered.
    await setFaults(bucket.name, [{ stallMs: 12_000 }, { stallMs: 1500 }]);
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const query = `key=${key}&community=frame-d&endpoint=${encodeURIComponent(bucket.endpoint)}`;
    let journal = await load(query, 1);
    const value = (id: string) => journal.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.value;
    const statusText = () => texts(journal, '[part="status"]')[0];
    type(journal, 'title', 'Sent on a slow line');
    type(journal, 'practised', 'Written once, to be stored once');
    await journal.updateComplete;
    journal.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.click();
    await waitFor(async () => (await collectorState(bucket.name)).requests.length === 1, 'the first attempt to hang');
    expect(statusText()).to.equal('Sending…');

    // The page goes away while the answer is still out (the outbox holds the entry).
    journal = await load(query, 2);
    expect(value('title'), 'the sent text is not a draft again').to.equal('');
    expect(value('practised')).to.equal('');
    expect(status(journal)).to.not.contain('restored');
    expect(await storedDraft(key)).to.equal(undefined);
    await waitFor(
      () => texts(journal, '[part="entry"] [part~="badge"]').includes('Waiting to be sent'),
      'the entry listed as waiting',
    );
    expect(texts(journal, '[part="entry"] [part="heading"]')).to.deep.equal(['Sent on a slow line']);

    await waitFor(() => statusText()?.includes('has been sent'), 'the delivery after the reload');
    expect(texts(journal, '[part="entry"] [part~="badge"]')).to.deep.equal(['Sent from this browser']);
    // Nothing left to send a second time.
    journal.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.click();
    await journal.updateComplete;
    expect(texts(journal, '[part="field-error"]')).to.include('Give the entry a title.');
    const { records, requests } = await collectorState(bucket.name);
    expect(records.map((r) => (r['data'] as { title: string }).title)).to.deep.equal(['Sent on a slow line']);
    expect(new Set(requests.map((r) => r.id)).size).to.equal(1);
  });

  it('closed just after the outbox took the entry (the draft still stored): the outbox wins, not the draft', async () => {
    const bucket = newBucket('rjf');
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    const key = `frame-${Math.random().toString(36).slice(2)}`;
    const community = 'frame-e';
    // What the device holds when the page closed between the outbox's write and the journal's own:
    // the entry in the outbox, its text still saved as the draft, not yet listed as sent.
    const draft = { ...emptyDraft(localDate()), title: 'Queued, then the tab closed', practised: 'Once only.' };
    await writeDraft(getDraftStore('device'), `draft:${key}`, draft, Date.now() - 60_000);
    const envelope = buildEnvelope(
      'journal-entry',
      { community, round: 'r1', criteriaSet: { id: 'common-criteria', version: '1.0.0' }, locale: 'en' },
      draftToData(draft),
    );
    await getOutbox('device').submit(new URL(bucket.endpoint, location.href).href, envelope);

    const journal = await load(`key=${key}&community=${community}&endpoint=${encodeURIComponent(bucket.endpoint)}`, 1);
    expect(journal.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value).to.equal('');
    expect(status(journal)).to.not.contain('restored');
    expect(texts(journal, '[part="entry"] [part="heading"]')).to.deep.equal(['Queued, then the tab closed']);
    await waitFor(async () => (await storedDraft(key)) === undefined, 'the draft of the entry sent deleted');
    await waitFor(() => texts(journal, '[part="status"]')[0]?.includes('has been sent'), 'the delivery');
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal([envelope.id]);
  });
});
