// The drop-in loader on a flaky network: an element whose file cannot load while the browser is
// offline is reported in the console and loaded once the connection is back, without a reload.
// (Its own page: the elements must not be defined yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsoleErrors, goOfflineFor, waitForOnline } from './support/helpers.js';

describe('the drop-in loader offline', () => {
  it('loads an element that appeared while offline once the browser is online again', async () => {
    const loader = '/dist/cdn/lc-elements.min.js';
    // Other test pages may have left the element files in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
    await import(/* @vite-ignore */ loader);
    expect(customElements.get('lc-results')).to.equal(undefined);
    const host = document.createElement('div');
    let definedWhileOffline = true;
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(1500);
      host.innerHTML = '<lc-results></lc-results>';
      document.body.append(host);
      // The loader tries at once (it watches the document), and fails: the browser is offline.
      // (Nothing is asserted until the page is online again: offline, it cannot report to the runner.)
      await new Promise((r) => setTimeout(r, 300));
      definedWhileOffline = customElements.get('lc-results') !== undefined;
      await waitForOnline();
      await customElements.whenDefined('lc-results');
    });
    try {
      expect(definedWhileOffline, 'not loadable while offline').to.equal(false);
      expect(errors.join(' ')).to.match(/\[lc-elements\] <lc-results> could not be loaded, trying again later/);
      const results = host.querySelector('lc-results') as HTMLElement & { updateComplete: Promise<unknown> };
      await results.updateComplete;
      expect(results.shadowRoot!.childElementCount).to.be.greaterThan(0);
    } finally {
      host.remove();
    }
  });
});
