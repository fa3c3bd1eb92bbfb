// The server-side rendering of test/node/ssr.test.js, with the DOM shim that Astro's Lit integration
// installs on the server first (a `window` and a `document` that hold next to nothing): the elements
// load, and each renders as without it.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { before } from 'node:test';
import { ensureBuild } from '../../demo/build.js';
import { renderEachElement } from '../support/ssr-cases.js';

before(async () => {
  ensureBuild({ quiet: true });
  await import('../../dist/all.js');
});

renderEachElement('Lit SSR renders each element, with the DOM shim installed');
