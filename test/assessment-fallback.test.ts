import { expect } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';
import { answer, clearHash, mount, part, uniqueCommunity } from './support/assessment.js';

// Its own file (its own page): the page's answers store must meet a failing IndexedDB on first use.
describe('<lc-assessment> when IndexedDB fails', () => {
  afterEach(clearHash);

  it('keeps answers in memory and says so visibly', async () => {
    const original = indexedDB.open;
    (indexedDB as unknown as { open: unknown }).open = () => {
      throw new DOMException('blocked for the test', 'InvalidStateError');
    };
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const community = uniqueCommunity();
      const el = await mount({ community });
      await answer(el, 'trust', '1');
      await waitFor(() => part(el, 'notice'), 'the storage notice');
      expect(part(el, 'notice')!.textContent).to.equal(
        'Your answers cannot be kept on this device: keep this page open until you have sent them.',
      );
      expect(warnings.join('\n')).to.contain('<lc-assessment>: device storage is unavailable');
      el.closest('lc-community')!.remove();

      // The answers outlive the element in the page's memory.
      const again = await mount({ community, endpoint: '/collect' });
      expect(again.answers['trust']?.value).to.equal('1');
      expect(part(again, 'notice'), 'the notice shows from the start').to.exist;
      // On the review, beside the send button, the page says it once, not twice.
      again.goTo('review');
      await again.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      await again.updateComplete;
      const notices = [...again.shadowRoot!.querySelectorAll('[part~="notice"]')].filter(
        (n) => (n as HTMLElement).offsetParent !== null,
      );
      expect(
        notices.map((n) => n.textContent!.trim()),
        'one storage notice in view',
      ).to.have.length(1);
    } finally {
      (indexedDB as unknown as { open: unknown }).open = original;
      console.warn = warn;
    }
  });
});
