// The criteria text of a language is a file of its own: when the server fails it once (a 503, a
// request dropped while the browser stays online), a card shows the criteria error, then tries the
// file again a moment later, without waiting for the browser to go offline and back. (Its own page:
// nothing may have loaded the Danish text yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

type Card = HTMLElement & { updateComplete: Promise<unknown> };

describe('criteria text that a server fails once', () => {
  before(async () => {
    await executeServerCommand('lc-cache', { enabled: false });
    const file: string = '/dist/cdn/elements/criterion-card.js';
    await import(/* @vite-ignore */ file);
  });

  it('is tried again soon while online, and the card then shows its criterion', async () => {
    await fetch('/__lc/fail-file', {
      method: 'POST',
      body: JSON.stringify({ match: 'common-criteria.da-', times: 1 }),
    });
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      host.innerHTML = '<lc-criterion-card criterion="trust" locale="da"></lc-criterion-card>';
      document.body.append(host);
      const card = host.querySelector<Card>('lc-criterion-card')!;
      await waitFor(() => card.shadowRoot?.querySelector('[part~="error"]'), 'the criteria error');
      expect(navigator.onLine, 'the browser stays online').to.equal(true);
      await waitFor(
        () => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim(),
        'the criterion, tried again',
        8000,
      );
      expect(card.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Tillid');
    });
    host.remove();
    expect(errors.some((e) => e.includes('the da content could not be loaded'))).to.equal(true);
  });
});
