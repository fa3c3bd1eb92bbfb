// Benchmark: <lc-partnership-matrix> against a plain HTML table of <select> cells, in one run of
// headless Chromium. For 10, 30 and 60 actors it measures
//   - render: create the element, give it its data, attach it, wait for the render, force style
//     and layout (the main-thread work before the first frame);
//   - one edit: a keydown "set this cell to level N" on the focused cell, through the element's
//     update, to style and layout done (for the table: set one <select> and dispatch `change`).
// Each figure is the median of several runs. Budgets: the 60-actor matrix renders at least 10
// times faster than the <select> table, and one edit's work fits in a frame (16 ms).
// Exits 1 when a budget fails. Run: `node bench/matrix.bench.js` (or `npm run bench`).
import { chromium } from 'playwright-core';
import { launchOptions } from '../scripts/chromium.js';
import { bundle, median, ms, servePage } from './support.js';

const SIZES = [10, 30, 60];
const RENDER_RUNS = { 10: 9, 30: 7, 60: 5 };
const EDIT_RUNS = 21;
const BUDGET_RENDER_RATIO = 10;
const BUDGET_EDIT_MS = 16;

// The page: both contenders built from the same deterministic data, timed in the page itself.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>matrix bench</title>
<style>body{margin:0;font:16px system-ui,sans-serif} #stage{width:1200px}
.plain{border-collapse:collapse} .plain th,.plain td{border:1px solid #999;padding:0}</style></head>
<body><div id="stage"></div>
<script type="module">
import './matrix.js';
const SECTORS = ['public-authority','education','business-finance','civil-society-sport','culture','health-social-care','citizens-group'];
const LEVELS = ['None','Occasional contact','Joint activity','Lasting partnership','Shared governance'];
const stage = document.getElementById('stage');
const layout = () => stage.getBoundingClientRect().height + document.body.offsetHeight;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function data(n) {
  const actors = Array.from({ length: n }, (_, i) => ({ id: 'a' + i, name: 'Actor number ' + (i + 1), sector: SECTORS[i % SECTORS.length] }));
  const ties = [];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const r = rnd();
    if (r < 0.3) ties.push({ source: 'a' + i, target: 'a' + j, level: 1 + Math.floor(rnd() * 4), independent: rnd() < 0.4 });
  }
  return { actors, ties };
}
function levelOf(ties, n) {
  const m = new Uint8Array(n * n);
  const index = (id) => Number(id.slice(1));
  for (const t of ties) { m[index(t.source) * n + index(t.target)] = t.level; m[index(t.target) * n + index(t.source)] = t.level; }
  return m;
}

let renders = 0;
window.renderMatrix = async (n) => {
  const { actors, ties } = data(n);
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  // In a community keeping nothing on the device: with storage "device" (the default),
  // updateComplete also waits for the map kept there to be read (one IndexedDB read, idle time
  // rather than rendering work). A key of its own: the edits below keep their map (as the person's
  // own, restored in place of the host's) with the element they were made in.
  const community = document.createElement('lc-community');
  community.setAttribute('storage', 'none');
  const el = document.createElement('lc-partnership-matrix');
  el.draftKey = 'bench-' + ++renders;
  el.layout = 'grid';
  el.actors = actors;
  el.ties = ties;
  community.append(el);
  stage.append(community);
  await el.updateComplete;
  layout();
  const t1 = performance.now();
  await frame();
  const t2 = performance.now();
  if (el.shadowRoot.querySelectorAll('[role=gridcell]').length !== n * n) throw new Error('matrix did not render every cell');
  return { work: t1 - t0, frame: t2 - t0 };
};

window.renderSelects = async (n) => {
  const { actors, ties } = data(n);
  const m = levelOf(ties, n);
  stage.replaceChildren();
  await frame();
  const t0 = performance.now();
  const table = document.createElement('table');
  table.className = 'plain';
  const head = table.createTHead().insertRow();
  head.append(document.createElement('th'));
  for (const a of actors) { const th = document.createElement('th'); th.textContent = a.name; head.append(th); }
  const body = table.createTBody();
  for (let i = 0; i < n; i++) {
    const tr = body.insertRow();
    const th = document.createElement('th'); th.scope = 'row'; th.textContent = actors[i].name; tr.append(th);
    for (let j = 0; j < n; j++) {
      const td = tr.insertCell();
      const select = document.createElement('select');
      select.setAttribute('aria-label', actors[i].name + ', ' + actors[j].name);
      if (i === j) select.disabled = true;
      for (let l = 0; l < 5; l++) select.add(new Option(l + ' ' + LEVELS[l], String(l), false, m[i * n + j] === l));
      td.append(select);
    }
  }
  const values = new Map();
  table.addEventListener('change', (e) => { const s = e.target; values.set(s.closest('td').cellIndex + ':' + s.closest('tr').rowIndex, s.value); });
  stage.append(table);
  layout();
  const t1 = performance.now();
  await frame();
  const t2 = performance.now();
  if (table.querySelectorAll('select').length !== n * n) throw new Error('table did not render every select');
  return { work: t1 - t0, frame: t2 - t0 };
};

