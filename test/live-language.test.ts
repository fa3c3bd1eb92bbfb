// A status said in English while an element's strings were late is not said again when they
// arrive: its live region's text changes language, and a screen reader would hear the same news
// twice. A screen reader is told of the text changes made while the region is live, as Chromium
// sees it when it sends its accessibility tree: each test watches the region's text changes with the
// region's `aria-live` at that moment, and asks Chromium for the region's politeness.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../src/components/reflection-journal/define.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import { strings as journalStrings } from '../src/components/reflection-journal/strings.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { strings } from '../src/components/self-rating/strings.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import type { LocaleTable, StringTable, SupportedLocale } from '../src/core/i18n/i18n.js';
import { liveRegion } from '../src/core/live-region.js';
import { axLiveRegions, newBucket, waitFor } from './support/helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Makes an element's `lang` strings (the rating's unless told) wait for the returned function before they start loading. */
function holdStrings(
  lang: SupportedLocale,
  table: Pick<LocaleTable<StringTable>, 'load'> = strings,
): { release: () => void } {
  const load = table.load;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  table.load = (l) => (l === lang ? gate.then(() => load(l)) : load(l));
  return {
    release: () => {
      table.load = load;
      release();
    },
  };
}

/**
 * The text changes of `region`, each with whether the region was live when it was made: its
 * `aria-live` replayed from the records in their order, not read when the observer runs.
 */
function watchRegion(region: HTMLElement): { live: string[]; off: string[]; stop: () => void } {
  const seen = { live: [] as string[], off: [] as string[] };
  let live = region.getAttribute('aria-live');
  const observer = new MutationObserver((records) => {
    records.forEach((record, i) => {
      if (record.type === 'attributes') {
        if (record.target !== region) return;
        const next = records
          .slice(i + 1)
          .find((r) => r.type === 'attributes' && r.target === region && r.attributeName === 'aria-live');
        live = next ? next.oldValue : region.getAttribute('aria-live');
        return;
      }
      seen[live === 'off' ? 'off' : 'live'].push(region.textContent!.trim());
    });
  });
  observer.observe(region, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-live'],
    attributeOldValue: true,
  });
  return { ...seen, stop: () => observer.disconnect() };
}

/** The politeness Chromium gives the live region whose text is `text` (null: not live). */
async function chromiumLive(text: string): Promise<string | null> {
  const regions = await axLiveRegions();
  const region = regions.find((r) => r.text.trim() === text);
  expect(region, `a live region saying "${text}" in ${JSON.stringify(regions)}`).to.exist;
  return region!.live;
}

describe('a status is not announced again when only its language changes', () => {
  it('<lc-self-rating>: "sent" said in English is not said again in Danish when the late strings arrive; the next state is', async () => {
    expect(strings.loaded.da, 'nothing on this page has loaded the Danish rating strings yet').to.equal(undefined);
    const bucket = newBucket('late-lang');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" locale="en" endpoint=${bucket.endpoint} value="2"></lc-self-rating>`,
    );
    part(el, 'submit')!.click();
    await waitFor(() => el.submissionState === 'sent', 'the answer sent');
    await el.updateComplete;
    const status = part(el, 'status')!;
    expect(status.textContent!.trim()).to.equal(coreMsg('en', 'submit.sent'));

    // Danish asked for while its strings are held beyond the wait: the rating stays English, and says so.
    const held = holdStrings('da');
    try {
      el.locale = 'da';
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    } catch (error) {
      held.release();
      throw error;
    }
    const watch = watchRegion(status);
    held.release();
    await waitFor(() => part(el, 'base')!.getAttribute('lang') === 'da', 'the Danish strings');
    await el.updateComplete;
    const danish = coreMsg('da', 'submit.sent');
    expect(status.textContent!.trim()).to.equal(danish);
    expect(watch.off, 'the status changed language while silent').to.not.be.empty;
    expect(watch.live, 'no change of the status while it was live').to.deep.equal([]);
    // What Chromium tells a screen reader: the Danish text in a region that is not live.
    expect(await chromiumLive(danish)).to.equal(null);

    // Live again afterwards, and a real change of state is announced.
    await waitFor(() => !status.hasAttribute('aria-live'), 'the status live again');
    expect(await chromiumLive(danish)).to.equal('polite');
    part(el, 'submit')!.click(); // "Change my answer"
    await waitFor(() => el.submissionState === 'idle', 'editable again');
    part(el, 'submit')!.click();
    await waitFor(() => el.submissionState === 'sent', 'sent again');
    await el.updateComplete;
    watch.stop();
    expect(watch.live.length, 'the new states were said').to.be.greaterThan(0);
    expect(watch.live.at(-1)).to.equal(danish);
  });

  describe('an alert (implicitly assertive)', () => {
    class AlertProbe extends LitElement {
      static override properties = { text: {}, langTag: {}, meaning: {} };
      declare text: string;
      declare langTag: string;
      declare meaning: string;
      constructor() {
        super();
        this.text = 'The results could not be loaded.';
        this.langTag = 'en';
        this.meaning = 'load-failed';
      }
      override render() {
        return html`<div role="alert" ${liveRegion({ lang: this.langTag, meaning: this.meaning })}>${this.text}</div>`;
      }
    }
    customElements.define('test-alert-probe', AlertProbe);

    it('is silent while its text changes language, and says a new error at once, even while silent', async () => {
      const el = await fixture<AlertProbe>(html`<test-alert-probe></test-alert-probe>`);
      const alert = el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;
      expect(await chromiumLive('The results could not be loaded.')).to.equal('assertive');
      const watch = watchRegion(alert);

      Object.assign(el, { text: 'Resultaterne kunne ikke hentes.', langTag: 'da' });
      await el.updateComplete;
      expect(watch.live).to.deep.equal([]);
      expect(watch.off).to.deep.equal(['Resultaterne kunne ikke hentes.']);
      // aria-live="off" silences the alert in Chromium's tree: its role stays (a new alert would be said).
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(await chromiumLive('Resultaterne kunne ikke hentes.')).to.equal(null);

      // A new error before the quiet time is over: said, as an alert.
      Object.assign(el, { text: 'Forbindelsen blev afbrudt.', meaning: 'offline' });
      await el.updateComplete;
      expect(watch.live).to.deep.equal(['Forbindelsen blev afbrudt.']);
      expect(alert.hasAttribute('aria-live')).to.equal(false);
      expect(await chromiumLive('Forbindelsen blev afbrudt.')).to.equal('assertive');

      // Back in English, the same error: silent, then an alert again once the quiet time is over.
      Object.assign(el, { text: 'The connection was lost.', langTag: 'en' });
      await el.updateComplete;
      expect(watch.live).to.have.length(1);
      await waitFor(() => !alert.hasAttribute('aria-live'), 'the alert live again');
      expect(await chromiumLive('The connection was lost.')).to.equal('assertive');
      watch.stop();
    });
  });
});

