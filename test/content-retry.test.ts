// The criteria text of a language is a file of its own: when the server fails it once (a 503, a
// request dropped while the browser stays online), a card shows the criteria error, then tries the
// file again a moment later, without waiting for the browser to go offline and back. That it has
// loaded is then said, politely and once for the page (by the `<lc-community>` around, or outside
// one by a live region of the page's), in the page's language: a screen reader user who heard the
// failure learns that the page works. An element's strings in a language are a file too, tried
// again on the same schedule: the element is English meanwhile, not for the rest of the visit.
// (Its own page: nothing may have loaded the Danish, German or Arabic text yet. `npm run build`
// makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { captureConsoleErrors, countMessages, waitFor } from './support/helpers.js';

type Card = HTMLElement & { updateComplete: Promise<unknown> };

const pageRegion = () => document.querySelector<HTMLElement>('[data-lc-announcements]');

describe('criteria text that a server fails once', () => {
  before(async () => {
    await executeServerCommand('lc-cache', { enabled: false });
    const card: string = '/dist/cdn/elements/criterion-card.js';
    const community: string = '/dist/cdn/elements/community.js';
    const rating: string = '/dist/cdn/elements/self-rating.js';
    await Promise.all([card, community, rating].map((file) => import(/* @vite-ignore */ file)));
  });

  // A failure a failing test left unspent is not the next test file's (the runner reuses the page).
  after(() => executeServerCommand('lc-fail-file', { clear: true }));

  it('is tried again soon while online, and the card then shows its criterion, which the page says', async () => {
    await executeServerCommand('lc-fail-file', { match: 'common-criteria.da-', times: 1 });
    const host = document.createElement('div');
    let region: HTMLElement | null = null;
    const errors = await captureConsoleErrors(async () => {
      host.innerHTML = '<lc-criterion-card criterion="trust" locale="da"></lc-criterion-card>';
      document.body.append(host);
      const card = host.querySelector<Card>('lc-criterion-card')!;
      await waitFor(() => card.shadowRoot?.querySelector('[part~="error"]'), 'the criteria error');
      expect(navigator.onLine, 'the browser stays online').to.equal(true);
      // Outside any community: the page's region, there, empty, before it has anything to say.
      region = pageRegion();
      expect(region, "the page's live region").to.not.equal(null);
      expect(region!.getAttribute('role')).to.equal('status');
      expect(region!.textContent).to.equal('');
      const said = countMessages(region!);
      await waitFor(
        () => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim(),
        'the criterion, tried again',
        8000,
      );
      expect(card.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim()).to.equal('Tillid');
      await waitFor(() => region!.textContent === 'Kriterierne er hentet.', 'the recovery said');
      expect(region!.querySelector('span')!.lang).to.equal('da');
      expect(said.count, 'said once').to.equal(1);
      await expect(region).to.be.accessible();
    });
    host.remove();
    region!.remove();
    expect(errors.some((e) => e.includes('the da content could not be loaded'))).to.equal(true);
  });

  it('is said once for a page of cards, by their community, in its language', async () => {
    await executeServerCommand('lc-fail-file', { match: 'common-criteria.de-', times: 1 });
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      const cards = Array.from({ length: 30 }, () => '<lc-criterion-card criterion="trust"></lc-criterion-card>');
      host.innerHTML = `<lc-community locale="de" community="retry" round="r1" storage="none">${cards.join('')}</lc-community>`;
      document.body.append(host);
      const community = host.querySelector('lc-community')!;
      const all = [...host.querySelectorAll<Card>('lc-criterion-card')];
      await waitFor(() => all.every((c) => c.shadowRoot?.querySelector('[part~="error"]')), 'the criteria error');
      const region = community.shadowRoot!.querySelector<HTMLElement>('[part~="announcement"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.textContent).to.equal('');
      const said = countMessages(region);
      await waitFor(
        () => all.every((c) => c.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim() === 'Vertrauen'),
        'the criteria, tried again',
        8000,
      );
      await Promise.all(all.map((c) => c.updateComplete));
      await waitFor(() => region.textContent === 'Die Kriterien sind geladen.', 'the recovery said');
      expect(region.querySelector('span')!.lang).to.equal('de');
      expect(said.count, 'said once, not once per card').to.equal(1);
      for (const card of all) expect(card.shadowRoot!.textContent).to.not.contain('Die Kriterien sind geladen.');
      expect(pageRegion(), 'said in the community, not in a region of the page besides').to.equal(null);
      await expect(community).to.be.accessible();
    });
    host.remove();
    expect(errors.some((e) => e.includes('the de content could not be loaded'))).to.equal(true);
  });

  it("inside a page's modal dialog (the rest of the page inert): said by a region in that dialog", async () => {
    await executeServerCommand('lc-fail-file', { match: 'common-criteria.en-', times: 1 });
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', 'Rate us');
    document.body.append(dialog);
    dialog.showModal();
    const errors = await captureConsoleErrors(async () => {
      dialog.innerHTML = '<lc-criterion-card criterion="trust" locale="en"></lc-criterion-card>';
      const card = dialog.querySelector<Card>('lc-criterion-card')!;
      await waitFor(() => card.shadowRoot?.querySelector('[part~="error"]'), 'the criteria error');
      const region = dialog.querySelector<HTMLElement>('[data-lc-announcements]');
      expect(region, 'a region in the dialog, where it is heard').to.not.equal(null);
      expect(region!.getAttribute('role')).to.equal('status');
      expect(region!.textContent).to.equal('');
      await waitFor(
        () => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim(),
        'the criterion, tried again',
        8000,
      );
      await waitFor(() => region!.textContent === 'The criteria have loaded.', 'the recovery said');
    });
    dialog.close();
    dialog.remove();
    expect(errors.some((e) => e.includes('the en content could not be loaded'))).to.equal(true);
  });

  it("an element's strings are tried again soon too, once for the page, and the element then shows its language", async () => {
    // The ratings' own Arabic strings (not the shared ones, `core-strings.ar-`), on a portal
    // outside any community.
    const file = 'chunks/strings.ar-';
    await executeServerCommand('lc-fail-file', { match: file, times: 1 });
    const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes(file));
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      host.innerHTML = Array.from(
        { length: 5 },
        () => '<lc-self-rating criterion="trust" locale="ar" endpoint="/__lc/collect/retry"></lc-self-rating>',
      ).join('');
      document.body.append(host);
      const ratings = [...host.querySelectorAll<Card>('lc-self-rating')];
      const base = (rating: Card) => rating.shadowRoot?.querySelector('[part~="base"]');
      await waitFor(() => ratings.every((r) => base(r)?.getAttribute('lang') === 'en'), 'English, marked so');
      expect(navigator.onLine, 'the browser stays online').to.equal(true);
      expect(requests(), 'asked for once').to.have.length(1);
      await waitFor(
        () => ratings.every((r) => base(r)?.getAttribute('lang') === 'ar'),
        'the Arabic strings, tried again',
        8000,
      );
      for (const rating of ratings) expect(base(rating)!.getAttribute('dir')).to.equal('rtl');
      expect(requests(), 'asked for again once for the page, not once per rating').to.have.length(2);
      await expect(host).to.be.accessible();
    });
    host.remove();
    const logged = errors.filter((e) => e.includes('the ar strings could not be loaded'));
    expect(logged, errors.join('\n')).to.have.length(1);
  });
});
