// Bundle sizes against budgets: the drop-in entry (dist/cdn/lc-elements.min.js, English
// included) and, for each element, what a page that uses only that element loads (its define
// module bundled with lit, zod and the core, minified, production Lit). Budgets (issue 8): the
// drop-in entry at most 35 KB gzip; a page with only <lc-self-rating> at most 20 KB gzip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1000;
const BUDGETS = { 'drop-in entry': 35 * KB, 'self-rating': 20 * KB };

function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
    const p = join(dir, d.name);
    return Math.max(max, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

const entry = 'dist/cdn/lc-elements.min.js';
if (!existsSync(entry) || statSync(entry).mtimeMs < newest('src')) {
  console.log('building (dist is missing or older than src)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const rows = [{ name: 'drop-in entry', ...sizes(readFileSync(entry)) }];
const out = mkdtempSync(join(tmpdir(), 'lc-size-'));
try {
  for (const name of readdirSync('src/components').sort()) {
    const define = `src/components/${name}/define.ts`;
    if (!existsSync(define)) continue;
    const dir = join(out, name);
    const meta = join(out, `${name}.meta.json`);
    const r = spawnSync(
      'node_modules/.bin/esbuild',
      [
        define,
        '--bundle',
        '--splitting',
        '--format=esm',
        '--minify',
        '--target=es2022',
        '--conditions=production',
        '--tsconfig=tsconfig.json',
        `--outdir=${dir}`,
        `--metafile=${meta}`,
        '--log-level=error',
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(1);
    // What the page loads up front: the entry and the chunks it imports statically (languages
    // other than English load later, on demand).
    const outputs = JSON.parse(readFileSync(meta, 'utf8')).outputs;
    const start = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const i of outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(start);
    const file = Buffer.concat([...seen].map((k) => readFileSync(k)));
    rows.push({ name, ...sizes(file) });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
console.log(
  'bundle'.padEnd(22),
  'minified'.padStart(10),
  'gzip'.padStart(10),
  'brotli'.padStart(10),
  '  budget (gzip)',
);
for (const row of rows) {
  const budget = BUDGETS[row.name];
  const over = budget !== undefined && row.gzip > budget;
  failed ||= over;
  console.log(
    row.name.padEnd(22),
    kb(row.raw).padStart(10),
    kb(row.gzip).padStart(10),
    kb(row.brotli).padStart(10),
    budget === undefined ? '' : `  ${kb(budget)} ${over ? 'EXCEEDED' : 'ok'}`,
  );
}
process.exit(failed ? 1 : 0);
