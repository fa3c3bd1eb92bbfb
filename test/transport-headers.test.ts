import { expect } from '@open-wc/testing';
import { createEnvelope } from '../src/core/envelope.js';
import { httpTransport } from '../src/core/transport.js';
import { captureConsoleErrors, collectorState, newBucket } from './support/helpers.js';

// A host's own `httpTransport({ headers })` (developers guide, "Transport") with a header fetch
// throws on: before, every try failed before a request was made, the submission was kept "for the
// server" for ever, and the console blamed the server, CORS or the CSP. The header is left out and
// named; the others go, and so does the submission.
describe('httpTransport with headers fetch cannot send', () => {
  it('leaves out each such header, names it in the console, and sends the others', async () => {
    const { name, endpoint } = newBucket('bad-header');
    const sent: RequestInit[] = [];
    const realFetch = window.fetch;
    // Watched, not replaced: the request goes to the test collector.
    window.fetch = (input, init) => {
      sent.push(init!);
      return realFetch(input, init);
    };
    let result;
    let errors: string[];
    try {
      let transport!: ReturnType<typeof httpTransport>;
      errors = await captureConsoleErrors(() => {
        transport = httpTransport({
          headers: { Authorization: 'Bearer abc€', 'X-Note': 'a\nb', 'Bad Name': 'x', 'X-Api-Key': 'k-1' },
        });
      });
      const ctx = { community: 'c', round: 'r', criteriaSet: { id: 'common-criteria', version: '1' }, locale: 'en' };
      const envelope = createEnvelope('rating', ctx, { level: 2 }, 'trust');
      result = await transport(envelope, { endpoint, signal: new AbortController().signal, keepalive: false });
    } finally {
      window.fetch = realFetch;
    }
    expect(result.outcome).to.equal('delivered');
    expect((await collectorState(name)).records).to.have.length(1);
    const headers = new Headers(sent[0]!.headers);
    expect(headers.get('x-api-key')).to.equal('k-1');
    expect(headers.has('authorization')).to.equal(false);
    expect(headers.has('x-note')).to.equal(false);
    const said = errors.join('\n');
    for (const header of ['Authorization', 'X-Note', 'Bad Name']) {
      expect(said).to.contain(`httpTransport headers: "${header}" cannot be sent`);
    }
    expect(said).to.not.contain('X-Api-Key');
  });
});
