// Translations load on demand: a page pays only for the languages it shows. The first render in
// another language waits for its strings (no flash of English), a change of language renders the
// new one, and a translation that cannot load leaves English in place with a console message, and
// is tried again soon (a server error while online) and when the browser is back online.
import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import '../src/components/self-rating/define.js';
import { CommunityController } from '../src/core/community-controller.js';
import { coreMsg, coreStrings } from '../src/core/i18n/core-strings.js';
import { localeTable, translator } from '../src/core/i18n/i18n.js';
import { strings as ratingStrings } from '../src/components/self-rating/strings.js';
import { mount } from './self-rating-support.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

/** Records the text of each render. */
class RenderLog extends LcSelfRating {
  renders: string[] = [];
  protected override updated(): void {
    super.updated();
    this.renders.push(this.shadowRoot!.textContent!.replace(/\s+/g, ' '));
  }
}
customElements.define('test-render-log', RenderLog);

describe('translations on demand', () => {
  it('starts with English only and loads a language when an element first shows it', async () => {
    // Nothing in this page has asked for German yet.
    expect(coreStrings.loaded.de).to.equal(undefined);
    expect(ratingStrings.loaded.de).to.equal(undefined);
    const el = await mount<RenderLog>(html`<test-render-log criterion="trust" locale="de"></test-render-log>`);
    expect(coreStrings.loaded.de).to.be.an('object');
    expect(ratingStrings.loaded.de).to.be.an('object');
    // The very first render is German: the element waited for the strings.
    expect(el.renders[0]).to.contain(coreStrings.loaded.de!['scale.0.label']);
    for (const text of el.renders) expect(text).not.to.contain(coreStrings.en['scale.0.label']);
  });

  it('renders in a new language once its strings are in, by the next updateComplete', async () => {
    const el = await mount<RenderLog>(html`<test-render-log criterion="trust" locale="en"></test-render-log>`);
    expect(el.renders.at(-1)).to.contain(coreStrings.en['scale.0.label']);
    el.locale = 'ar';
    await el.updateComplete;
    expect(el.renders.at(-1)).to.contain(coreStrings.loaded.ar!['scale.0.label']);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('shows the language of a new place when moved under another lang', async () => {
    const host = await mount<HTMLDivElement>(
      html`<div>
        <section lang="de"><test-render-log criterion="trust"></test-render-log></section>
        <section lang="ar"></section>
      </div>`,
    );
    const el = host.querySelector<RenderLog>('test-render-log')!;
    await el.updateComplete;
    expect(el.renders.at(-1)).to.contain(coreStrings.loaded.de!['scale.0.label']);
    host.querySelector('[lang="ar"]')!.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(el.renders.at(-1)).to.contain(coreStrings.loaded.ar!['scale.0.label']);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('shows English and says so when a translation cannot load', async () => {
    const table = localeTable(
      { hello: 'Hello' },
      {
        da: () => Promise.reject(new Error('network down')),
        de: () => Promise.resolve({ default: { hello: 'Hallo' } }),
        ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
      },
    );
    const t = translator(table);
    const errors = await captureConsoleErrors(async () => {
      await table.load('da');
    });
    expect(errors.join(' ')).to.match(/\[lc-elements\] the da strings could not be loaded.*network down/);
    expect(table.load('da'), 'no retry loop').to.equal(undefined);
    expect(t('da', 'hello')).to.equal('Hello');
    expect(table.load('en')).to.equal(undefined);
    await table.load('de');
    expect(t('de-AT', 'hello')).to.equal('Hallo');
    expect(t('de', 'hello', undefined, { hello: 'Servus' })).to.equal('Servus');
  });

  it('renders in English, marked so, while a translation stalls, and in its language once it arrives', async () => {
    let arrive: ((m: { default: { hello: string } }) => void) | undefined;
    const stalling = localeTable(
      { hello: 'Hello' },
      {
        da: () => new Promise((resolve) => (arrive = resolve)),
        de: () => Promise.resolve({ default: { hello: 'Hallo' } }),
        ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
      },
    );
    const t = translator(stalling);
    class StallProbe extends LitElement {
      readonly community = new CommunityController(this, () => ({}), { strings: [stalling] });
      protected override scheduleUpdate(): void | Promise<unknown> {
        return this.community.whenStringsReady(() => super.scheduleUpdate());
      }
      override render() {
        return html`<p lang=${this.community.langTag}>${t(this.community.locale, 'hello')}</p>`;
      }
    }
    customElements.define('test-stall-probe', StallProbe);
    const host = document.createElement('div');
    host.lang = 'da';
    const probe = document.createElement('test-stall-probe') as StallProbe;
    host.append(probe);
    document.body.append(host);
    try {
      // Rendered after a few seconds without the stalled file, not never.
      await probe.updateComplete;
      const p = () => probe.shadowRoot!.querySelector('p')!;
      expect(arrive, 'the translation was asked for').to.be.a('function');
      expect(p().textContent).to.equal('Hello');
      expect(p().getAttribute('lang'), 'English, and says so').to.equal('en');
      // Waited for once: the next updates are not held up by the file that is still late.
      probe.requestUpdate();
      const next = await Promise.race([
        probe.updateComplete.then(() => 'rendered'),
        new Promise((resolve) => setTimeout(() => resolve('held up'), 1500)),
      ]);
      expect(next).to.equal('rendered');
      arrive!({ default: { hello: 'Hej' } });
      await waitFor(() => p().textContent === 'Hej', 'the translation once it arrives');
      expect(p().getAttribute('lang')).to.equal('da');
    } finally {
      host.remove();
    }
  });

  it('shows every string in English, not some, while one of its tables failed to load', async () => {
    // The shared strings load in Danish; the element's own fail (a flaky connection).
    const failing = localeTable(
      { hello: 'Hello' },
      {
        da: () => Promise.reject(new Error('connection reset')),
        de: () => Promise.resolve({ default: { hello: 'Hallo' } }),
        ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
      },
    );
    const t = translator(failing);
    class MixProbe extends LitElement {
      readonly community = new CommunityController(this, () => ({}), { strings: [failing] });
      protected override scheduleUpdate(): void | Promise<unknown> {
        return this.community.whenStringsReady(() => super.scheduleUpdate());
      }
      override render() {
        const locale = this.community.locale;
        return html`<p lang=${this.community.langTag}>${t(locale, 'hello')} ${coreMsg(locale, 'scale.0.label')}</p>`;
      }
    }
    customElements.define('test-mix-probe', MixProbe);
    const host = document.createElement('div');
    host.lang = 'da';
    const probe = document.createElement('test-mix-probe') as MixProbe;
    host.append(probe);
    const errors = await captureConsoleErrors(async () => {
      document.body.append(host);
      await probe.updateComplete;
    });
    try {
      expect(errors.join(' ')).to.match(/the da strings could not be loaded.*connection reset/);
      expect(coreStrings.loaded.da, 'the shared strings are in Danish').to.be.an('object');
      const p = probe.shadowRoot!.querySelector('p')!;
      expect(p.textContent).to.equal(`Hello ${coreStrings.en['scale.0.label']}`);
      expect(p.getAttribute('lang')).to.equal('en');
      // What the person asked for is still known: it is what a submission says.
      expect(probe.community.requestedLocale).to.equal('da');
      expect(probe.community.envelopeContext().locale).to.equal('da');
    } finally {
      host.remove();
    }
  });

  it('tries a translation that failed again once asked to (back online, or its next try is due)', async () => {
    let fail = true;
    const table = localeTable(
      { hello: 'Hello' },
      {
        da: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ default: { hello: 'Hej' } })),
        de: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ default: { hello: 'Hallo' } })),
        ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
      },
    );
    await captureConsoleErrors(async () => {
      await Promise.all([table.load('da'), table.load('de')]);
    });
    expect(table.load('da'), 'not tried again on its own').to.equal(undefined);
    fail = false;
    // One language's file: the other is tried on its own schedule.
    table.retry('de');
    expect(table.load('da') === undefined, 'Danish not tried again with German').to.equal(true);
    await table.load('de');
    table.retry();
    await table.load('da');
    expect(translator(table)('da', 'hello')).to.equal('Hej');
    expect(translator(table)('de', 'hello')).to.equal('Hallo');
  });

  it('tries a translation that failed again soon, once for the page, and its elements then show it', async () => {
    let calls = 0;
    const flaky = localeTable(
      { hello: 'Hello' },
      {
        // A server error the first time, the file the next.
        da: () =>
          ++calls === 1 ? Promise.reject(new Error('HTTP 503')) : Promise.resolve({ default: { hello: 'Hej' } }),
        de: () => Promise.resolve({ default: { hello: 'Hallo' } }),
        ar: () => Promise.resolve({ default: { hello: 'مرحبا' } }),
      },
    );
    const t = translator(flaky);
    class FlakyProbe extends LitElement {
      readonly community = new CommunityController(this, () => ({}), { strings: [flaky] });
      protected override scheduleUpdate(): void | Promise<unknown> {
        return this.community.whenStringsReady(() => super.scheduleUpdate());
      }
      override render() {
        return html`<p lang=${this.community.langTag}>${t(this.community.locale, 'hello')}</p>`;
      }
    }
    customElements.define('test-flaky-probe', FlakyProbe);
    const host = document.createElement('div');
    host.lang = 'da';
    host.innerHTML = '<test-flaky-probe></test-flaky-probe>'.repeat(5);
    const probes = [...host.querySelectorAll<FlakyProbe>('test-flaky-probe')];
    const shown = () => probes.map((p) => p.shadowRoot?.querySelector('p')?.textContent);
    try {
      const errors = await captureConsoleErrors(async () => {
        document.body.append(host);
        await Promise.all(probes.map((p) => p.updateComplete));
        expect(shown(), 'English while it failed').to.deep.equal(Array(5).fill('Hello'));
        expect(navigator.onLine, 'the browser stays online').to.equal(true);
        await waitFor(() => shown().every((text) => text === 'Hej'), 'Danish, tried again', 5000);
      });
      expect(errors.filter((e) => e.includes('the da strings could not be loaded'))).to.have.length(1);
      expect(calls, 'asked for again once for the page, not once per element').to.equal(2);
      for (const p of probes) expect(p.shadowRoot!.querySelector('p')!.getAttribute('lang')).to.equal('da');
    } finally {
      host.remove();
    }
  });
});
