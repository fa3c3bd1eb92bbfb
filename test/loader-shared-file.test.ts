// The drop-in loader when a file an element's file imports (the shared core, another element's
// file) did not load: the browser keeps that failure for the page under that file's name, which
// the element's file still imports when it is fetched again under another name. The loader names
// the file, says that only a reload loads it, and does not try again in vain.
// (Its own page: the elements must not be defined yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fetchFailed, unusableFile } from '../src/loader-retry.js';
import { captureConsoleErrors, goOfflineFor, waitForOnline } from './support/helpers.js';

const timing = (url: string) => performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
const href = (path: string) => new URL(path, location.href).href;

/** The message of a failed import of `url`. */
async function failure(url: string): Promise<string> {
  try {
    await import(/* @vite-ignore */ url);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${url} loaded`);
}

describe('the drop-in loader, when a file an element needs did not load', () => {
  it('finds the file among those a module imports: one the server refused, or served as another type', async () => {
    const missing = href('/test/fixtures/imports-missing.js');
    // The browser's message names the module imported, which came; its dependency did not.
    expect(await failure(missing)).to.contain(missing);
    const files = [missing, href('/test/fixtures/no-such-dependency.js')];
    expect(unusableFile(files, timing)).to.deep.equal({ file: files[1], why: 'HTTP 404' });

    await failure('/test/fixtures/imports-html.js');
    expect(unusableFile([href('/test/fixtures/away.html')], timing)).to.deep.equal({
      file: href('/test/fixtures/away.html'),
      why: 'served as text/html',
    });
    // Files that came as modules, or were never fetched: none to name.
    expect(unusableFile([missing, href('/test/fixtures/never-fetched.js')], timing)).to.equal(undefined);
  });

  it('names the shared file lost to a dropped connection, says that a reload is needed, and does not try in vain', async () => {
    // Other test pages may have left the files in the browser's HTTP cache.
    await executeServerCommand('lc-cache', { enabled: false });
    const manifest = (await (await fetch('/dist/cdn/manifest.json')).json()) as Record<string, { imports: string[] }>;
    const core = href(`/dist/cdn/${manifest['elements/results.js']!.imports[0]}`);
    const element = href('/dist/cdn/elements/results.js');
    // The shared core lost as the connection dropped: the browser keeps that failure for the page.
    // (Nothing is asserted until the page is online again: offline, it cannot report to the runner.)
    await goOfflineFor(1000);
    const lost = await failure(core);
    await waitForOnline();
    expect(fetchFailed(lost), lost).to.equal(true);

    const dropIn = '/dist/cdn/lc-elements.min.js';
    const loader = (await import(/* @vite-ignore */ dropIn)) as {
      load: (tag: string) => Promise<void>;
    };
    const host = document.createElement('div');
    host.innerHTML = '<lc-results></lc-results>';
    const errors = await captureConsoleErrors(async () => {
      document.body.append(host);
      await loader.load('lc-results').catch(() => undefined);
    });
    try {
      expect(errors).to.deep.equal([
        `[lc-elements] <lc-results> could not be loaded: ${core}, which it needs, did not load (no answer); ` +
          'the browser keeps that failure until the page is reloaded',
      ]);
      // Not tried again (the first try would be 2 s later): the element's file is fetched once.
      const fetched = () => performance.getEntriesByType('resource').filter((e) => e.name.startsWith(element)).length;
      expect(fetched()).to.equal(1);
      await new Promise((r) => setTimeout(r, 2500));
      expect(fetched()).to.equal(1);
      expect(customElements.get('lc-results')).to.equal(undefined);
    } finally {
      host.remove();
    }
  });
});
