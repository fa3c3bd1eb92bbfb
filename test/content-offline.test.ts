// The criteria content and the translations load on demand: when their files cannot load, a card
// shows the criteria error in place (in English, marked so, when its strings are missing too) and
// names it in the console, does not try again on every update, and tries again once the browser
// is back online. (Its own page: nothing may have loaded these files yet. `npm run build` makes
// dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { captureConsoleErrors, goOfflineFor, waitFor, waitForOnline } from './support/helpers.js';

type Card = HTMLElement & { updateComplete: Promise<unknown>; requestUpdate(): void };

/** What the card shows: its error, title and the language its text is marked with. */
const seen = (card: Card) => {
  const root = card.shadowRoot!;
  return {
    error: root.querySelector('[part~="error"]')?.textContent?.trim(),
    title: root.querySelector('[part~="title"]')?.textContent?.trim(),
    loading: root.querySelector('[part~="loading"]') !== null,
    lang: root.querySelector('[part~="base"]')?.getAttribute('lang'),
  };
};

/** Mounts `markup` while the browser is offline; returns the card, what it showed then, and the console errors. */
async function mountOffline(markup: string) {
  const host = document.createElement('div');
  let offline: ReturnType<typeof seen> | undefined;
  let requests = 0;
  const errors = await captureConsoleErrors(async () => {
    await goOfflineFor(1500);
    host.innerHTML = markup;
    document.body.append(host);
    const card = host.querySelector<Card>('lc-criterion-card')!;
    // Offline, the page cannot report to the runner: nothing is asserted until it is back.
    await card.updateComplete;
    offline = seen(card);
    // Not tried again on the next updates (no loop of requests, no flicker back to "loading").
    const before = performance.getEntriesByType('resource').length;
    card.requestUpdate();
    await card.updateComplete;
    card.requestUpdate();
    await new Promise((r) => setTimeout(r, 200));
    requests = performance.getEntriesByType('resource').length - before;
    await waitForOnline();
  });
  return { host, card: host.querySelector<Card>('lc-criterion-card')!, offline: offline!, errors, requests };
}

describe('criteria content that cannot load', () => {
  before(async () => {
    // Other test pages may have left the files in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
    const file: string = '/dist/cdn/elements/criterion-card.js';
    await import(/* @vite-ignore */ file);
  });

  it('shows the criteria error and logs it once, then shows the criterion when back online', async () => {
    const { host, card, offline, errors, requests } = await mountOffline(
      '<lc-criterion-card criterion="trust"></lc-criterion-card>',
    );
    try {
      expect(offline.error, 'the criteria error shown').to.contain('The criteria could not be loaded');
      expect(offline.title, 'no criterion shown').to.equal(undefined);
      expect(offline.loading, 'not loading any more').to.be.false;
      expect(requests, 'no request on the next updates').to.equal(0);
      const logged = errors.filter((e) =>
        e.includes('[lc-elements] <lc-criterion-card>: the en content could not be loaded'),
      );
      expect(logged, errors.join('\n')).to.have.length(1);
      // Back online: tried again, once.
      await waitFor(() => seen(card).title, 'the criterion once back online');
      expect(seen(card).error, 'the error gone').to.equal(undefined);
      expect(seen(card).title).to.equal('Trust');
    } finally {
      host.remove();
    }
  });

  it('in Danish: English text marked lang="en" while the translation is missing, Danish once back online', async () => {
    const { host, card, offline, errors } = await mountOffline(
      '<lc-criterion-card criterion="trust" locale="da"></lc-criterion-card>',
    );
    try {
      expect(offline.error, 'the criteria error, in English').to.contain('The criteria could not be loaded');
      expect(offline.lang, 'the English text says so').to.equal('en');
      expect(errors.join('\n')).to.match(/the da strings could not be loaded, English is shown instead/);
      await waitFor(() => seen(card).title, 'the criterion once back online');
      await waitFor(() => seen(card).lang === 'da', 'the Danish strings once back online');
      expect(seen(card).title).to.equal('Tillid');
      expect(seen(card).error).to.equal(undefined);
    } finally {
      host.remove();
    }
  });
});
