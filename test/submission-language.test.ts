import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { Envelope } from '../src/core/envelope.js';
import type { LcSubmitErrorEvent } from '../src/core/events.js';
import { acceptLanguage, type Transport } from '../src/core/transport.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';

// The language a person uses travels with each submission (`Accept-Language`), so a collector can
// say why it refused one in that language; and a reason in another language is marked as such.

/** The test server under the other of its two names: a page on localhost posting there is cross-origin. */
function otherOrigin(): string {
  const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${host}:${location.port}`;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** A rating of trust at level 2 inside `<lc-community locale=…>`, sent; resolves once it settled. */
async function sendRating(endpoint: string, locale: string, extra: Partial<LcCommunity> = {}) {
  const root = await fixture<LcCommunity>(
    html`<lc-community
      endpoint=${endpoint}
      locale=${locale}
      storage="none"
      .headers=${extra.headers}
      .transport=${extra.transport}
      ><lc-self-rating criterion="trust" value="2"></lc-self-rating
    ></lc-community>`,
  );
  const el = root.querySelector<LcSelfRating>('lc-self-rating')!;
  await el.updateComplete;
  await captureConsoleErrors(async () => {
    part(el, 'submit').click();
    await waitFor(() => ['sent', 'rejected'].includes(el.submissionState), 'the rating to settle');
  });
  await el.updateComplete;
  return el;
}

describe('Accept-Language on each submission', () => {
  it("is the element's resolved locale", async () => {
    const { name, endpoint } = newBucket('lang');
    await sendRating(endpoint, 'da-DK');
    const { requests } = await collectorState(name);
    expect(requests.map((r) => r.acceptLanguage)).to.deep.equal(['da-DK']);
  });

  it('takes a POSIX-style tag as the attributes accept it (da_DK, as WordPress writes it) as da-DK', async () => {
    const { name, endpoint } = newBucket('lang');
    const el = await sendRating(endpoint, 'da_DK');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('da-DK');
    expect(el.shadowRoot!.querySelector('#option-0')!.textContent).to.contain('Ikke behandlet');
    const { requests, records } = await collectorState(name);
    expect(requests.map((r) => r.acceptLanguage)).to.deep.equal(['da-DK']);
    expect(records.map((r) => r['locale'])).to.deep.equal(['da-DK']);
  });

  it("follows the element's own locale over its community's", async () => {
    const { name, endpoint } = newBucket('lang');
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint=${endpoint} locale="de" storage="none"
        ><lc-self-rating criterion="trust" value="1" locale="ar"></lc-self-rating
      ></lc-community>`,
    );
    const el = root.querySelector<LcSelfRating>('lc-self-rating')!;
    await el.updateComplete;
    part(el, 'submit').click();
    await waitFor(() => el.submissionState === 'sent', 'sent');
    expect((await collectorState(name)).requests.map((r) => r.acceptLanguage)).to.deep.equal(['ar']);
  });

  it("gives way to a host's own Accept-Language header, whatever its case", async () => {
    const { name, endpoint } = newBucket('lang');
    await sendRating(endpoint, 'da', { headers: { 'accept-language': 'kl-GL, da;q=0.5', 'X-Portal': 'egeby' } });
    const { requests } = await collectorState(name);
    expect(requests.map((r) => r.acceptLanguage)).to.deep.equal(['kl-GL, da;q=0.5']);
  });

  it('leaves a host transport alone: it gets the locale in the envelope', async () => {
    const seen: Envelope[] = [];
    const transport: Transport = async (envelope) => (seen.push(envelope), { outcome: 'delivered' });
    const el = await sendRating('cms:ratings', 'de', { transport });
    expect(el.submissionState).to.equal('sent');
    expect(seen.map((e) => e.locale)).to.deep.equal(['de']);
  });

  it('is always a CORS-safelisted value: the canonical tag, or nothing', () => {
    expect(acceptLanguage('da')).to.equal('da');
    expect(acceptLanguage('DE-ch')).to.equal('de-CH');
    expect(acceptLanguage('sr-Latn-RS-u-nu-latn')).to.equal('sr-Latn-RS-u-nu-latn');
    // A POSIX-style tag, as the attributes take it: in its canonical form (no underscore).
    expect(acceptLanguage('da_DK')).to.equal('da-DK');
    // Not a language tag: nothing (the browser's own Accept-Language goes, as before).
    for (const bad of ['da;q=1', '*', 'da\r\nX-Evil: 1', '', undefined]) {
      expect(acceptLanguage(bad), String(bad)).to.equal(undefined);
    }
  });

  it('causes no preflight of its own: a cross-origin simple request with it is sent without one', async () => {
    const { name } = newBucket('simple');
    const url = `${otherOrigin()}/__lc/collect/${name}`;
    // A simple request (text/plain, no other header): a preflight would be the header's doing.
    for (const locale of ['da', 'de-CH-1996', 'ar-EG-u-nu-arab', 'zh-Hant-TW']) {
      const value = acceptLanguage(locale)!;
      await fetch(url, { method: 'POST', headers: { 'Accept-Language': value }, body: 'x', mode: 'cors' });
    }
    let state = await collectorState(name);
    expect(state.requests.map((r) => r.acceptLanguage)).to.deep.equal([
      'da',
      'de-CH-1996',
      'ar-EG-u-nu-arab',
      'zh-Hant-TW',
    ]);
    expect(state.preflights, 'no preflight for a safelisted Accept-Language').to.deep.equal([]);
    // The control: a value that is not safelisted (an underscore) does cause one.
    await fetch(url, { method: 'POST', headers: { 'Accept-Language': 'da_DK' }, body: 'x' }).catch(() => undefined);
    state = await collectorState(name);
    expect(state.preflights.map((p) => p.headers)).to.deep.equal(['accept-language']);
  });

  it("asks a cross-origin endpoint's preflight for no new header, and is delivered", async () => {
    const { name } = newBucket('cors');
    const el = await sendRating(`${otherOrigin()}/__lc/collect/${name}`, 'da');
    expect(el.submissionState).to.equal('sent');
    const state = await collectorState(name);
    // application/json and Idempotency-Key need a preflight anyway; Accept-Language is not in it,
    // so an endpoint that allows only `Content-Type, Idempotency-Key` still takes the submission.
    expect(state.preflights.map((p) => p.headers)).to.deep.equal(['content-type,idempotency-key']);
    expect(state.requests.map((r) => r.acceptLanguage)).to.deep.equal(['da']);
    expect(state.records).to.have.length(1);
  });
});

