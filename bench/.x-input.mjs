// Benchmark: 12, 120 and 1200 <lc-criterion-card>s with a nested <lc-self-rating>, inside an
// <lc-community>, against a plain-Lit baseline (a heading, a question and six native radios per
// card) in the same run of headless Chromium; and one rating's input work (an arrow key on the
// focused rating, through its update and layout) against the same on a native radio in the
// baseline (focus moves to the next radio and checks it, as Chromium does on an arrow key),
// press by press in turn on one page. Figures are medians, ratios taken in each of three
// browsers. Budgets (issue 8): render within 1.5 times the baseline, one input within 1.2 times.
// Exits 1 when a budget fails. Run: `node bench/render.bench.js` (or `npm run bench`).
import { chromium } from 'playwright-core';
import { launchOptions } from '../scripts/chromium.js';
import { bundle, median, ms, servePage } from './support.js';

const SIZES = [];
const RUNS = { 12: 41, 120: 15, 1200: 5 };
const INPUT_RUNS = 201;
const LAUNCHES = +(process.env.L || 5);
const BUDGET_RENDER = 1.5;
const BUDGET_INPUT = 1.2;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>render bench</title></head>
<body><div id="stage"></div><script type="module">
import './page.js';
// The built-in set's criteria, as the bundle has them.
const IDS = window.lcCriteriaIds;
const stage = document.getElementById('stage');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const layout = () => document.body.offsetHeight;
// What each side renders: n cards with a rating in a community, and n plain cards.
const libraryCards = (n) => {
  const community = document.createElement('lc-community');
  community.setAttribute('storage', 'none');
  for (let i = 0; i < n; i++) {
    const card = document.createElement('lc-criterion-card');
    card.setAttribute('criterion', IDS[i % 12]);
    card.setAttribute('variant', 'compact');
    card.append(document.createElement('lc-self-rating'));
    community.append(card);
  }
  return community;
};
const plainCards = (n) => {
  const wrap = document.createElement('div');
  for (let i = 0; i < n; i++) {
    const card = document.createElement('plain-card');
    card.criterion = IDS[i % 12];
    wrap.append(card);
  }
  return wrap;
};
window.renderLibrary = async (n) => {
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  const community = libraryCards(n);
  stage.append(community);
  const all = [...community.querySelectorAll('lc-criterion-card, lc-self-rating')];
  await Promise.all(all.map((e) => e.updateComplete));
  layout();
  const t1 = performance.now();
  if (community.querySelectorAll('lc-self-rating').length !== n || !all.at(-1).shadowRoot.querySelector('[role=radio]'))
    throw new Error('not everything rendered');
  return t1 - t0;
};
window.renderBaseline = async (n) => {
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  const wrap = plainCards(n);
  stage.append(wrap);
  const all = [...wrap.children];
  await Promise.all(all.map((e) => e.updateComplete));
  layout();
  const t1 = performance.now();
  if (!all.at(-1).shadowRoot.querySelector('input')) throw new Error('baseline did not render');
  return t1 - t0;
};
// One rating's input against one native radio group's, press by press in turn (library, then
// baseline), both on the page at once: a slower or faster spell of the machine weighs on both alike.
window.input = async (runs) => {
  stage.replaceChildren();
  const community = libraryCards(12);
  const plain = plainCards(12);
  stage.append(community, plain);
  await Promise.all([...stage.querySelectorAll('lc-criterion-card, lc-self-rating, plain-card')].map((e) => e.updateComplete));
  await frame();
  const rating = community.querySelector('lc-self-rating');
  const options = rating.shadowRoot.querySelectorAll('[role=radio]');
  const card = plain.firstElementChild;
  const inputs = card.shadowRoot.querySelectorAll('input');
  const lib = [];
  const base = [];
  for (let k = 0; k < runs; k++) {
    // The library: an arrow key on the focused option moves focus to the next one and checks it.
    options[k % 6].focus();
    await frame();
    const before = rating.value;
    let t0 = performance.now();
    rating.shadowRoot.activeElement.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }),
    );
    await rating.updateComplete;
    layout();
    lib.push(performance.now() - t0);
    if (rating.value === before) throw new Error('the key did not change the rating');
    await frame();
    // The baseline: an arrow key in a native radio group is dispatched to the focused radio (as
    // the library's is to its focused option), then its default action focuses the next radio and
    // clicks it (Chromium's RadioInputType: SetFocusedElement, then DispatchSimulatedClick). A
    // synthetic key has no default action: the script takes those two steps.
    // From the radio before, focused outside the timing, as the library's option is.
    const from = inputs[k % 6];
    from.focus();
    await frame();
    const input = inputs[(k + 1) % 6];
    t0 = performance.now();
    from.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
    input.focus();
    input.click();
    await card.updateComplete;
    layout();
    base.push(performance.now() - t0);
    if (!input.checked) throw new Error('the baseline radio was not checked');
    await frame();
  }
  return { lib, base };
};
window.ready = true;
</script></body></html>`;

// One browser's figures: every row of the table, library and baseline in the same page.
async function measure(url) {
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.ready === true);
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated');
    await page.evaluate(() => window.renderLibrary(12));
    await page.evaluate(() => window.renderBaseline(12));
    const rows = [];
    for (const n of SIZES) {
      const lib = [];
      const base = [];
      for (let k = 0; k < RUNS[n]; k++) {
        lib.push(await page.evaluate((size) => window.renderLibrary(size), n));
        base.push(await page.evaluate((size) => window.renderBaseline(size), n));
      }
      rows.push({ name: n, lib: median(lib), base: median(base) });
    }
    const input = await page.evaluate((r) => window.input(r), INPUT_RUNS);
    rows.push({ name: 'input', lib: median(input.lib), base: median(input.base) });
    return rows;
  } finally {
    await browser.close();
  }
}

// A browser's whole run is faster or slower by up to a tenth from one launch to the next (where
// its code and memory land), for the library and the baseline alike: the ratios are taken in each
// of LAUNCHES browsers, and the verdict is on their median.
const { server, url } = await servePage(PAGE, 'page.js', bundle(process.env.ENTRY || 'bench/pages/render-entry.ts'));
const launches = [];
try {
  for (let i = 0; i < LAUNCHES; i++) launches.push(await measure(url));
} finally {
  server.close();
}

let failed = false;
const row = (name, budget) => {
  const runs = launches.map((rows) => rows.find((r) => r.name === name));
  const ratios = runs.map((r) => r.lib / r.base);
  const ratio = median(ratios);
  const over = ratio > budget;
  failed ||= over;
  const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  return [
    ms(median(runs.map((r) => r.lib))).padStart(12),
    ms(median(runs.map((r) => r.base))).padStart(12),
    `${ratio.toFixed(2)}×`.padStart(8),
    spread.padStart(11),
    `  ≤ ${budget}× ${over ? 'EXCEEDED' : 'ok'}`,
  ].join(' ');
};
console.log(
  `\ncards with ratings vs a plain-Lit baseline (main-thread time to rendered and laid out; medians, ${LAUNCHES} browsers)\n`,
);
console.log(
  'cards'.padStart(6),
  'library'.padStart(12),
  'baseline'.padStart(12),
  'ratio'.padStart(8),
  'per browser'.padStart(11),
  '  budget',
);
for (const n of SIZES) console.log(String(n).padStart(6), row(n, BUDGET_RENDER));
console.log("\none rating's input (an arrow key) vs a native radio group's:\n");
console.log('input'.padStart(6), row('input', BUDGET_INPUT));
process.exit(failed ? 1 : 0);
