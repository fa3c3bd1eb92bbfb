import { expect } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';

// A portal whose old script adds an enumerable method to Object.prototype (as some did): the
// elements that parse with zod still load, render and check what they are given (zod's `for…in`
// loops are rewritten to walk own keys: scripts/zod-own-keys.js). In an iframe: this page's own
// prototype stays clean.
describe('a page with an enumerable Object.prototype method', () => {
  it('loads and renders the matrix, journal, assessment and results, and parses criteria and envelopes', async () => {
    let report: Record<string, unknown> | undefined;
    const listen = (e: MessageEvent) => {
      if (e.data?.source === 'polluted-frame') report = e.data.report;
    };
    window.addEventListener('message', listen);
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/polluted-frame.html';
    document.body.append(frame);
    try {
      await waitFor(() => report, 'the page to report', 20_000);
      expect(report!['error'], 'nothing threw').to.equal(undefined);
      expect(report!['defined']).to.deep.equal([
        'lc-partnership-matrix',
        'lc-reflection-journal',
        'lc-assessment',
        'lc-results',
      ]);
      expect(report!['criteria']).to.equal('parsed');
      expect(report!['envelope']).to.equal('valid');
      expect(report!['rendered']).to.deep.equal([
        ['lc-partnership-matrix', true, ''],
        ['lc-reflection-journal', true, ''],
        ['lc-assessment', true, ''],
      ]);
    } finally {
      window.removeEventListener('message', listen);
      frame.remove();
    }
  });
});
