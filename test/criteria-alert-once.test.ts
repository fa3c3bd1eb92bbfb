// The built-in criteria text of a language is one file for the whole page: when the server fails it
// (a 503), every element waiting for it shows the criteria error in place, but a screen reader hears
// it once. The first element to show it says it (role="alert"), through the tries that fail again;
// every other one, in a community or outside any, shows the same text without an alert. A page of
// twelve cards, an assessment and a few ratings raised one alert each before. What they show and
// say is a sentence in the page's language, not the browser's words with the file's URL, which the
// console has: once for each failure, not once per element. (Its own page: nothing may have loaded
// the Danish, German or English text yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import { captureConsoleErrors, deepQueryAll, waitFor } from './support/helpers.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };

/** The start of the criteria error in `locale` ("Kriterierne kunne ikke hentes"), without its problem. */
const criteriaError = (locale: string) => coreMsg(locale, 'criteria.error', { problem: '' }).replace(/[:：]?\s*$/, '');

/** The alerts of the whole page that say the criteria error. */
const criteriaAlerts = (locale: string) =>
  deepQueryAll(document, '[role="alert"]').filter((alert) => alert.textContent!.includes(criteriaError(locale)));

/** The console lines that say the content in `lang` failed to load. */
const contentFailures = (errors: string[], lang: string) =>
  errors.filter((e) => e.includes(`the ${lang} content could not be loaded`));

/** What an element shows as its error ('' for none). */
const shownError = (element: Element) => element.shadowRoot?.querySelector('[part~="error"]')?.textContent ?? '';

/** The requests the page made for files whose URL holds `match`. */
const requests = (match: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(match)).length;

/** The next `times` loads by this page of a file whose path holds `match` fail with a 503. */
async function failNext(match: string, times: number): Promise<void> {
  await executeServerCommand('lc-fail-file', { match, times });
}

/** Twelve cards (a rating inside every third), an assessment, in a community in `locale`. */
function community(locale: string): string {
  const cards = Array.from({ length: 12 }, (_, i) =>
    i % 3
      ? '<lc-criterion-card criterion="trust"></lc-criterion-card>'
      : '<lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>',
  );
  return `<lc-community locale="${locale}" community="once" round="r1" storage="none">
    ${cards.join('')}<lc-assessment></lc-assessment>
  </lc-community>`;
}

/** A few ratings of a portal, outside any community, in `locale`. */
function standalone(locale: string): string {
  return Array.from(
    { length: 3 },
    () => `<lc-self-rating criterion="trust" locale="${locale}" endpoint="/__lc/collect/once"></lc-self-rating>`,
  ).join('');
}

/** The elements that show the criteria error themselves (not a rating inside a card: its card shows it). */
const showing = (host: Element) => [
  ...host.querySelectorAll<Host>('lc-criterion-card, lc-assessment, :not(lc-criterion-card) > lc-self-rating'),
];

