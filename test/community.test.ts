import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../src/components/community/define.js';
import { CommunityController } from '../src/core/community-controller.js';
import { LcCommunity } from '../src/components/community/lc-community.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, setOffline, waitFor } from './support/helpers.js';

class ProbeElement extends LitElement {
  community = new CommunityController(this, () => ({ locale: this.getAttribute('locale') ?? undefined }));
  override render() {
    return `${this.community.endpoint ?? ''}|${this.community.requestedLocale}|${this.community.criteriaSet?.id ?? ''}`;
  }
}
customElements.define('test-probe', ProbeElement);

describe('<lc-community>', () => {
  it('provides its configuration to a nested consumer, at any depth', async () => {
    const el = await fixture<LcCommunity>(
      html`<lc-community endpoint="/api/x" community="aarhus" round="2026-spring" locale="da"
        ><div>
          <section><test-probe></test-probe></section></div
      ></lc-community>`,
    );
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    // Resolved against the page: a queued submission keeps the URL it was made for.
    expect(probe.community.endpoint).to.equal(new URL('/api/x', document.baseURI).href);
    expect(probe.community.requestedLocale).to.equal('da');
    expect(probe.community.envelopeContext()).to.include({ community: 'aarhus', round: '2026-spring' });
  });

  it('lets go of its settings when an element is moved out of every community', async () => {
    const el = await fixture<HTMLElement>(
      html`<div lang="en">
        <lc-community endpoint="collect?c=da" community="aarhus" round="2026-spring" locale="da"
          ><test-probe></test-probe
        ></lc-community>
        <section></section>
      </div>`,
    );
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.community.endpoint).to.equal(new URL('collect?c=da', document.baseURI).href);
    expect(probe.community.requestedLocale).to.equal('da');

    el.querySelector('section')!.append(probe);
    await probe.updateComplete;
    expect(probe.community.endpoint, 'no endpoint of its own, none around it').to.equal(undefined);
    expect(probe.community.requestedLocale, 'the nearest lang').to.equal('en');
    expect(probe.community.envelopeContext().community).to.equal('default');
    expect(probe.shadowRoot!.textContent).to.equal('|en|common-criteria');

    // Into a community again: its settings.
    const other = document.createElement('lc-community');
    other.setAttribute('locale', 'de');
    other.setAttribute('endpoint', '/de');
    el.append(other);
    other.append(probe);
    await (other as LcCommunity).updateComplete;
    await probe.updateComplete;
    expect(probe.community.requestedLocale).to.equal('de');
    expect(probe.community.endpoint).to.equal(new URL('/de', document.baseURI).href);
  });

  it('inside another community, takes every setting it does not set itself from that one', async () => {
    const transport = async () => ({ outcome: 'delivered' as const });
    const outer = await fixture<LcCommunity>(
      html`<lc-community
        endpoint="/api/portal"
        community="aarhus"
        round="2026-spring"
        perspective="citizen"
        storage="none"
        criteria="/test/fixtures/criteria-small.json"
        .headers=${{ 'X-Portal': '1' }}
        .transport=${transport}
        ><lc-community round="2026-autumn" locale="de"><test-probe></test-probe></lc-community
      ></lc-community>`,
    );
    const inner = outer.querySelector<LcCommunity>('lc-community')!;
    const probe = outer.querySelector('test-probe') as ProbeElement;
    await waitFor(() => probe.community.criteriaSet?.id === 'north-district', 'the outer criteria set');
    // Its own round and language; the rest from the portal's community, storage="none" included.
    expect(probe.community.envelopeContext()).to.include({ community: 'aarhus', round: '2026-autumn' });
    expect(probe.community.requestedLocale).to.equal('de');
    expect(probe.community.endpoint).to.equal(new URL('/api/portal', document.baseURI).href);
    expect(probe.community.storage, 'never stores where the portal said not to').to.equal('none');
    expect(probe.community.community?.perspective).to.equal('citizen');
    expect(probe.community.community?.headers).to.deep.equal({ 'X-Portal': '1' });
    expect(probe.community.community?.transport).to.equal(transport);

    // A change around it reaches it; a setting of its own still wins.
    outer.round = '2027-spring';
    outer.endpoint = '/api/other';
    await outer.updateComplete;
    await inner.updateComplete;
    await probe.updateComplete;
    expect(probe.community.endpoint).to.equal(new URL('/api/other', document.baseURI).href);
    expect(probe.community.envelopeContext().round).to.equal('2026-autumn');
  });

  it('inside another community, reports a bad setting of its own rather than taking the outer one', async () => {
    const errors = await captureConsoleErrors(async () => {
      const outer = await fixture<LcCommunity>(
        html`<lc-community endpoint="/api/portal"
          ><lc-community endpoint="javascript:alert(1)"><test-probe></test-probe></lc-community
        ></lc-community>`,
      );
      const probe = outer.querySelector('test-probe') as ProbeElement;
      await probe.updateComplete;
      expect(probe.community.endpoint, 'withheld, not the portal’s').to.equal(undefined);
      const inner = outer.querySelector<LcCommunity>('lc-community')!;
      expect(inner.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('endpoint');
    });
    expect(errors.some((e) => e.includes('<lc-community> endpoint'))).to.be.true;
  });

  it('updates consumers when a setting changes', async () => {
    const el = await fixture<LcCommunity>(html`<lc-community endpoint="/a"><test-probe></test-probe></lc-community>`);
    const probe = el.querySelector('test-probe') as ProbeElement;
    el.endpoint = '/b';
    await el.updateComplete;
    await probe.updateComplete;
    expect(probe.community.endpoint).to.equal(new URL('/b', document.baseURI).href);
  });

  it('reports bad configuration in place and in the console, and still renders its children', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<LcCommunity>(
        html`<lc-community endpoint="javascript:alert(1)" storage="cloud" locale="not a locale!"
          ><test-probe></test-probe
        ></lc-community>`,
      );
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert).to.exist;
      expect(alert.textContent).to.contain('endpoint').and.contain('storage').and.contain('locale');
      expect(errors.some((e) => e.includes('<lc-community> endpoint'))).to.be.true;
      expect(errors.some((e) => e.includes('<lc-community> storage'))).to.be.true;
      const probe = el.querySelector('test-probe') as ProbeElement;
      await probe.updateComplete;
      // The bad endpoint is withheld, and an unknown storage policy falls back to storing nothing.
      expect(probe.community.endpoint).to.equal(undefined);
      expect(probe.community.storage).to.equal('none');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('marks a configuration problem, said in English for the developer, as English in another language', async () => {
    await captureConsoleErrors(async () => {
      // One problem: inside the Danish sentence. Several: the list under it.
      const one = await fixture<LcCommunity>(html`<lc-community locale="da" storage="cloud"></lc-community>`);
      const alert = one.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent!.trim()).to.match(/^Fejl i opsætningen: storage /);
      const quoted = alert.querySelector('[lang]')!;
      expect([quoted.getAttribute('lang'), quoted.getAttribute('dir')]).to.deep.equal(['en', null]);
      expect(quoted.textContent).to.match(/^storage /);
      await expect(one).to.be.accessible();

      const several = await fixture<LcCommunity>(
        html`<lc-community locale="ar" storage="cloud" endpoint="javascript:alert(1)"></lc-community>`,
      );
      // Shown in Arabic once its strings are in (what it holds is never held up for them).
      const list = await waitFor(
        () => several.shadowRoot!.querySelector('[role="alert"] ul'),
        'the problems, once the Arabic strings are in',
      );
      expect([list.getAttribute('lang'), list.getAttribute('dir')]).to.deep.equal(['en', 'ltr']);
      expect(list.textContent).to.contain('storage').and.contain('endpoint');
      await expect(several).to.be.accessible();

      const english = await fixture<LcCommunity>(html`<lc-community storage="cloud"></lc-community>`);
      expect(english.shadowRoot!.querySelector('[role="alert"] [lang]'), 'nothing to mark in English').to.equal(null);
    });
  });

  it('refuses a round or perspective longer than a submission may carry, and a bad header or credentials', async () => {
    let el!: LcCommunity;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcCommunity>(
        html`<lc-community round=${'r'.repeat(101)} perspective=${'p'.repeat(100)}
          ><test-probe></test-probe
        ></lc-community>`,
      );
      el.headers = { 'X-Key': 'ok', 'bad header': 'x' };
      el.credentials = 'always' as RequestCredentials;
      await el.updateComplete;
    });
    const text = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
    expect(text).to.contain('round').and.contain('is longer than 100 characters');
    expect(text).not.to.contain('perspective');
    expect(text).to.contain('bad header: is not a header name');
    expect(text).to.contain('credentials').and.contain('"omit", "same-origin" or "include"');
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    // A withheld round is not the outer one's, nor sent under the default that stands in for it
    // here (the submission controller sends nothing while it is not valid: submission.test.ts).
    expect(probe.community.envelopeContext().round).to.equal(String(new Date().getFullYear()));
    expect(probe.community.envelopeContext().perspective).to.equal('p'.repeat(100));
    expect(errors.some((e) => e.includes('<lc-community> round'))).to.equal(true);
  });

  it('refuses a header the browser would throw on or drop, and one the elements set, when the page loads', async () => {
    const bad: Array<[Record<string, string>, string]> = [
      [{ 'X-Key': 'Token 5€' }, 'X-Key: must be Latin-1 text on one line'],
      [{ 'X-Key': 'a\nb' }, 'X-Key: must be Latin-1 text on one line'],
      [{ 'X-Key': 'ok 😀' }, 'X-Key: must be Latin-1 text on one line'],
      [{ Cookie: 'session=1' }, 'Cookie: is set by the browser, not by a page'],
      [{ 'Sec-Fetch-Site': 'none' }, 'Sec-Fetch-Site: is set by the browser, not by a page'],
      [{ 'Content-Type': 'text/plain' }, 'Content-Type: is set by the elements'],
    ];
    for (const [headers, problem] of bad) {
      let el!: LcCommunity;
      const errors = await captureConsoleErrors(async () => {
        el = await fixture<LcCommunity>(html`<lc-community><test-probe></test-probe></lc-community>`);
        el.headers = headers;
        await el.updateComplete;
      });
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent, problem).to.contain(problem);
      expect(errors.join('\n'), problem).to.contain(`<lc-community> headers`);
      // Not used: the default transport never throws on every try for them.
      const probe = el.querySelector('test-probe') as ProbeElement;
      await probe.updateComplete;
      expect(probe.community.community?.headers, problem).to.deep.equal({});
    }
    // Only the headers at fault are left out, each named: an API key beside them is still sent.
    let mixed!: LcCommunity;
    const errors = await captureConsoleErrors(async () => {
      mixed = await fixture<LcCommunity>(html`<lc-community><test-probe></test-probe></lc-community>`);
      mixed.headers = { Authorization: 'Bearer abc', 'X-Portal-User': 'Søren – admin', Cookie: 'x=1' };
      await mixed.updateComplete;
    });
    const said = mixed.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
    expect(said).to.contain('X-Portal-User: must be Latin-1 text on one line');
    expect(said).to.contain('Cookie: is set by the browser, not by a page');
    expect(errors.join('\n')).to.contain('Cookie: is set by the browser');
    const probe = mixed.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.community.community?.headers).to.deep.equal({ Authorization: 'Bearer abc' });
    const fine = await fixture<LcCommunity>(html`<lc-community></lc-community>`);
    fine.headers = { Authorization: 'Bearer abc.def', 'X-Portal': 'Århus Kommune\tdk' };
    await fine.updateComplete;
    expect(fine.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('refuses a community, round or perspective a submission may not carry, when the page loads', async () => {
    const HIDDEN = (attribute: string) =>
      `${attribute} must not hold control characters or invisible characters (direction marks, zero-width spaces)`;
    const cases: Array<[string, string, string]> = [
      ['community', '\u202Eaarhus', HIDDEN('community')],
      ['perspective', '__proto__', 'perspective must not be "__proto__"'],
      ['round', '2026\u0000spring', HIDDEN('round')],
      ['perspective', 'citizen\u200F', HIDDEN('perspective')],
      ['community', 'aar\u200Bhus', HIDDEN('community')],
    ];
    for (const [attribute, value, problem] of cases) {
      let el!: LcCommunity;
      const errors = await captureConsoleErrors(async () => {
        el = await fixture<LcCommunity>(html`<lc-community><test-probe></test-probe></lc-community>`);
        el.setAttribute(attribute, value);
        await el.updateComplete;
      });
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent, problem).to.contain(problem);
      expect(errors.join('\n'), problem).to.contain(`<lc-community> ${attribute}`);
      const probe = el.querySelector('test-probe') as ProbeElement;
      await probe.updateComplete;
      // Withheld: a submission made meanwhile carries the default, not the bad value.
      expect(Object.values(probe.community.envelopeContext()), problem).not.to.include(value);
    }
  });

  it('validates an inline criteria set and names the path of each problem', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<LcCommunity>(html`<lc-community><test-probe></test-probe></lc-community>`);
      el.criteria = {
        id: 'mine',
        version: '1.0',
        locale: 'en',
        name: 'Mine',
        criteria: [{ id: 'x', title: '' }],
      } as never;
      await el.updateComplete;
      // The parser (zod) loads on demand: meanwhile the elements inside see the set as loading.
      const probe = el.querySelector('test-probe') as ProbeElement;
      expect(probe.community.criteriaLoading).to.equal(true);
      const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the criteria problems');
      const text = alert.textContent!;
      expect(probe.community.criteriaError).to.contain('criteria[0].title');
      expect(text).to.contain('criteria[0].title');
      expect(text).to.contain('criteria[0].question');
    } finally {
      console.error = original;
    }
  });

  it('tries a criteria set that failed for a passing cause again (a server error), and a 404 not', async () => {
    const bucket = newBucket('criteria');
    await setFaults(bucket.name, [{ status: 503 }]);
    const src = `/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`;
    await captureConsoleErrors(async () => {
      const el = await fixture<LcCommunity>(
        html`<lc-community criteria=${src}><test-probe></test-probe></lc-community>`,
      );
      const probe = el.querySelector('test-probe') as ProbeElement;
      await waitFor(() => probe.community.criteriaError, 'the 503 to be told');
      expect(probe.community.criteriaError).to.contain('answered HTTP 503');
      await waitFor(() => probe.community.criteriaSet?.id === 'north-district', 'the set, tried again', 8000);
      expect(probe.community.criteriaError).to.equal(undefined);
      expect((await collectorState(bucket.name)).served).to.equal(2);

      const missing = newBucket('criteria');
      await setFaults(missing.name, [{ status: 404 }]);
      el.criteria = `/__lc/serve/${missing.name}?file=test/fixtures/criteria-small.json`;
      await waitFor(() => probe.community.criteriaError, 'the 404 to be told');
      await new Promise((r) => setTimeout(r, 2500));
      expect((await collectorState(missing.name)).served, 'a 404 is not tried again').to.equal(1);
      expect(probe.community.criteriaError).to.contain('answered HTTP 404');
    });
  });

  it('tries a criteria set that could not be fetched offline again once back online', async () => {
    const bucket = newBucket('criteria');
    await captureConsoleErrors(async () => {
      const el = await fixture<LcCommunity>(html`<lc-community><test-probe></test-probe></lc-community>`);
      const probe = el.querySelector('test-probe') as ProbeElement;
      await setOffline(true);
      el.criteria = `/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`;
      await waitFor(() => probe.community.criteriaError, 'the failure to be told');
      expect(probe.community.criteriaError).to.contain('could not be fetched');
      await setOffline(false);
      await waitFor(() => probe.community.criteriaSet?.id === 'north-district', 'the set, once back online', 8000);
    });
  });

  it('resolves the locale from the nearest lang attribute when none is set', async () => {
    const el = await fixture(
      html`<div lang="de-AT">
        <lc-community><test-probe></test-probe></lc-community>
      </div>`,
    );
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.community.requestedLocale).to.equal('de-AT');
    expect(probe.community.lang).to.equal('de');
    probe.setAttribute('locale', 'ar');
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.community.dir).to.equal('rtl');
  });

  it("follows the page's lang, with one observer for the whole page however many elements", async () => {
    const observed: Node[] = [];
    const Original = window.MutationObserver;
    window.MutationObserver = class extends Original {
      override observe(target: Node, options?: MutationObserverInit) {
        if (options?.attributeFilter?.includes('lang')) observed.push(target);
        super.observe(target, options);
      }
    };
    const html0 = document.documentElement;
    const before = html0.getAttribute('lang');
    try {
      const el = await fixture(html`<div>${[0, 1, 2, 3, 4].map(() => html`<test-probe></test-probe>`)}</div>`);
      const probes = [...el.querySelectorAll<ProbeElement>('test-probe')];
      await Promise.all(probes.map((p) => p.updateComplete));
      expect(observed.length, 'one observer for the page').to.be.at.most(1);
      html0.setAttribute('lang', 'de-CH');
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(probes.map((p) => p.updateComplete));
      expect(probes.map((p) => p.community.requestedLocale)).to.deep.equal(Array(5).fill('de-CH'));
      probes[0]!.remove();
      html0.setAttribute('lang', 'da');
      await new Promise((r) => setTimeout(r, 0));
      await Promise.all(probes.map((p) => p.updateComplete));
      expect(probes.slice(1).map((p) => p.community.requestedLocale)).to.deep.equal(Array(4).fill('da'));
      expect(probes[0]!.community.requestedLocale, 'a removed element is no longer told').to.equal('de-CH');
    } finally {
      window.MutationObserver = Original;
      if (before === null) html0.removeAttribute('lang');
      else html0.setAttribute('lang', before);
    }
  });

  it('reaches elements upgraded before their community is defined (scripts in any order)', async () => {
    const el = await fixture(
      html`<late-community endpoint="/late" round="r9"><test-probe></test-probe></late-community>`,
    );
    const probe = el.querySelector('test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.community.endpoint).to.equal(undefined);
    customElements.define('late-community', class extends LcCommunity {});
    await (el as LcCommunity).updateComplete;
    await probe.updateComplete;
    expect(probe.community.endpoint).to.equal(new URL('/late', document.baseURI).href);
    expect(probe.community.envelopeContext().round).to.equal('r9');
  });
});
