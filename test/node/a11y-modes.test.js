// The accessibility statement's checks that need a real browser window, on a page with every
// element from the drop-in bundle (with data, as a portal would show them), in Chromium:
// - reflow at 320 CSS pixels (WCAG 1.4.10): no horizontal scrolling of the page, also with the
//   text spacing of WCAG 1.4.12 (tables scroll inside their own focusable areas, named by their captions);
// - keyboard: Tab reaches every element and leaves it again (no trap), forwards and backwards;
// - forced colours (Windows High Contrast): every focused control still shows a focus outline
//   (box-shadow rings vanish in that mode; outlines stay).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.js';
import { ensureBuild } from '../../demo/build.js';
import { bundleDir } from '../../demo/portal.js';

const root = resolve(import.meta.dirname, '../..');
const TAGS = [
  'lc-criterion-card',
  'lc-self-rating',
  'lc-partnership-matrix',
  'lc-reflection-journal',
  'lc-results',
  'lc-assessment',
];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Every element</title>
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="/lc/lc-elements.min.js"></script>
  </head>
  <body>
    <a href="#main" id="first">Skip to the questions</a>
    <main id="main">
      <h1>How does our city learn?</h1>
      <lc-community endpoint="/collect" community="modes" round="2026-autumn" perspective="citizen" storage="none">
        <lc-criterion-card criterion="trust" variant="compact">
          <lc-self-rating comment evidence></lc-self-rating>
        </lc-criterion-card>
        <lc-self-rating criterion="inclusion" required></lc-self-rating>
        <lc-partnership-matrix src="/fixtures/partnerships-small.json"></lc-partnership-matrix>
        <lc-reflection-journal criterion="trust" entries-src="/fixtures/journal-entries.json"></lc-reflection-journal>
        <lc-results src="/fixtures/results-2026-spring.json" compare-src="/fixtures/results-2025-autumn.json"></lc-results>
        <lc-assessment layout="steps"></lc-assessment>
      </lc-community>
    </main>
    <footer>
      <a href="#first" id="last">Back to the top</a>
      <button type="button" id="ringed">A control with an outline</button>
      <button type="button" id="shadowed">A control with a box-shadow ring</button>
    </footer>
  </body>
</html>
`;
const CSS = `body { margin: 0; padding: 8px; font-family: "DejaVu Sans", sans-serif; }
lc-community { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; }
#ringed:focus-visible { outline: 3px solid blue; }
#shadowed:focus-visible { outline: none; box-shadow: 0 0 0 3px blue; }`;

let dir;
let server;
let browser;
let origin;

