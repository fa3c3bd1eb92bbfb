// The English criteria content loads on demand too: when its file cannot load, a card shows the
// criteria error in place and names it in the console, and does not try again on every update.
// (Its own page: nothing may have loaded the English content yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsoleErrors, goOfflineFor, waitForOnline } from './support/helpers.js';

describe('criteria content that cannot load', () => {
  it('shows the criteria error and logs it', async () => {
    // Other test pages may have left the files in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
    const file: string = '/dist/cdn/elements/criterion-card.js';
    await import(/* @vite-ignore */ file);
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(1500);
      host.innerHTML = '<lc-criterion-card criterion="trust"></lc-criterion-card>';
      document.body.append(host);
      // Offline, the page cannot report to the runner: nothing is asserted until it is back.
      await (host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await waitForOnline();
    });
    try {
      const card = host.querySelector('lc-criterion-card')!;
      const error = card.shadowRoot!.querySelector('[part~="error"]');
      expect(error, 'the criteria error shown').to.exist;
      expect(error!.textContent).to.contain('The criteria could not be loaded');
      expect(card.shadowRoot!.querySelector('[part~="title"]'), 'no criterion shown').to.equal(null);
      expect(card.shadowRoot!.querySelector('[part~="loading"]'), 'not loading any more').to.equal(null);
      const logged = errors.filter((e) =>
        e.includes('[lc-elements] <lc-criterion-card>: the en content could not be loaded'),
      );
      expect(logged, errors.join('\n')).to.have.length(1);
      // Not tried again on the next update (no loop of requests, no flicker back to "loading").
      (card as HTMLElement & { requestUpdate(): void }).requestUpdate();
      await new Promise((r) => setTimeout(r, 200));
      expect(card.shadowRoot!.querySelector('[part~="error"]')).to.exist;
    } finally {
      host.remove();
    }
  });
});
