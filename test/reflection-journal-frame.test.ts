import { expect } from '@open-wc/testing';
import { getDraftStore } from '../src/components/reflection-journal/drafts.js';
import { getOutbox } from '../src/core/outbox.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { waitFor } from './support/helpers.js';

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
});
