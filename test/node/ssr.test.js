// Lit's server-side rendering (@lit-labs/ssr, which Astro's Lit integration uses) of every element,
// from the package as published (dist/): each renders its first state in a declarative shadow root,
// without an error and without a word in the console. Then, in Chromium, the elements take over
// that markup, with Lit's hydration support loaded (as Astro loads it) and without it: no error,
// nothing shown twice, and what only the page can tell (the card around a rating, a `<label>`, a
// `<fieldset disabled>`, the width) is shown.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { build } from 'esbuild';
import { html } from 'lit';
import { chromium } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.js';
import { ensureBuild } from '../../demo/build.js';
import { renderEachElement } from '../support/ssr-cases.js';

const root = resolve(import.meta.dirname, '../..');

before(async () => {
  ensureBuild({ quiet: true });
  await import('../../dist/all.js');
});

renderEachElement('Lit SSR renders each element');

/** A page of elements as the server renders it, around a rating, a card and a matrix the page shapes. */
const PAGE_BODY = html`<lc-community endpoint="/api/submissions" community="river-valley" round="2026-spring">
  <lc-criterion-card criterion="trust">
    <lc-self-rating id="in-card"></lc-self-rating>
    <lc-reflection-journal slot="journal"></lc-reflection-journal>
  </lc-criterion-card>
  <label>Trust, as we see it <lc-self-rating id="in-label" criterion="trust"></lc-self-rating></label>
  <fieldset disabled><lc-self-rating id="in-fieldset" criterion="trust"></lc-self-rating></fieldset>
  <div style="inline-size: 300px"><lc-partnership-matrix></lc-partnership-matrix></div>
  <lc-results></lc-results>
  <lc-assessment></lc-assessment>
</lc-community>`;

describe('in the browser, the elements take over the server’s markup', () => {
  let server;
  let browser;
  let origin;
  const bundles = {};
  let body;

  before(async () => {
    body = await collectResult(render(PAGE_BODY));
    for (const [name, first] of [
      ['hydrating', "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\n"],
      ['upgrading', ''],
    ]) {
      const out = await build({
        stdin: { contents: `${first}import './dist/all.js';\n`, resolveDir: root, loader: 'js' },
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'warning',
      });
      bundles[name] = out.outputFiles[0].text;
    }
    // /hydrating and /upgrading: the page; /hydrating.js and /upgrading.js: its script.
    server = createServer((req, res) => {
      const [, mode, js] = /^\/(\w+)(\.js)?$/.exec(new URL(req.url, 'http://x').pathname) ?? [];
      if (!Object.hasOwn(bundles, mode ?? '')) return void res.writeHead(404).end();
      if (js) return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundles[mode]);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title><link rel="icon" href="data:,"></head>
<body>${body}<script type="module" src="/${mode}.js"></script></body></html>`,
      );
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  for (const mode of ['hydrating', 'upgrading']) {
    test(`${mode === 'hydrating' ? 'with' : 'without'} Lit’s hydration support`, async () => {
      const page = await browser.newPage();
      const said = [];
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && said.push(m.text()));
      page.on('pageerror', (e) => said.push(e.message));
      await page.goto(`${origin}/${mode}`);
      // The card's content, which loads on demand, is in: every element has rendered.
      await page
        .waitForFunction(
          () => document.querySelector('lc-criterion-card')?.shadowRoot?.querySelector('[part~="title"]'),
          undefined,
          { timeout: 10_000 },
        )
        .catch((error) => assert.fail(`${error.message}\n${said.join('\n')}`));
      const seen = await page.evaluate(() => {
        const shadow = (el) => el.shadowRoot;
        const byId = (id) => shadow(document.getElementById(id));
        return {
          // What each shadow root holds at its top, styles aside: one copy of the element.
          tops: [...document.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('lc-'))
            .map(
              (el) =>
                `${el.localName}: ${[...shadow(el).children].filter((c) => c.localName !== 'style').map((c) => c.localName)}`,
            ),
          cardTitle: shadow(document.querySelector('lc-criterion-card')).querySelector('[part~="title"]').textContent,
          inCardLabelHidden: byId('in-card').querySelector('[part~="label"]').hidden,
          inLabelName: byId('in-label').querySelector('[role="radiogroup"]').getAttribute('aria-label'),
          inFieldsetDisabled: byId('in-fieldset').querySelector('[role="radiogroup"]').getAttribute('aria-disabled'),
          journalHeading: shadow(document.querySelector('lc-reflection-journal')).querySelector('[part="heading"]')
            .localName,
          matrixLayout: shadow(document.querySelector('lc-partnership-matrix')).querySelector('[part="base"]')
            .className,
        };
      });
      await page.close();
      assert.deepEqual(said, [], 'no error or warning in the console');
      assert.deepEqual(seen.tops, [
        // Its slot, and its live region (empty, there from the first render).
        'lc-community: slot,div',
        'lc-criterion-card: div',
        'lc-self-rating: div',
        'lc-reflection-journal: div',
        'lc-self-rating: div',
        'lc-self-rating: div',
        'lc-partnership-matrix: div',
        'lc-results: div',
        'lc-assessment: div',
      ]);
      assert.equal(seen.cardTitle, 'Trust');
      assert.equal(seen.inCardLabelHidden, true, 'the rating in the card leaves the title to the card');
      assert.equal(seen.inLabelName, 'Trust, as we see it', 'the page’s <label> names the rating');
      assert.equal(seen.inFieldsetDisabled, 'true', 'a <fieldset disabled> disables the rating');
      assert.equal(seen.journalHeading, 'h4', 'the journal in a card heads one level below its title');
      assert.equal(seen.matrixLayout, 'narrow', 'the matrix in a narrow box shows its list');
    });
  }
});
