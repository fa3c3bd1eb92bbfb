// Criteria that fail to load for a passing cause (a server error) and are tried again 2 s later:
// the loading, error and retrying states of the elements that wait for them, in each built-in
// language, pass axe; the failure is announced once for the page (the community's alert), each
// element shows it in place without a second alert, and the questions come once the set is in.
// That they have come is said too, once, politely, by the community's live region (there, empty,
// since the first render): a screen reader user who heard the failure learns that the page works.
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import {
  captureConsoleErrors,
  collectorState,
  deepQueryAll,
  newBucket,
  release,
  setFaults,
  waitFor,
  countMessages,
} from './support/helpers.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };
const TAGS = ['lc-criterion-card', 'lc-self-rating', 'lc-assessment'] as const;
const LOCALES = ['en', 'da', 'de', 'ar'] as const;

const inner = (host: Element, tag: string) => host.querySelector(`:scope > ${tag}`)!.shadowRoot!;
const region = (host: Element) => host.shadowRoot!.querySelector<HTMLElement>('[part~="announcement"]')!;

describe('criteria tried again after a server error: loading, error and retry states', () => {
  it('pass axe in every language, with one alert for the page, and end with the questions', async () => {
    await captureConsoleErrors(async () => {
      // One community per language, all failing at once: one wait of 2 s for them all.
      const pages = await Promise.all(
        LOCALES.map(async (locale) => {
          const bucket = newBucket(`retry-${locale}`);
          // The first answer fails; the retry is held at the server until the test lets it go.
          await setFaults(bucket.name, [{ status: 503 }, { hold: true }]);
          const host = await fixture<Host>(
            html`<lc-community
              locale=${locale}
              criteria=${`/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`}
              community="retry"
              round="r1"
              storage="none"
            >
              <lc-criterion-card criterion="listening"><lc-self-rating></lc-self-rating></lc-criterion-card>
              <lc-self-rating criterion="listening"></lc-self-rating>
              <lc-assessment></lc-assessment>
            </lc-community>`,
          );
          return { locale, bucket, host, said: { count: 0 } };
        }),
      );
      for (const { locale, host } of pages) {
        await waitFor(() => host.shadowRoot!.querySelector('[part~="error"]'), `the failure (${locale})`);
        for (const tag of TAGS) await (host.querySelector(tag) as Host).updateComplete;
        const alert = host.shadowRoot!.querySelector('[part~="error"]')!;
        expect(alert.getAttribute('role'), locale).to.equal('alert');
        expect(alert.textContent, locale).to.contain('503');
        expect(deepQueryAll(host, '[role="alert"]'), `${locale}: the only alert`).to.have.length(1);
        for (const tag of TAGS) {
          const error = inner(host, tag).querySelector('[part~="error"]')!;
          expect(error.textContent, `${locale} ${tag}`).to.contain(
            coreMsg(locale, 'criteria.error', { problem: '' }).replace(/[:：]?\s*$/, ''),
          );
          expect(error.hasAttribute('role'), `${locale} ${tag}: said once, by the community`).to.be.false;
        }
        // The live region is there, empty, before it has anything to say.
        expect(region(host).getAttribute('role'), locale).to.equal('status');
        expect(region(host).textContent, locale).to.equal('');
        await expect(host).to.be.accessible();
      }
      for (const page of pages) page.said = countMessages(region(page.host));
      // Tried again: loading.
      for (const { locale, bucket, host } of pages) {
        await waitFor(async () => (await collectorState(bucket.name)).served === 2, `the retry (${locale})`, 5000);
        await waitFor(() => !host.shadowRoot!.querySelector('[part~="error"]'), `the retry under way (${locale})`);
        for (const tag of TAGS) await (host.querySelector(tag) as Host).updateComplete;
        const loading = inner(host, 'lc-assessment').querySelector('[part~="loading"]')!;
        expect(loading.textContent!.trim(), locale).to.equal(coreMsg(locale, 'criteria.loading'));
        await expect(host).to.be.accessible();
      }
      // Loaded: the questions, and nothing of the failure left.
      for (const { locale, bucket, host, said } of pages) {
        await release(bucket.name);
        await waitFor(() => inner(host, 'lc-assessment').querySelector('[part~="question"]'), `the set (${locale})`);
        for (const tag of TAGS) await (host.querySelector(tag) as Host).updateComplete;
        for (const tag of TAGS) {
          expect(inner(host, tag).querySelector('[part~="error"], [part~="loading"]'), `${locale} ${tag}`).to.equal(
            null,
          );
        }
        // Said, in the page's language, once, by the community alone.
        const loaded = coreMsg(locale, 'criteria.loaded');
        await waitFor(() => region(host).textContent === loaded, `"${loaded}" said (${locale})`);
        expect(region(host).querySelector('span')!.lang, locale).to.equal(locale);
        expect(said.count, `${locale}: said once`).to.equal(1);
        for (const tag of TAGS) expect(inner(host, tag).textContent, `${locale} ${tag}`).to.not.contain(loaded);
        expect(document.querySelector('[data-lc-announcements]'), 'no region of the page besides').to.equal(null);
        await expect(host).to.be.accessible();
      }
    });
  });

  it("with its elements in the page's modal dialog (the rest inert): said at the end of that dialog", async () => {
    const bucket = newBucket('retry-dialog');
    await setFaults(bucket.name, [{ status: 503 }]);
    await captureConsoleErrors(async () => {
      const host = await fixture<Host>(
        html`<lc-community
          criteria=${`/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`}
          community="retry"
          round="r1"
          storage="none"
          ><main>The portal</main>
          <dialog aria-label="Rate us"><lc-self-rating criterion="listening"></lc-self-rating></dialog
        ></lc-community>`,
      );
      const dialog = host.querySelector('dialog')!;
      dialog.showModal();
      try {
        await waitFor(() => host.shadowRoot!.querySelector('[part~="error"]'), 'the failure');
        const inDialog = () => dialog.querySelector<HTMLElement>('[data-lc-announcements]');
        await waitFor(() => inDialog()?.textContent === 'The criteria have loaded.', 'said in the dialog', 8000);
        expect(inDialog()!.getAttribute('role')).to.equal('status');
        expect(region(host).textContent, 'not in the inert region behind').to.equal('');
      } finally {
        dialog.close();
      }
    });
  });

  it('says nothing when the set loads at the first try', async () => {
    const bucket = newBucket('first-try');
    const host = await fixture<Host>(
      html`<lc-community
        locale="da"
        criteria=${`/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`}
        community="retry"
        round="r1"
        storage="none"
      >
        <lc-assessment></lc-assessment>
      </lc-community>`,
    );
    const said = countMessages(region(host));
    await waitFor(() => inner(host, 'lc-assessment').querySelector('[part~="question"]'), 'the set');
    await (host.querySelector('lc-assessment') as Host).updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(region(host).textContent).to.equal('');
    expect(said.count).to.equal(0);
  });
});
