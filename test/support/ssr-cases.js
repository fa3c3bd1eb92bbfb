// The server-side rendering (@lit-labs/ssr) of every element, for the node tests that render them
// with and without a DOM shim (test/node/ssr*.test.js): the elements must be defined first, from dist/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

/**
 * Renders a template as the server does, and what the library said in the console meanwhile, or
 * soon after (a load that failed says so when it has).
 */
async function serverRender(t, template) {
  const error = t.mock.method(console, 'error');
  const warn = t.mock.method(console, 'warn');
  const markup = await collectResult(render(template));
  await new Promise((r) => setTimeout(r, 200));
  const said = [...error.mock.calls, ...warn.mock.calls].map((c) => c.arguments.join(' '));
  return { markup, said };
}

/** The element's opening tag, right followed by its declarative shadow root. */
const shadowRootOf = (tag) => new RegExp(`<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">`);

/** The markup's text, without styles, markers and tags. */
const textOf = (markup) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

// Inside <lc-community> with an endpoint relative to the page, as they are used.
const inCommunity = (inner) =>
  html`<lc-community endpoint="/api/submissions" community="river-valley" round="2026-spring">${inner}</lc-community>`;

export const CASES = [
  {
    tag: 'lc-community',
    template: inCommunity(html`<p>Our community</p>`),
    check: (markup) => {
      assert.match(
        markup,
        /<template shadowroot="open" shadowrootmode="open"><style>[\s\S]*?<\/style>(<!--[^>]*-->)*<slot>/,
      );
      assert.match(markup, /<p>Our community<\/p>/);
    },
  },
  {
    tag: 'lc-community',
    name: 'lc-community, with a configuration problem',
    template: html`<lc-community endpoint="ftp://example.org/api"><p>Our community</p></lc-community>`,
    // Said on the server as in the browser, and shown.
    said: ['[lc-elements] <lc-community> endpoint: must be an http(s) URL, not "ftp:"'],
    check: (markup, text) => assert.match(text, /Configuration problem: endpoint must be an http\(s\) URL/),
  },
  {
    tag: 'lc-community',
    name: 'lc-community, with a criteria set to load',
    // The browser loads the set (a URL) or parses it (an object): the server neither, and says nothing.
    template: html`<lc-community criteria="/criteria/our-set.json"><p>Our community</p></lc-community>`,
    check: (markup) => assert.match(markup, /<p>Our community<\/p>/),
  },
  {
    tag: 'lc-community',
    name: 'lc-community, with a criteria set given as an object',
    template: html`<lc-community .criteria=${{ id: 'our-set', version: '1', criteria: [] }}
      ><p>Our community</p></lc-community
    >`,
    check: (markup) => assert.match(markup, /<p>Our community<\/p>/),
  },
  {
    tag: 'lc-criterion-card',
    template: inCommunity(
      html`<lc-criterion-card criterion="trust">
        <lc-self-rating></lc-self-rating>
        <lc-reflection-journal slot="journal"></lc-reflection-journal>
      </lc-criterion-card>`,
    ),
    check: (markup, text) => {
      // Its full content loads on demand, in the browser: the server shows it loading.
      assert.match(text, /Loading the criteria…/);
      // The server cannot see the children: the slots show what the page put in them.
      assert.match(markup, /<div part="rating" class="slot-wrap"\s*>/);
      assert.match(markup, /<div part="journal" class="slot-wrap"\s*>/);
      assert.match(markup, shadowRootOf('lc-self-rating'));
      assert.match(markup, shadowRootOf('lc-reflection-journal'));
    },
  },
  {
    tag: 'lc-self-rating',
    template: inCommunity(html`<lc-self-rating criterion="trust" comment></lc-self-rating>`),
    check: (markup, text) => {
      assert.equal(markup.match(/role="radio"/g)?.length, 6, 'six options');
      for (const label of [
        'Not addressed',
        'Occasional',
        'Practised regularly',
        'Tested and challenged',
        'Systematic',
      ]) {
        assert.ok(text.includes(label), label);
      }
      assert.match(text, /Don’t know/);
    },
  },
  {
    tag: 'lc-self-rating',
    name: 'lc-self-rating, with strings of the host',
    // Its overrides are checked on the server as in the browser (no DOM there to look around in).
    template: inCommunity(
      html`<lc-self-rating criterion="trust" .strings=${{ 'scale.0.label': 'Not yet' }}></lc-self-rating>`,
    ),
    check: (markup, text) => assert.match(text, /Not yet/),
  },
  {
    tag: 'lc-self-rating',
    name: 'lc-self-rating, standalone with an endpoint of its own',
    template: html`<lc-self-rating criterion="trust" endpoint="/api/ratings"></lc-self-rating>`,
    check: (markup) => assert.equal(markup.match(/role="radio"/g)?.length, 6, 'six options'),
  },
  {
    tag: 'lc-partnership-matrix',
    // What it loads (src, entries-src) the browser loads: the server fetches nothing.
    template: inCommunity(html`<lc-partnership-matrix src="/partnerships.json"></lc-partnership-matrix>`),
    check: (markup, text) => {
      assert.match(text, /Partnerships/);
      assert.match(text, /Loading the partnership map…/);
      // No width to measure on the server: the grid, which the browser switches to a list on a phone.
      assert.match(markup, /<div part="base" class="wide"/);
    },
  },
  {
    tag: 'lc-reflection-journal',
    template: inCommunity(html`<lc-reflection-journal entries-src="/entries.json"></lc-reflection-journal>`),
    check: (markup, text) => {
      assert.match(markup, /<h3 part="heading" id="journal-heading"\s*>(<!--[^>]*-->)*Reflection journal/);
      assert.match(text, /New entry/);
      assert.match(text, /Send entry/);
    },
  },
  {
    tag: 'lc-results',
    template: inCommunity(html`<lc-results src="/results.json" compare-src="/results-2025.json"></lc-results>`),
    check: (markup, text) => assert.match(text, /Loading/),
  },
  {
    tag: 'lc-assessment',
    template: inCommunity(html`<lc-assessment></lc-assessment>`),
    check: (markup, text) => assert.match(text, /Loading the criteria…/),
  },
];

/** One test per case: each element renders, with its declarative shadow root and its first state. */
export function renderEachElement(name) {
  describe(name, () => {
    for (const { tag, name = tag, template, said = [], check } of CASES) {
      test(name, async (t) => {
        const rendered = await serverRender(t, template);
        assert.deepEqual(rendered.said, said, 'what the library said in the console');
        assert.match(rendered.markup, shadowRootOf(tag));
        check(rendered.markup, textOf(rendered.markup));
      });
    }
  });
}
