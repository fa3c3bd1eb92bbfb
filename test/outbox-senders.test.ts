import { expect, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/reflection-journal/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcSubmitEvent } from '../src/core/events.js';
import { buildEnvelope } from '../src/core/build-envelope.js';
import { getOutbox } from '../src/core/outbox.js';
import { httpTransport, type Transport } from '../src/core/transport.js';
import { collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';
import { mount } from './self-rating-support.js';

// Several elements on one page posting to one endpoint: each submission goes with the sender of
// the element (and community) that made it, and one element leaving the page strands no other's.

const part = (el: LcSelfRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const radios = (el: LcSelfRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const statusText = (el: LcSelfRating) => part(el, 'status')!.textContent!.trim();

/** Answers `level` and presses "Send"; resolves with the submission's id once it was sent. */
async function rateAndSend(el: LcSelfRating, level: number): Promise<string> {
  let id = '';
  el.addEventListener('lc-submit', (e) => (id = (e as LcSubmitEvent).envelope.id), { once: true });
  radios(el)[level]!.click();
  part(el, 'submit')!.click();
  await waitFor(
    () => el.submissionState === 'sent',
    `"sent" (still "${el.submissionState}": "${statusText(el)}")`,
    5000,
  );
  await el.updateComplete;
  expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
  return id;
}

describe('the outbox with several elements posting to one endpoint', () => {
  before(async () => {
    // The outbox database is created by a page that stays (see reflection-journal-frame.test.ts).
    await getOutbox('device').pending();
  });

  it('delivers the answer of a rating whose neighbour at the same endpoint left the page', async () => {
    const { name, endpoint } = newBucket('leave');
    const root = await mount<HTMLDivElement>(
      html`<div>
        <lc-self-rating id="one" criterion="trust" endpoint=${endpoint}></lc-self-rating>
        <lc-self-rating id="two" criterion="inclusion" endpoint=${endpoint}></lc-self-rating>
      </div>`,
    );
    const one = root.querySelector<LcSelfRating>('#one')!;
    // A single-page app closes the other widget.
    root.querySelector('#two')!.remove();
    const id = await rateAndSend(one, 2);

    const { records } = await collectorState(name);
    expect(records.map((r) => r.id)).to.deep.equal([id]);
    expect(records[0]).to.include({ criterion: 'trust', kind: 'rating' });
    expect(
      (await getOutbox('device').pending()).some((e) => e.id === id),
      'not left in the outbox',
    ).to.be.false;
  });

  it('an element removed with its first update still due leaves no sender behind: what waits goes by one on the page', async () => {
    const { name, endpoint } = newBucket('gone-early');
    let goneCalls = 0;
    // A community with a transport of its own, added and removed in one go (a framework that
    // renders, then renders again): its journal, in a card, updates once already off the page.
    const gone = document.createElement('lc-community') as LcCommunity;
    gone.setAttribute('endpoint', endpoint);
    gone.transport = (envelope, context) => (goneCalls++, httpTransport()(envelope, context));
    gone.innerHTML =
      '<lc-criterion-card criterion="trust"><lc-reflection-journal></lc-reflection-journal></lc-criterion-card>';
    const early = gone.querySelector('lc-reflection-journal') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(gone);
    const card = gone.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await card.updateComplete;
    gone.remove();
    await early.updateComplete;

    // A submission no element on this page made (an earlier load's), and a rating that posts there.
    const envelope = buildEnvelope(
      'rating',
      { community: 'earlier', round: '2026', criteriaSet: { id: 'common-criteria', version: '1' }, locale: 'en' },
      { level: 3 },
      'trust',
    );
    // (Kept under the absolute URL, as the elements keep it.)
    await getOutbox('device').submit(new URL(endpoint, location.href).href, envelope);
    await mount<LcSelfRating>(html`<lc-self-rating criterion="inclusion" endpoint=${endpoint}></lc-self-rating>`);
    await waitFor(async () => (await collectorState(name)).records.length === 1, 'the earlier submission delivered');
    expect((await collectorState(name)).records[0]!.id).to.equal(envelope.id);
    expect(goneCalls, "not through the removed community's transport").to.equal(0);
  });

  it("the README's own transport, as written there: sends what an endpoint takes, and shows its reason for a refusal", async () => {
    const { name, endpoint } = newBucket('readme-transport');
    await setFaults(name, [{ status: 422, message: 'this round is closed' }]);
    const root = await mount<HTMLDivElement>(
      html`<div>
        <lc-community endpoint=${endpoint} community="readme" round="r1"
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>
      </div>`,
    );
    // The example's code from the README, its TypeScript taken out, run on this page.
    const readme = await (await fetch('/README.md')).text();
    const block = readme.split('Or replace HTTP for everything inside a `<lc-community>` with a `transport`:')[1]!;
    const ts = block.slice(block.indexOf('```ts') + 5, block.indexOf('```\n', block.indexOf('```ts') + 5));
    const js = ts
      .replace(/^import type .*$/m, '')
      .replace(/\)!/g, ')')
      .replace(/\) satisfies Transport;/, ');');
    expect(js, 'the example found').to.contain('community.transport = (async (envelope');
    new Function(js)();
    const rating = root.querySelector<LcSelfRating>('lc-self-rating')!;
    await rating.updateComplete;
    radios(rating)[2]!.click();
    part(rating, 'submit')!.click();
    await waitFor(() => rating.submissionState === 'rejected', `refused (still "${rating.submissionState}")`);
    await rating.updateComplete;
    expect(statusText(rating)).to.contain('this round is closed');
    part(rating, 'submit')!.click(); // "Try again"
    await waitFor(() => rating.submissionState === 'sent', `sent (still "${rating.submissionState}")`);
    const { records, requests } = await collectorState(name);
    expect(records).to.have.length(1);
    // As the protocol asks (and the reference collector checks: a text/plain body gets 415).
    for (const r of requests) {
      expect(r.contentType).to.equal('application/json');
      expect(r.key).to.equal(r.id);
    }
  });

  it("sends each rating with its own community's transport or headers, whichever posts to the endpoint too", async () => {
    const { name, endpoint } = newBucket('senders');
    const root = await mount<HTMLDivElement>(
      html`<div>
        <lc-community id="own" endpoint=${endpoint} community="own-transport" round="r1"
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>
        <lc-community id="headers" endpoint=${endpoint} community="own-headers" round="r1"
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>
        <lc-community endpoint=${endpoint} community="plain" round="r1"
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>
      </div>`,
    );
    // The README's example: a transport of the host's own (here it posts over HTTP, in German).
    const called: string[] = [];
    const german = httpTransport({ headers: { 'Accept-Language': 'de' } });
    root.querySelector<LcCommunity>('#own')!.transport = ((envelope, context) => {
      called.push(envelope.id);
      return german(envelope, context);
    }) satisfies Transport;
    root.querySelector<LcCommunity>('#headers')!.headers = { 'Accept-Language': 'da' };
    const [own, headers, plain] = [...root.querySelectorAll<LcSelfRating>('lc-self-rating')];
    await Promise.all([own, headers, plain].map((el) => el!.updateComplete));

    const ownId = await rateAndSend(own!, 1);
    const headersId = await rateAndSend(headers!, 2);
    const plainId = await rateAndSend(plain!, 3);

    expect(called, 'the transport is called for its own community only').to.deep.equal([ownId]);
    const { records, requests } = await collectorState(name);
    expect(records.map((r) => [r.id, r['community']])).to.deep.equal([
      [ownId, 'own-transport'],
      [headersId, 'own-headers'],
      [plainId, 'plain'],
    ]);
    expect(requests.map((r) => [r.id, r.acceptLanguage])).to.deep.equal([
      [ownId, 'de'],
      [headersId, 'da'],
      [plainId, 'en'],
    ]);
  });
});