before(async () => {
  ensureBuild({ quiet: true });
  // A snapshot of the bundle: a build started meanwhile empties dist/.
  dir = mkdtempSync(join(tmpdir(), 'lc-modes-'));
  cpSync(bundleDir, join(dir, 'cdn'), { recursive: true });
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST') return void res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
    if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    if (path === '/page.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(CSS);
    const file = path.startsWith('/lc/')
      ? join(dir, 'cdn', path.slice(4))
      : path.startsWith('/fixtures/')
        ? join(root, 'test/fixtures', path.slice(10))
        : '';
    if (!file || path.includes('..') || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open({ width = 1024, forcedColors = 'none', colorScheme = 'light', locale } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia({ forcedColors, colorScheme, reducedMotion: 'reduce' });
  await page.goto(`${origin}/`);
  await page.evaluate(
    async ([tags, locale]) => {
      await Promise.all(tags.map((t) => customElements.whenDefined(t)));
      if (locale) {
        document.querySelector('lc-community').setAttribute('locale', locale);
        // Danish and German criteria load from chunks beside the bundle.
        await new Promise((r) => setTimeout(r, 300));
      }
      const elements = tags.flatMap((t) => [...document.querySelectorAll(t)]);
      // Data loads (results, matrix, entries), then the elements render it.
      await new Promise((r) => setTimeout(r, 300));
      await Promise.all(elements.map((el) => el.updateComplete));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    },
    [TAGS, locale],
  );
  return { page, errors };
}

/** The focused element, through shadow roots, described with its element and focus style. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    const hosts = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.localName);
      el = el.shadowRoot.activeElement;
    }
    if (!el) return null;
    const style = getComputedStyle(el);
    const host = hosts.find((h) => h.startsWith('lc-')) ?? (el.localName.startsWith('lc-') ? el.localName : '');
    return {
      host,
      what: `${hosts.join(' > ')}${hosts.length ? ' > ' : ''}${el.localName}${el.id ? `#${el.id}` : ''}${
        el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''
      }`,
      id: el.id,
      native: el.localName === 'input' && /^(date|time|datetime-local|month|week)$/.test(el.type),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Whether the focused control's surroundings look different without focus (then focuses it again). */
async function focusChangesPixels(page) {
  const box = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    window.__focusedForTest = el;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const clip = {
    x: Math.max(0, box.x - 6),
    y: Math.max(0, box.y - 6),
    width: Math.max(1, box.width + 12),
    height: Math.max(1, box.height + 12),
  };
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // A missing indicator never shows a difference; a present one may be missed by one pair of
  // shots taken while the page still settles, so look up to three times.
  for (let attempt = 0; attempt < 3; attempt++) {
    await frames();
    const withFocus = await page.screenshot({ clip });
    await page.evaluate(() => window.__focusedForTest.blur());
    await frames();
    const without = await page.screenshot({ clip });
    await page.evaluate(() => window.__focusedForTest.focus({ focusVisible: true }));
    if (!withFocus.equals(without)) return true;
  }
  return false;
}

/** Presses Tab (or Shift+Tab) until `last` is focused; returns every stop on the way. */
async function tabThrough(page, { key = 'Tab', until, max = 400 }) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    stops.push(stop);
    if (stop?.id === until) return stops;
  }
  throw new Error(`${key} never reached #${until}: stuck at ${stops.slice(-3).map((s) => s?.what)}`);
}

/** What is drawn past the left or right edge of the window (outside a scrolling region), and the page's widths. */
function overflowReport(page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    // Anything drawn past the right edge, or the left one (out of reach: the page cannot scroll to
    // it), in the page or inside an element's shadow root (content inside a scrollable region is
    // fine: it scrolls on its own).
    const wide = [];
    const scrollsOnItsOwn = (el) => {
      for (let n = el.parentElement ?? el.getRootNode().host; n; n = n.parentElement ?? n.getRootNode().host) {
        const o = getComputedStyle(n).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const visit = (rootNode, tag) => {
      for (const el of rootNode.querySelectorAll('*')) {
        // Attributed to the outermost element (a card inside <lc-assessment> is the assessment's).
        const t = tag && tag !== 'lc-community' ? tag : el.localName.startsWith('lc-') ? el.localName : tag;
        const r = el.getBoundingClientRect();
        if (r.width && (r.right > limit + 1 || r.left < -1) && !scrollsOnItsOwn(el)) {
          wide.push({
            tag: t,
            what: el.localName + (el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''),
            left: Math.round(r.left),
            right: Math.round(r.right),
          });
        }
        // Text in a drawing (the chart's axis titles) past the drawing's edge is cut off by it.
        const drawing = el.localName === 'text' && el.ownerSVGElement?.getBoundingClientRect();
        if (drawing && r.width && (r.left < drawing.left - 1 || r.right > drawing.right + 1)) {
          wide.push({
            tag: t,
            what: `text "${el.textContent.trim()}" cut off by its svg`,
            left: Math.round(r.left),
            right: Math.round(r.right),
          });
        }
        if (el.shadowRoot) visit(el.shadowRoot, t);
      }
    };
    visit(document, '');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      wide,
    };
  });
}

/**
 * The text spacing of WCAG 1.4.12 (line height 1.5, paragraphs 2 em apart, letters 0.12 em and
 * words 0.16 em), forced on the page and in every shadow root, as a user's style sheet would.
 */
function applyTextSpacing(page) {
  return page.evaluate(async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`);
    const apply = (root) => {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) apply(el.shadowRoot);
    };
    apply(document);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

function assertReflows(report, what) {
  const overflowing = [...new Set(report.wide.map((w) => w.tag))].sort();
  if (overflowing.length) console.log(`# wider than 320 px${what}: ${overflowing.join(', ')}`);
  assert.deepEqual(report.wide, [], `nothing is drawn past the left or right edge${what}`);
  assert.ok(report.scrollWidth <= report.clientWidth, `the page scrolls sideways${what} (${report.scrollWidth} px)`);
}

describe('every element on one page', () => {
  test('reflows at 320 CSS pixels: no horizontal scrolling', async () => {
    const { page, errors } = await open({ width: 320 });
    assertReflows(await overflowReport(page), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('reflows at 320 CSS pixels with the text spacing of WCAG 1.4.12', async () => {
    const { page, errors } = await open({ width: 320 });
    await applyTextSpacing(page);
    assertReflows(await overflowReport(page), ' with text spacing');
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const locale of ['da', 'de', 'ar']) {
    test(`reflows at 320 CSS pixels with text spacing in ${locale}`, async () => {
      const { page, errors } = await open({ width: 320, locale });
      await applyTextSpacing(page);
      assertReflows(await overflowReport(page), ` with text spacing (${locale})`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('Tab reaches every element and leaves it, forwards and backwards (no keyboard trap)', async () => {
    const { page } = await open();
    await page.focus('#first');
    const forward = await tabThrough(page, { until: 'last' });
    const reached = new Set(forward.map((s) => s?.host).filter(Boolean));
    for (const tag of TAGS) assert.ok(reached.has(tag), `Tab reaches <${tag}> (reached ${[...reached]})`);
    const backward = await tabThrough(page, { key: 'Shift+Tab', until: 'first' });
    const reachedBack = new Set(backward.map((s) => s?.host).filter(Boolean));
    for (const tag of TAGS) assert.ok(reachedBack.has(tag), `Shift+Tab reaches <${tag}>`);
    console.log(`# ${forward.length} tab stops from the first link to the last`);
    await page.close();
  });

  test('in forced colours, every focused control shows a focus outline', async () => {
    const { page } = await open({ forcedColors: 'active' });
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    await page.focus('#first');
    const invisible = [];
    let stops = 0;
    for (;;) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      stops++;
      if (!stop || stop.id === 'last' || stops > 400) break;
      // No outline: does focusing change anything on screen around the control (a ring drawn by
      // another element, a highlighted segment)? Compare with the same area without focus.
      // (A date field's own segments and calendar button are the browser's, focused in turn.)
      if (stop.host && !stop.visible && !stop.native && !(await focusChangesPixels(page))) invisible.push(stop.what);
    }
    assert.ok(stops < 400, 'Tab reached the end of the page');
    assert.deepEqual([...new Set(invisible)], [], 'no visible focus indicator in forced colours');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`in ${colorScheme} forced colours, a rating’s chosen option keeps its ring and its dot, and only it has a dot`, async () => {
      const { page } = await open({ forcedColors: 'active', colorScheme });
      const result = await page.evaluate(async () => {
        const rating = document.querySelector('lc-self-rating');
        rating.value = '2';
        await rating.updateComplete;
        const marks = [...rating.shadowRoot.querySelectorAll('[role="radio"] .mark')];
        // What the dot and ring are drawn on: the option's background, which forced colours make Canvas.
        const ground = getComputedStyle(marks[2].closest('[role="radio"]')).backgroundColor;
        return {
          ground,
          dots: marks.map((m) => getComputedStyle(m).backgroundColor),
          rings: marks.map((m) => getComputedStyle(m).borderTopColor),
        };
      });
      const { ground, dots, rings } = result;
      const empty = dots[0];
      assert.notEqual(dots[2], empty, 'the chosen option’s dot is drawn');
      assert.notEqual(dots[2], ground, 'in a colour of its own, not the option’s background');
      assert.deepEqual(
        dots.map((d, i) => [i, d !== empty]).filter(([, drawn]) => drawn),
        [[2, true]],
        'no other option has a dot',
      );
      // Every ring shows against the ground, the chosen one's as the others'.
      for (const [i, ring] of rings.entries()) assert.notEqual(ring, ground, `option ${i}’s ring`);
      await page.close();
    });
  }

  test('the focus check itself tells a box-shadow ring (gone in forced colours) from an outline', async () => {
    const { page } = await open({ forcedColors: 'active' });
    await page.focus('#last');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'ringed');
    assert.equal(await focusChangesPixels(page), true);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'shadowed');
    assert.equal((await focused(page)).visible, false);
    assert.equal(await focusChangesPixels(page), false);
    await page.close();
  });
});