window.editMatrix = async (runs) => {
  const el = stage.querySelector('lc-partnership-matrix');
  // Rows of the ARIA grid: the first is the column headers; in each row the first child is the row header.
  const rows = [...el.shadowRoot.querySelectorAll('[role=row]')].slice(1);
  const times = [];
  for (let k = 0; k < runs; k++) {
    const row = (k * 7) % rows.length;
    const col = (row + 1 + (k % (rows.length - 1))) % rows.length;
    const cell = rows[row].querySelectorAll('[role=gridcell]')[col];
    cell.focus();
    await el.updateComplete;
    await frame();
    // Always a real change: the next level after the cell's current one.
    const current = Number(cell.textContent.trim() || 0);
    const level = String(current === 4 ? 1 : current + 1);
    const t0 = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: level, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    layout();
    times.push(performance.now() - t0);
    if (!cell.getAttribute('aria-label').includes(level + ' ')) throw new Error('the edit did not reach the cell');
  }
  return times;
};

window.editSelects = async (runs) => {
  const rows = stage.querySelector('table').tBodies[0].rows;
  const times = [];
  for (let k = 0; k < runs; k++) {
    const row = (k * 7) % rows.length;
    const col = (row + 1 + (k % (rows.length - 1))) % rows.length;
    const select = rows[row].cells[col + 1].firstChild;
    select.focus();
    await frame();
    const level = String(select.value === '4' ? 1 : Number(select.value) + 1);
    const t0 = performance.now();
    select.value = level;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    layout();
    times.push(performance.now() - t0);
  }
  return times;
};
window.ready = true;
</script></body></html>`;

const pad = (s, w) => String(s).padStart(w);

async function main() {
  const { server, url } = await servePage(PAGE, 'matrix.js', bundle('bench/pages/matrix-entry.ts'));
  const browser = await chromium.launch(launchOptions());
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.ready === true && customElements.get('lc-partnership-matrix'));
    // Warm both paths up once, so neither pays the JIT's first compile in the figures.
    await page.evaluate(() => window.renderMatrix(10));
    await page.evaluate(() => window.renderSelects(10));
    for (const n of SIZES) {
      const matrix = [];
      const selects = [];
      for (let k = 0; k < RENDER_RUNS[n]; k++) {
        // Alternate, so drift in the machine's load touches both alike.
        matrix.push(await page.evaluate((size) => window.renderMatrix(size), n));
        selects.push(await page.evaluate((size) => window.renderSelects(size), n));
      }
      const selectEdits = await page.evaluate((runs) => window.editSelects(runs), EDIT_RUNS);
      await page.evaluate((size) => window.renderMatrix(size), n);
      const matrixEdits = await page.evaluate((runs) => window.editMatrix(runs), EDIT_RUNS);
      results.push({
        n,
        matrixRender: median(matrix.map((r) => r.work)),
        matrixFrame: median(matrix.map((r) => r.frame)),
        selectRender: median(selects.map((r) => r.work)),
        selectFrame: median(selects.map((r) => r.frame)),
        matrixEdit: median(matrixEdits),
        selectEdit: median(selectEdits),
      });
    }
  } finally {
    await browser.close();
    server.close();
  }

  console.log('\n<lc-partnership-matrix> vs a plain table of <select> cells (median; Chromium headless)\n');
  const head = [
    'actors',
    'matrix render',
    'select render',
    'ratio',
    'to 1st frame (m / s)',
    'matrix edit',
    'select edit',
  ];
  const widths = [6, 14, 14, 8, 24, 12, 12];
  console.log(head.map((h, i) => pad(h, widths[i])).join('  '));
  for (const r of results) {
    console.log(
      [
        r.n,
        ms(r.matrixRender),
        ms(r.selectRender),
        `${(r.selectRender / r.matrixRender).toFixed(1)}×`,
        `${ms(r.matrixFrame)} / ${ms(r.selectFrame)}`,
        ms(r.matrixEdit),
        ms(r.selectEdit),
      ]
        .map((c, i) => pad(c, widths[i]))
        .join('  '),
    );
  }
  const big = results.find((r) => r.n === 60);
  const ratio = big.selectRender / big.matrixRender;
  const worstEdit = Math.max(...results.map((r) => r.matrixEdit));
  const budgets = [
    {
      name: `60-actor render at least ${BUDGET_RENDER_RATIO}× faster than the <select> table`,
      value: `${ratio.toFixed(1)}×`,
      ok: ratio >= BUDGET_RENDER_RATIO,
    },
    {
      name: `one edit's work within ${BUDGET_EDIT_MS} ms (worst size)`,
      value: ms(worstEdit),
      ok: worstEdit <= BUDGET_EDIT_MS,
    },
  ];
  console.log('\nBudgets');
  for (const b of budgets) console.log(`  ${b.ok ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value}`);
  const failed = budgets.filter((b) => !b.ok).length;
  console.log(failed ? `\nmatrix bench: ${failed} budget(s) failed` : '\nmatrix bench: all budgets met');
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
