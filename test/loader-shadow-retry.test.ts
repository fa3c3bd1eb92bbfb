// The drop-in loader, for an element inside a host's own shadow root (found with discover(root)):
// when its file cannot load, it is tried again there too (after a delay, and when the browser
// comes back online), not only in the document. (Its own page: the element must not be defined yet.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsoleErrors, goOfflineFor, waitForOnline } from './support/helpers.js';

describe('the drop-in loader, in a shadow root', () => {
  it('loads an element discovered in a shadow root while offline once the browser is online again', async () => {
    const loader = '/dist/cdn/lc-elements.min.js';
    // Other test pages may have left the element files in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
    const { discover } = (await import(/* @vite-ignore */ loader)) as { discover: (root: ParentNode) => void };
    expect(customElements.get('lc-reflection-journal')).to.equal(undefined);
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<lc-reflection-journal></lc-reflection-journal>';
    document.body.append(host);
    let definedWhileOffline = true;
    const errors = await captureConsoleErrors(async () => {
      await goOfflineFor(1500);
      // The host asks the loader to look in its shadow root (the loader cannot see into it alone).
      discover(root);
      await new Promise((r) => setTimeout(r, 300));
      definedWhileOffline = customElements.get('lc-reflection-journal') !== undefined;
      await waitForOnline();
      await customElements.whenDefined('lc-reflection-journal');
    });
    try {
      expect(definedWhileOffline, 'not loadable while offline').to.equal(false);
      expect(errors.join(' ')).to.match(/<lc-reflection-journal> could not be loaded, trying again later/);
      const journal = root.querySelector('lc-reflection-journal') as HTMLElement & { updateComplete: Promise<unknown> };
      await journal.updateComplete;
      expect(journal.shadowRoot!.childElementCount).to.be.greaterThan(0);
    } finally {
      host.remove();
    }
  });
});