describe('built-in criteria text that fails to load, on a page of many elements', () => {
  before(async () => {
    await executeServerCommand('lc-cache', { enabled: false });
    const files = ['community', 'criterion-card', 'self-rating', 'assessment'].map(
      (name) => `/dist/cdn/elements/${name}.js`,
    );
    await Promise.all(files.map((file) => import(/* @vite-ignore */ file)));
  });

  // A failure a failing test left unspent is not the next test file's (the runner reuses the page).
  after(() => executeServerCommand('lc-fail-file', { clear: true }));

  it('is one alert for the page in Danish, through a try that fails again, each element showing it', async () => {
    // The first load and the try 2 s later both fail.
    await failNext('common-criteria.da-', 2);
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      host.innerHTML = `${community('da')}${standalone('da')}`;
      document.body.append(host);
      const elements = showing(host);
      expect(elements, 'twelve cards, an assessment, three ratings').to.have.length(16);
      await waitFor(() => elements.every((e) => shownError(e).includes(criteriaError('da'))), 'the criteria error');
      await Promise.all(elements.map((e) => e.updateComplete));
      const alerts = criteriaAlerts('da');
      expect(alerts, 'one alert for the page').to.have.length(1);
      const sayer = (alert: Element) => elements.indexOf((alert.getRootNode() as ShadowRoot).host as Host);
      const saying = alerts[0]!;
      const first = sayer(saying);
      expect(first, 'said by one of the elements').to.be.at.least(0);
      for (const element of elements) {
        const error = element.shadowRoot!.querySelector('[part~="error"]')!;
        expect(error.textContent, `${element.localName}: the sentence alone`).to.equal(
          coreMsg('da', 'criteria.unavailable'),
        );
        if (error !== saying) expect(error.hasAttribute('role'), `${element.localName}: shown, not said`).to.be.false;
      }
      // A rating inside a card leaves the error to its card.
      for (const rating of host.querySelectorAll('lc-criterion-card > lc-self-rating')) {
        expect(rating.shadowRoot!.querySelector('[part~="error"]'), 'nested rating').to.equal(null);
      }
      await expect(host).to.be.accessible();
      // Tried again 2 s later, and failed again: still said by the same one element.
      await waitFor(() => requests('common-criteria.da-') >= 2, 'the retry', 5000);
      // Its failure handled (the console has said it) a moment after its answer came.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await waitFor(() => elements.every((e) => shownError(e).includes(criteriaError('da'))), 'the second failure');
      await Promise.all(elements.map((e) => e.updateComplete));
      const again = criteriaAlerts('da');
      expect(again, 'still one alert for the page').to.have.length(1);
      expect(sayer(again[0]!), 'said by the same element').to.equal(first);
      await expect(host).to.be.accessible();
    });
    host.remove();
    // Once for each failure (the first load, the try 2 s later), each naming the file as the page
    // loads it: not `…js#retry-1`, the name it was tried again under.
    const logged = contentFailures(errors, 'da');
    expect(logged, errors.join('\n')).to.have.length(2);
    for (const line of logged) {
      expect(line).to.match(/common-criteria\.da-[\w-]+\.js\)$/);
      expect(line).not.to.contain('#retry');
    }
  });

  it('is one alert for the page in German, and none once the text has loaded', async () => {
    await failNext('common-criteria.de-', 1);
    const host = document.createElement('div');
    const errors = await captureConsoleErrors(async () => {
      host.innerHTML = `${community('de')}${standalone('de')}`;
      document.body.append(host);
      const elements = showing(host);
      await waitFor(() => elements.every((e) => shownError(e).includes(criteriaError('de'))), 'the criteria error');
      await Promise.all(elements.map((e) => e.updateComplete));
      expect(criteriaAlerts('de'), 'one alert for the page').to.have.length(1);
      await expect(host).to.be.accessible();
      const cards = [...host.querySelectorAll<Host>('lc-criterion-card')];
      await waitFor(
        () => cards.every((c) => c.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim() === 'Vertrauen'),
        'the criteria, tried again',
        8000,
      );
      await Promise.all(elements.map((e) => e.updateComplete));
      for (const element of elements) expect(shownError(element), element.localName).to.equal('');
      expect(deepQueryAll(document, '[role="alert"]')).to.have.length(0);
      await expect(host).to.be.accessible();
    });
    host.remove();
    const logged = contentFailures(errors, 'de');
    expect(logged, 'once for the page, not once per element').to.have.length(1);
    expect(logged[0]).to.match(/common-criteria\.de-[\w-]+\.js\)$/);
  });

  it('is one alert for the page when an English and an Arabic community wait for the same file', async () => {
    await failNext('common-criteria.en-', 1);
    const host = document.createElement('div');
    await captureConsoleErrors(async () => {
      host.innerHTML = `${community('en')}${community('ar')}`;
      document.body.append(host);
      const [en, ar] = [...host.querySelectorAll('lc-community')].map(showing);
      // Arabic has no criteria text of its own: the English, said in an Arabic sentence.
      await waitFor(() => en!.every((e) => shownError(e).includes(criteriaError('en'))), 'the error in English');
      await waitFor(() => ar!.every((e) => shownError(e).includes(criteriaError('ar'))), 'the error in Arabic');
      await Promise.all([...en!, ...ar!].map((e) => e.updateComplete));
      const alerts = deepQueryAll(document, '[role="alert"]');
      expect(alerts, 'one alert for the page').to.have.length(1);
      const said = alerts[0]!.textContent!;
      expect(said.includes(criteriaError('en')) || said.includes(criteriaError('ar')), said).to.be.true;
      await expect(host).to.be.accessible();
    });
    host.remove();
  });
});
