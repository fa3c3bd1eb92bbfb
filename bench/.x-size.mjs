// Bundle sizes against budgets, measured on what ships: dist/cdn/ (production Lit, minified).
// - the drop-in entry, lc-elements.min.js: the loader a page includes;
// - for each element, what a page that uses only that element loads: the loader, the element's
//   file and every file those import, English content included (each file compressed on its
//   own, as a server sends it); then a page with every element;
// - what a page loads later, on demand: another language, <lc-results>'s parser;
// - the whole job in Chromium: a page with one <lc-self-rating> is opened, a person answers and
//   sends, and every script the page fetched on the way is counted (what loads on demand too).
// Budgets (issue 8): the drop-in entry at most 35 KB gzip; a page with only <lc-self-rating> at
// most 20 KB gzip, for the whole job. Exits 1 when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from '../scripts/chromium.js';

const KB = 1000;
const ENTRY = 'lc-elements.min.js';
const JOB = 'rate and send, in Chromium';
const BUDGETS = { 'drop-in entry': 35 * KB, [JOB]: 20 * KB };
const CDN = 'dist/cdn';

function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
    const p = join(dir, d.name);
    return Math.max(max, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

const manifestFile = join(CDN, 'manifest.json');
if (!existsSync(manifestFile) || statSync(manifestFile).mtimeMs < newest('src')) {
  console.log('building (dist is missing or older than src)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const cache = new Map();
function sizes(file) {
  if (!cache.has(file)) {
    const buf = readFileSync(join(CDN, file));
    cache.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return cache.get(file);
}

/**
 * The files and every file they import statically (what loads with them); for an element that
 * shows the criteria in full, their English file too, which it loads at once on an English page.
 */
function closure(files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of manifest[f].imports) visit(i);
    if (manifest[f].content) visit(manifest[f].content.en);
  };
  files.forEach(visit);
  return seen;
}

const total = (files) =>
  [...files].reduce(
    (sum, f) => {
      const s = sizes(f);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli, files: sum.files + 1 };
    },
    { raw: 0, gzip: 0, brotli: 0, files: 0 },
  );

const elements = Object.keys(manifest)
  .filter((f) => f.startsWith('elements/'))
  .sort();
const rows = [{ name: 'drop-in entry', ...total(closure([ENTRY])) }];
for (const file of elements) {
  const tag = `lc-${file.slice('elements/'.length, -'.js'.length)}`;
  rows.push({ name: `page with <${tag}>`, ...total(closure([ENTRY, file])) });
}
rows.push({ name: 'page with every element', ...total(closure([ENTRY, ...elements])) });

/**
 * What a page with `element` loads later, on demand: the files its dynamic imports matching `re`
 * bring that it has not loaded already. Throws when there are none (the names in the manifest changed).
 */
function later(element, re, what) {
  const page = closure([ENTRY, element]);
  const files = new Set();
  for (const f of page) {
    for (const d of manifest[f].dynamicImports) {
      if (re.test(d)) for (const g of closure([d])) if (!page.has(g)) files.add(g);
    }
  }
  if (!files.size) throw new Error(`manifest.json: no ${what} found for ${element}`);
  return files;
}
const laterRows = [
  // Danish (UI strings and criteria content) for a page with only a rating.
  {
    name: 'Danish, for that page',
    ...total(later('elements/self-rating.js', /\.da-|common-criteria\.da/, 'Danish files')),
  },
  // <lc-results>'s parser, loaded while its first figures are fetched.
  { name: '<lc-results> parser, with its data', ...total(later('elements/results.js', /\/load-/, 'results parser')) },
];

/** Opens a page with one standalone rating, answers and sends it; returns the scripts it fetched. */
async function ratingJob() {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one rating</title>
<script type="module" src="/lc/${ENTRY}"></script></head><body>
<lc-self-rating criterion="trust" endpoint="/collect"></lc-self-rating></body></html>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    if (path === '/collect') return res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
    const file = join(CDN, path.replace(/^\/lc\//, ''));
    if (path.startsWith('/lc/') && existsSync(file) && !file.includes('..')) {
      return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch(launchOptions());
  try {
    const p = await browser.newPage();
    const scripts = new Set();
    p.on('request', (r) => r.url().includes('/lc/') && scripts.add(new URL(r.url()).pathname.slice(4)));
    await p.goto(`http://127.0.0.1:${server.address().port}/`);
    const rating = p.locator('lc-self-rating');
    await rating.getByRole('radio').nth(3).click();
    await Promise.all([
      p.evaluate(() => new Promise((r) => document.addEventListener('lc-submitted', r, { once: true }))),
      rating.getByRole('button').click(),
    ]);
    return scripts;
  } finally {
    await browser.close();
    server.close();
  }
}
const S = await ratingJob(); for (const f of S) { const b = readFileSync(join(CDN, f)); console.log(String(gzipSync(b, { level: 9 }).length).padStart(7), f); }

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
const header = () =>
  console.log(
    'what loads'.padEnd(34),
    'files'.padStart(5),
    'minified'.padStart(10),
    'gzip'.padStart(10),
    'brotli'.padStart(10),
    '  budget (gzip)',
  );
const line = (row) => {
  const budget = BUDGETS[row.name];
  const over = budget !== undefined && row.gzip > budget;
  failed ||= over;
  console.log(
    row.name.padEnd(34),
    String(row.files).padStart(5),
    kb(row.raw).padStart(10),
    kb(row.gzip).padStart(10),
    kb(row.brotli).padStart(10),
    budget === undefined ? '' : `  ${kb(budget)} ${over ? 'EXCEEDED' : 'ok'}`,
  );
};
console.log(`\n${CDN}/ (each file compressed on its own; English content included)\n`);
header();
rows.forEach(line);
console.log('\nloaded later, only when a page shows it\n');
laterRows.forEach(line);
process.exit(failed ? 1 : 0);