describe("a refusal's reason in its own language", () => {
  const status = (el: Element) => part(el, 'status');

  it('is marked with the lang the endpoint names in Content-Language, inside the Danish sentence', async () => {
    const { name, endpoint } = newBucket('reason');
    await setFaults(name, [{ status: 403, message: 'This form is closed', contentLanguage: 'en-GB' }]);
    const el = await sendRating(endpoint, 'da');
    expect(el.submissionState).to.equal('rejected');
    const region = status(el);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent!.trim()).to.equal(
      'Ikke modtaget: This form is closed. Dit svar står her stadig; du kan rette det og prøve igen.',
    );
    const quoted = [...region.querySelectorAll('[lang]')];
    expect(quoted.map((q) => [q.getAttribute('lang'), q.textContent, q.getAttribute('dir')])).to.deep.equal([
      ['en-GB', 'This form is closed', null],
    ]);
    // Said once: no other live region (an alert) repeats it.
    const live = [...el.shadowRoot!.querySelectorAll('[role="status"], [role="alert"], [aria-live]')];
    expect(live.filter((r) => r.textContent!.includes('This form is closed'))).to.deep.equal([region]);
    // The sentence around it is the element's own language.
    expect(part(el, 'base').closest('[lang]')!.getAttribute('lang')).to.equal('da');
    await expect(el).to.be.accessible();
  });

  it('gets its own direction in an Arabic element (an English reason, left to right)', async () => {
    const { name, endpoint } = newBucket('reason');
    await setFaults(name, [{ status: 422, message: 'round closed', contentLanguage: 'en, fr' }]);
    const el = await sendRating(endpoint, 'ar');
    const quoted = status(el).querySelector('[lang]')!;
    // The first of the languages named (as HTML reads Content-Language).
    expect([quoted.getAttribute('lang'), quoted.getAttribute('dir'), quoted.textContent]).to.deep.equal([
      'en',
      'ltr',
      'round closed',
    ]);
    expect(status(el).textContent).to.match(/^لم تُقبل: round closed\. /);
    await expect(el).to.be.accessible();
  });

  it('stays plain text, as before, when the endpoint names no language (or a malformed one)', async () => {
    for (const contentLanguage of [undefined, 'not a tag!']) {
      const { name, endpoint } = newBucket('reason');
      await setFaults(name, [
        { status: 422, message: 'round closed', ...(contentLanguage ? { contentLanguage } : {}) },
      ]);
      const el = await sendRating(endpoint, 'da');
      expect(status(el).querySelector('[lang]'), String(contentLanguage)).to.equal(null);
      expect(status(el).textContent!.trim()).to.equal(
        'Ikke modtaget: round closed. Dit svar står her stadig; du kan rette det og prøve igen.',
      );
    }
  });

  it('is the status line, marked as English, when the answer gives no reason', async () => {
    const { name, endpoint } = newBucket('reason');
    await setFaults(name, [{ status: 400, empty: true }]);
    const el = await sendRating(endpoint, 'da');
    expect(el.submissionState).to.equal('rejected');
    expect(status(el).textContent!.trim()).to.equal(
      'Ikke modtaget: HTTP 400 Bad Request. Dit svar står her stadig; du kan rette det og prøve igen.',
    );
    const quoted = [...status(el).querySelectorAll('[lang]')];
    expect(quoted.map((q) => [q.getAttribute('lang'), q.textContent])).to.deep.equal([['en', 'HTTP 400 Bad Request']]);
  });

  it('ends in one full stop when the reason brings its own (marked or not)', async () => {
    for (const contentLanguage of [undefined, 'en']) {
      const { name, endpoint } = newBucket('reason');
      await setFaults(name, [
        { status: 422, message: 'The round is closed.', ...(contentLanguage ? { contentLanguage } : {}) },
      ]);
      const el = await sendRating(endpoint, 'en');
      expect(status(el).textContent!.trim(), String(contentLanguage)).to.equal(
        'Not accepted: The round is closed. Your answer is still here; you can change it and try again.',
      );
    }
  });

  it('is told to a host in lc-submit-error, with the language', async () => {
    const { name, endpoint } = newBucket('reason');
    await setFaults(name, [{ status: 422, message: 'Runden er lukket', contentLanguage: 'da' }]);
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint=${endpoint} locale="de" storage="none"
        ><lc-self-rating criterion="trust" value="3"></lc-self-rating
      ></lc-community>`,
    );
    const el = root.querySelector<LcSelfRating>('lc-self-rating')!;
    await el.updateComplete;
    const failed = new Promise<LcSubmitErrorEvent>((resolve) =>
      root.addEventListener('lc-submit-error', resolve, { once: true }),
    );
    await captureConsoleErrors(async () => {
      part(el, 'submit').click();
      await waitFor(() => el.submissionState === 'rejected', 'the rejection');
    });
    const event = await failed;
    expect([event.message, event.language, event.status]).to.deep.equal(['Runden er lukket', 'da', 422]);
  });
});

describe('refused by the reference collector (demo/collector, real SQLite)', () => {
  /** The collector's own API on the test server: the same app as `npm start`'s /api/…. */
  const api = (origin = '') => `${origin}/__lc/reference/api`;
  const stored = async () => ((await (await fetch(`${api()}/health`)).json()) as { submissions: number }).submissions;

  it('a Danish rating sent to a wrong address says why in Danish, marked as Danish', async () => {
    const before = await stored();
    // A typo in the endpoint: the collector answers 404 "no-such-api".
    const el = await sendRating(`${api()}/submission`, 'da');
    expect(el.submissionState).to.equal('rejected');
    const region = part(el, 'status');
    expect(region.textContent!.trim()).to.equal(
      "Ikke modtaget: Denne adresse findes ikke i API'et: POST /api/submission. " +
        'Dit svar står her stadig; du kan rette det og prøve igen.',
    );
    expect(region.querySelector('[lang]')!.getAttribute('lang')).to.equal('da');
    expect(await stored(), 'nothing stored').to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('a German rating from a site the collector does not allow says why in German (through its CORS preflight)', async () => {
    const before = await stored();
    // The page's origin is http://localhost:<port>; the collector, on 127.0.0.1, allows no other
    // origin. Its preflight allows only Content-Type and Idempotency-Key: the submission's
    // Accept-Language needs no allowing, so the refusal arrives and is read, not a network error.
    const el = await sendRating(`${api(otherOrigin())}/submissions`, 'de');
    expect(el.submissionState, 'refused, not queued after a failed preflight').to.equal('rejected');
    expect(part(el, 'status').textContent!.trim()).to.equal(
      `Nicht angenommen: Die Website ${location.origin} darf nicht an diesen Sammelserver senden ` +
        '(LC_ALLOWED_ORIGINS). Ihre Antwort steht noch hier; Sie können sie ändern und erneut senden.',
    );
    expect(part(el, 'status').querySelector('[lang]')!.getAttribute('lang')).to.equal('de');
    expect(await stored(), 'nothing stored').to.equal(before);
  });

  it('an Arabic rating refused gets its reason in Arabic', async () => {
    const el = await sendRating(`${api()}/submission`, 'ar');
    expect(part(el, 'status').textContent!.trim()).to.match(
      /^لم تُقبل: هذا العنوان غير موجود في واجهة البرمجة: POST \/api\/submission\. /,
    );
    const reason = part(el, 'status').querySelector('[lang]')!;
    expect([reason.getAttribute('lang'), reason.getAttribute('dir')]).to.deep.equal(['ar', null]);
  });

  it('a Danish rating the collector accepts is stored in its SQLite database', async () => {
    const before = await stored();
    const el = await sendRating(`${api()}/submissions`, 'da');
    expect(el.submissionState).to.equal('sent');
    expect(await stored()).to.equal(before + 1);
  });
});
