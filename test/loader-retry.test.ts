// The drop-in loader's schedule after a failed load (src/loader-retry.ts): it never gives up while
// a file still fails (a connection that stays poor for minutes), at most every 30 seconds.
// (The loader itself, offline and back online, is tested in loader-offline.test.ts.)
import { expect } from '@open-wc/testing';
import { retryDelay } from '../src/loader-retry.js';

describe('the drop-in loader tries a failed file again', () => {
  it('after 2 s, 10 s, then every 30 s for as long as it fails', () => {
    expect([0, 1, 2, 3, 4, 20, 1000].map(retryDelay)).to.deep.equal([
      2_000, 10_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });
});
