import { expect } from '@open-wc/testing';
import { createEnvelope } from '../src/core/envelope.js';
import { httpTransport } from '../src/core/transport.js';
import { collectorState, newBucket } from './support/helpers.js';

// A page's script that puts request settings on Object.prototype (by mistake, or to meddle):
// the default transport uses only what it was given. Defined not enumerable here, so this test
// page's own for…in loops are left alone; the transport read them all the same before.
describe('the HTTP transport on a page whose Object.prototype has request settings', () => {
  const planted = {
    headers: { 'X-Planted': '1' },
    credentials: 'include',
    mode: 'no-cors',
    cache: 'no-store',
  };

  it('sends only its own headers and settings', async () => {
    const { name, endpoint } = newBucket('proto');
    const seen: RequestInit[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      seen.push(init!);
      return realFetch(input, init);
    };
    for (const [key, value] of Object.entries(planted)) {
      Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
    }
    let result;
    try {
      const ctx = { community: 'c', round: 'r', criteriaSet: { id: 'common-criteria', version: '1' }, locale: 'en' };
      const envelope = createEnvelope('rating', ctx, { level: 2 }, 'trust');
      result = await httpTransport({})(envelope, { endpoint, signal: new AbortController().signal, keepalive: false });
    } finally {
      for (const key of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[key];
      window.fetch = realFetch;
    }
    expect(result.outcome).to.equal('delivered');
    const init = seen[0]!;
    expect(new Headers(init.headers).has('x-planted')).to.equal(false);
    expect(init.credentials).to.equal('same-origin');
    expect(init.mode, 'not inherited').to.equal(undefined);
    expect(init.cache, 'not inherited').to.equal(undefined);
    expect((await collectorState(name)).records).to.have.length(1);
  });
});
