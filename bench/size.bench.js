// Bundle sizes against budgets, measured on what ships: dist/cdn/ (production Lit, minified).
// - the drop-in entry, lc-elements.min.js: the loader a page includes;
// - for each element, what a page that uses only that element loads: the loader, the element's
//   file and every file those import, English content included (each file compressed on its
//   own, as a server sends it); then a page with every element;
// - what a page loads later, on demand: another language.
// Budgets (issue 8): the drop-in entry at most 35 KB gzip; a page with only <lc-self-rating> at
// most 20 KB gzip. Exits 1 when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;
const ENTRY = 'lc-elements.min.js';
const BUDGETS = { 'drop-in entry': 35 * KB, 'page with <lc-self-rating>': 20 * KB };
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

/** The files and every file they import statically (what loads with them). */
function closure(files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of manifest[f].imports) visit(i);
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

// Later, on demand: Danish (UI strings and criteria content) for a page with only a rating.
const ratingPage = closure([ENTRY, 'elements/self-rating.js']);
const danish = new Set();
for (const f of ratingPage) {
  for (const d of manifest[f].dynamicImports) {
    if (/\.da-|common-criteria\.da/.test(d)) for (const g of closure([d])) if (!ratingPage.has(g)) danish.add(g);
  }
}
const later = [{ name: 'Danish, for that page', ...total(danish) }];

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
later.forEach(line);
process.exit(failed ? 1 : 0);
