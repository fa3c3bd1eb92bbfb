import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/reflection-journal/define.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { waitFor } from './support/helpers.js';

// This file runs in its own page: IndexedDB is blocked before anything opens it, as in a browser
// that refuses storage (private mode, a policy, a full disk).
describe('<lc-reflection-journal> when IndexedDB fails', () => {
  const warn = console.warn;
  const warnings: string[] = [];

  before(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('IndexedDB is blocked for this test', 'InvalidStateError');
    };
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });

  after(() => {
    console.warn = warn;
    // IndexedDB stays blocked until the page goes away: restoring it would let the outbox's
    // `pagehide` handler create its database while the page is torn down, which leaves that
    // database blocked for the other test pages of this origin.
  });

  async function mount(): Promise<LcReflectionJournal> {
    const wrapper = await fixture(
      html`<lc-community community="blocked" round="r1"
        ><lc-reflection-journal criterion="trust"></lc-reflection-journal
      ></lc-community>`,
    );
    const el = wrapper.querySelector('lc-reflection-journal')!;
    await el.updateComplete;
    return el;
  }

  it('keeps the draft in memory, says so visibly, and still restores it while the page is open', async () => {
    const el = await mount();
    const title = el.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    title.value = 'Kept in memory';
    title.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const notice = (await waitFor(() => el.shadowRoot!.querySelector('[part="notice"]'), 'the storage notice'))!;
    expect(notice.textContent).to.contain('Drafts cannot be kept on this device');
    expect(notice.closest('[role="status"]')).to.exist;
    expect((notice as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);
    expect(warnings.some((w) => w.includes('device storage is unavailable'))).to.be.true;
    await expect(el).to.be.accessible();

    el.closest('lc-community')!.remove();
    const again = await mount();
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value).to.equal('Kept in memory');
    expect(again.shadowRoot!.querySelector('[part="notice"]')).to.exist;
  });
});
