// Benchmark: the reference collector's GET /api/results for one round of 5,000 and of 20,000
// submissions (ratings and assessments, a tenth of them changed answers naming an earlier one, a
// fifth with a respondent id), stored through the collector's own store in a temporary SQLite
// file. It times buildResults, which the request runs synchronously: no other request is answered
// meanwhile. Each figure is the median of several runs. Budgets: a round of 5,000 in under a
// second, and 4 times the round in under 8 times the time (a query that reads the whole round for
// each of its submissions grows with the square, and misses both).
// Exits 1 when a budget fails. Run: `node bench/collector.bench.js` (or `npm run bench`).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildResults } from '../demo/collector/app.js';
import { openDatabase } from '../demo/collector/db.js';
import { schemas } from '../demo/collector/schemas.js';
import { createStore } from '../demo/collector/store.js';
import { median, ms } from './support.js';

const SIZES = [5000, 20000];
const RUNS = 5;
const BUDGET_5000_MS = 1000;
const BUDGET_GROWTH = 8;

/** A round of `n` submissions, as gen50k.mjs in QA's report built them (deterministic but for ids). */
function fill(store, n) {
  const ids = schemas.commonCriteriaEn.criteria.map((c) => c.id);
  const perspectives = ['citizen', 'authority', 'partner', 'business', undefined];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const level = () => (rnd() < 0.08 ? null : Math.floor(rnd() * 5));
  const earlier = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 2 ? 'rating' : 'assessment';
    const env = {
      schema: 'lc-submission/1',
      id: randomUUID(),
      kind,
      community: 'bench-city',
      round: '2026-autumn',
      criteriaSet: { id: schemas.commonCriteriaEn.id, version: '1.0.0' },
      locale: 'da',
      createdAt: new Date().toISOString(),
    };
    const perspective = pick(perspectives);
    if (perspective) env.perspective = perspective;
    if (rnd() < 0.2) env.respondent = `resp-${Math.floor(rnd() * 2000)}`;
    if (kind === 'rating') Object.assign(env, { criterion: pick(ids), data: { level: level() } });
    else env.data = { answers: ids.map((criterion) => ({ criterion, level: level() })) };
    if (rnd() < 0.1 && earlier.length) env.replaces = pick(earlier);
    store.record(schemas.envelopeSchema.parse(env));
    if (rnd() < 0.3) earlier.push(env.id);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lc-bench-collector-'));
const figures = {};
try {
  for (const n of SIZES) {
    const file = join(dir, `round-${n}.sqlite`);
    let db = openDatabase(file);
    // Filling only: the figures are of reading.
    db.pragma('synchronous = OFF');
    db.transaction(() => fill(createStore(db), n))();
    db.close();
    // Opened again as the collector opens it at start-up.
    db = openDatabase(file);
    const store = createStore(db);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      buildResults(store, 'bench-city', '2026-autumn');
      times.push(performance.now() - t0);
    }
    db.close();
    figures[n] = median(times);
    console.log(`GET /api/results, a round of ${n.toLocaleString('en')} submissions: ${ms(figures[n])}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const growth = figures[20000] / figures[5000];
const failures = [];
if (figures[5000] > BUDGET_5000_MS)
  failures.push(`5,000 submissions took ${ms(figures[5000])} (budget ${BUDGET_5000_MS} ms)`);
if (growth > BUDGET_GROWTH)
  failures.push(`4 times the round took ${growth.toFixed(1)} times as long (budget ${BUDGET_GROWTH})`);
console.log(`growth from 5,000 to 20,000: ${growth.toFixed(1)} times (budget ${BUDGET_GROWTH})`);
for (const f of failures) console.log(`BUDGET EXCEEDED: ${f}`);
process.exit(failures.length ? 1 : 0);