describe('a configuration problem is not announced again when only its language changes', () => {
  /**
   * Switches `el` to `lang` while its strings (`table`) are held: it stays English, then changes
   * language when they are released, with its alert watched from just before.
   */
  async function lateLanguage(
    el: LcSelfRating | LcReflectionJournal,
    lang: SupportedLocale,
    table: Pick<LocaleTable<StringTable>, 'load'>,
    alert: HTMLElement,
  ) {
    const held = holdStrings(lang, table);
    try {
      el.locale = lang;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('en');
    } catch (error) {
      held.release();
      throw error;
    }
    const watch = watchRegion(alert);
    held.release();
    await waitFor(() => el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang') === lang, `the ${lang} strings`);
    await el.updateComplete;
    return watch;
  }

  it('<lc-self-rating>: a problem shown in English is not said again in German; a new problem is said', async () => {
    expect(strings.loaded.de, 'nothing on this page has loaded the German rating strings yet').to.equal(undefined);
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" locale="en" endpoint="javascript:void(0)"></lc-self-rating>`,
    );
    const alert = part(el, 'error')!;
    const english = alert.textContent!.trim();
    expect(english).to.contain(coreMsg('en', 'config.error', { problem: '' }).trim());
    expect(await chromiumLive(english)).to.equal('assertive');

    const watch = await lateLanguage(el, 'de', strings, alert);
    const german = alert.textContent!.trim();
    expect(german).to.contain(coreMsg('de', 'config.error', { problem: '' }).trim());
    expect(part(el, 'error'), 'the same alert, its text changed').to.equal(alert);
    expect(watch.off, 'the alert changed language while silent').to.not.be.empty;
    expect(watch.live, 'no change of the alert while it was live').to.deep.equal([]);
    expect(await chromiumLive(german)).to.equal(null);

    // Another problem, while the alert is still silent: said at once.
    el.setAttribute('endpoint', 'ftp://example.org/answers');
    await el.updateComplete;
    watch.stop();
    expect(watch.live, 'the new problem said').to.have.length(1);
    expect(watch.live[0]).to.contain('ftp');
    expect(await chromiumLive(alert.textContent!.trim())).to.equal('assertive');
  });

  it('<lc-reflection-journal>: a problem shown in English is not said again in Danish; a new problem is said', async () => {
    expect(journalStrings.loaded.da, 'nothing on this page has loaded the Danish journal strings yet').to.equal(
      undefined,
    );
    const el = await fixture<LcReflectionJournal>(
      html`<lc-reflection-journal criterion="trust" locale="en" endpoint="javascript:void(0)"></lc-reflection-journal>`,
    );
    const alert = part(el, 'error')!;
    const english = alert.textContent!.trim();
    expect(english).to.contain(coreMsg('en', 'config.error', { problem: '' }).trim());

    const watch = await lateLanguage(el, 'da', journalStrings, alert);
    const danish = alert.textContent!.trim();
    expect(danish).to.contain(coreMsg('da', 'config.error', { problem: '' }).trim());
    expect(part(el, 'error'), 'the same alert, its text changed').to.equal(alert);
    expect(watch.off, 'the alert changed language while silent').to.not.be.empty;
    expect(watch.live, 'no change of the alert while it was live').to.deep.equal([]);
    expect(await chromiumLive(danish)).to.equal(null);

    // Live again afterwards, and another problem is said.
    await waitFor(() => !alert.hasAttribute('aria-live'), 'the alert live again');
    expect(await chromiumLive(danish)).to.equal('assertive');
    el.setAttribute('heading-level', '9');
    await el.updateComplete;
    watch.stop();
    // Two problems now, listed: several changes of the text, each while the alert is live.
    expect(watch.live, 'the new problem said').to.not.be.empty;
    expect(watch.live.at(-1)).to.contain('heading-level');
  });
});
