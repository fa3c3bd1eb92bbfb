// The drop-in loader's schedule after a failed load (src/loader-retry.ts): it never gives up while
// a file still fails (a connection that stays poor for minutes), at most every 30 seconds.
// (The loader itself, offline and back online, is tested in loader-offline.test.ts.)
import { expect } from '@open-wc/testing';
import { fetchFailed, retryDelay, unfetchedFile } from '../src/loader-retry.js';

describe('the drop-in loader tries a failed file again', () => {
  it('after 2 s, 10 s, then every 30 s for as long as it fails', () => {
    expect([0, 1, 2, 3, 4, 20, 1000].map(retryDelay)).to.deep.equal([
      2_000, 10_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('the drop-in loader tells a file that did not come from one that threw', () => {
  const failure = async (url: string) => {
    try {
      await import(/* @vite-ignore */ url);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${url} loaded`);
  };

  it('tries again a file the browser could not fetch', async () => {
    expect(fetchFailed(await failure(`/test/fixtures/no-such-file-${Date.now()}.js`))).to.equal(true);
  });

  it('does not try again a file whose code threw as it ran (the browser keeps that error)', async () => {
    const message = await failure('/test/fixtures/throws-as-it-runs.js');
    expect(message).to.contain("reading 'get'");
    expect(fetchFailed(message)).to.equal(false);
  });
});

describe('the drop-in loader names the file it tries again', () => {
  it('without the fragment of the last try, so fragments never pile up (…#retry-1#retry-2)', async () => {
    const url = new URL(`/test/fixtures/no-such-file-${Date.now()}.js`, location.href).href;
    let message = '';
    try {
      await import(/* @vite-ignore */ `${url}#retry-1`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.contain('#retry-1');
    expect(unfetchedFile(message)).to.equal(url);
  });
});
