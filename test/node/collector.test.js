// The reference collector over real HTTP, with a real SQLite file in a temporary folder.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_BODY_BYTES, migrations, startServer } from '../../demo/collector/server.js';
import { schemas } from '../../demo/collector/schemas.js';

const PARTNER = 'https://partner.example';
let dir;
let server;
/** A second connection, read-only: a row it sees has been committed. */
let reader;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lc-collector-'));
  server = await startServer({ port: 0, dbPath: join(dir, 'data', 'collector.sqlite'), allowedOrigins: [PARTNER] });
  reader = new Database(server.dbPath, { readonly: true });
});

after(async () => {
  reader?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let clock = Date.parse('2026-10-01T08:00:00Z');
function envelope(overrides = {}) {
  clock += 60_000;
  return {
    schema: 'lc-submission/1',
    id: randomUUID(),
    kind: 'rating',
    community: 'test-city',
    round: '2026-autumn',
    perspective: 'citizen',
    criteriaSet: { id: 'common-criteria', version: '1.0' },
    criterion: 'trust',
    locale: 'da',
    createdAt: new Date(clock).toISOString(),
    data: { level: 3 },
    ...overrides,
  };
}

function post(body, headers = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${server.url}/api/submissions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(typeof body === 'object' ? { 'Idempotency-Key': body.id } : {}),
      ...headers,
    },
    body: raw,
  });
}

const rows = (id) => reader.prepare('SELECT * FROM submissions WHERE id = ?').all(id);
const get = async (path) => {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, 200, `${path} answered ${response.status}`);
  return response;
};

describe('the database', () => {
  test('is created with its folder, migrated to the latest version, in WAL mode', () => {
    assert.equal(reader.pragma('user_version', { simple: true }), migrations.length);
    assert.equal(reader.pragma('journal_mode', { simple: true }), 'wal');
    const tables = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    assert.ok(tables.includes('submissions') && tables.includes('answers'));
  });
});

describe('POST /api/submissions', () => {
  test('stores a valid envelope: 201, and the row is committed', async () => {
    const env = envelope({ data: { level: 2, comment: 'Vi mødes hver måned.' } });
    const response = await post(env);
    assert.equal(response.status, 201);
    // No Location: the collector has no URL that answers for one submission.
    assert.equal(response.headers.get('location'), null);
    const body = await response.json();
    assert.equal(body.id, env.id);
    assert.ok(!Number.isNaN(Date.parse(body.receivedAt)));
    const [row] = rows(env.id);
    assert.equal(row.kind, 'rating');
    assert.equal(row.community, 'test-city');
    assert.equal(row.round, '2026-autumn');
    assert.equal(row.perspective, 'citizen');
    assert.equal(row.criterion, 'trust');
    assert.equal(row.created_at, env.createdAt);
    assert.deepEqual(JSON.parse(row.payload), env);
    assert.match(row.payload_hash, /^[0-9a-f]{64}$/);
    const answers = reader.prepare('SELECT criterion, level FROM answers WHERE submission_id = ?').all(env.id);
    assert.deepEqual(answers, [{ criterion: 'trust', level: 2 }]);
  });

  test('stores an assessment as one submission and one answers row per criterion; a retry adds none', async () => {
    const { criterion: _c, ...env } = envelope({
      kind: 'assessment',
      data: {
        answers: [
          { criterion: 'trust', level: 3, comment: 'Vi kender hinanden.' },
          { criterion: 'inclusion', level: null },
          { criterion: 'policy-making', level: 0, evidence: 'https://egeby.example/referat' },
        ],
      },
    });
    assert.equal((await post(env)).status, 201);
    const [row] = rows(env.id);
    assert.equal(row.kind, 'assessment');
    assert.equal(row.criterion, null);
    assert.deepEqual(JSON.parse(row.payload), env);
    const answers = () =>
      reader
        .prepare(
          'SELECT criterion, level, community, round, perspective FROM answers WHERE submission_id = ? ORDER BY criterion',
        )
        .all(env.id);
    const expected = [
      { criterion: 'inclusion', level: null, community: 'test-city', round: '2026-autumn', perspective: 'citizen' },
      { criterion: 'policy-making', level: 0, community: 'test-city', round: '2026-autumn', perspective: 'citizen' },
      { criterion: 'trust', level: 3, community: 'test-city', round: '2026-autumn', perspective: 'citizen' },
    ];
    assert.deepEqual(answers(), expected);
    assert.equal((await post(env)).status, 200);
    assert.equal(rows(env.id).length, 1);
    assert.deepEqual(answers(), expected);
  });

  test('answers a repeated submission as the first time (200, same body) and keeps one row', async () => {
    const env = envelope();
    const first = await post(env);
    assert.equal(first.status, 201);
    const firstBody = await first.json();
    // The same envelope with its keys in another order is the same payload.
    const reordered = Object.fromEntries(Object.entries(env).reverse());
    const again = await post(reordered);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), firstBody);
    assert.equal(rows(env.id).length, 1);
    assert.equal(reader.prepare('SELECT COUNT(*) FROM answers WHERE submission_id = ?').pluck().get(env.id), 1);
  });

  test('refuses a different payload under an id already used: 422, the first one kept', async () => {
    const env = envelope({ data: { level: 1 } });
    assert.equal((await post(env)).status, 201);
    const response = await post({ ...env, data: { level: 4 } });
    assert.equal(response.status, 422);
    const body = await response.json();
    assert.match(body.error.message, new RegExp(env.id));
    assert.equal(JSON.parse(rows(env.id)[0].payload).data.level, 1);
  });

  test('refuses an invalid envelope: 400 naming the field, nothing stored', async () => {
    const env = envelope({ data: { level: 7 } });
    const response = await post(env);
    assert.equal(response.status, 400);
    const { error } = await response.json();
    assert.match(error.message, /data\.level/);
    assert.deepEqual(
      error.issues.map((i) => i.path),
      ['data.level'],
    );
    assert.equal(rows(env.id).length, 0);

    const { criterion: _omitted, ...noCriterion } = envelope();
    const missing = await (await post(noCriterion)).json();
    assert.match(missing.error.message, /criterion/);

    const badUrl = await post(envelope({ data: { level: 2, evidence: 'javascript:alert(1)' } }));
    assert.equal(badUrl.status, 400);
    assert.match((await badUrl.json()).error.message, /data\.evidence: must be an http\(s\) URL/);
  });

  test('refuses a body that is not JSON: 400', async () => {
    const response = await post('{"schema": ', { 'Idempotency-Key': randomUUID() });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.message, /not valid JSON/);
  });

  test('refuses an Idempotency-Key that is not the envelope id: 400', async () => {
    const env = envelope();
    const response = await post(env, { 'Idempotency-Key': randomUUID() });
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.message, /Idempotency-Key/);
    assert.equal(rows(env.id).length, 0);
  });

  test('refuses another content type: 415', async () => {
    const env = envelope();
    const response = await post(env, { 'Content-Type': 'text/plain' });
    assert.equal(response.status, 415);
    assert.match((await response.json()).error.message, /application\/json/);
    const form = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      body: new URLSearchParams({ a: '1' }),
    });
    assert.equal(form.status, 415);
    assert.equal(rows(env.id).length, 0);
  });

  test('refuses a body over the size limit: 413', async () => {
    const env = envelope({ data: { level: 2, comment: 'x'.repeat(3000) } });
    const big = JSON.stringify({ ...env, padding: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await post(big);
    assert.equal(response.status, 413);
    assert.match((await response.json()).error.message, /larger than/);
    assert.equal(rows(env.id).length, 0);
  });
});

describe('CORS', () => {
  const preflight = (origin) =>
    fetch(`${server.url}/api/submissions`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });

  test('lets an allowed origin post, Idempotency-Key included', async () => {
    const response = await preflight(PARTNER);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(response.headers.get('access-control-allow-methods'), /POST/);
    const headers = response.headers.get('access-control-allow-headers').toLowerCase().split(',');
    assert.ok(headers.includes('content-type') && headers.includes('idempotency-key'));
    const env = envelope();
    const posted = await post(env, { Origin: PARTNER });
    assert.equal(posted.status, 201);
    assert.equal(posted.headers.get('access-control-allow-origin'), PARTNER);
  });

  test('refuses an origin that is not on the list, preflight and post alike', async () => {
    const response = await preflight('https://elsewhere.example');
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const env = envelope();
    const posted = await post(env, { Origin: 'https://elsewhere.example' });
    assert.equal(posted.status, 403);
    assert.equal(rows(env.id).length, 0);
  });

  test('always lets the collector’s own origin post', async () => {
    const env = envelope();
    assert.equal((await post(env, { Origin: server.url })).status, 201);
  });
});

describe('GET /api/results', () => {
  // Known answers, figures computed by hand below.
  before(async () => {
    const at = (iso) => ({ createdAt: iso, community: 'results-city', round: 'r1' });
    const rate = (perspective, level, criterion = 'trust', extra = {}) =>
      envelope({ ...at(new Date((clock += 1000)).toISOString()), perspective, criterion, data: { level }, ...extra });
    const sent = [
      envelope({ community: 'results-city', round: 'r0', createdAt: '2026-03-01T10:00:00.000Z', data: { level: 1 } }),
      rate('citizen', 0),
      rate('citizen', 2),
      rate('citizen', 3),
      rate('citizen', 3),
      rate('citizen', null),
      rate('authority', 4),
      rate('authority', 1),
      envelope({
        ...at(new Date((clock += 1000)).toISOString()),
        kind: 'assessment',
        perspective: 'business',
        criterion: undefined,
        data: {
          answers: [
            { criterion: 'trust', level: 2 },
            { criterion: 'inclusion', level: null },
          ],
        },
      }),
      // A rating without a perspective, and one for a criterion outside the built-in set.
      rate(undefined, 4, 'inclusion'),
      rate('citizen', 1, 'local-harbour'),
      // The same respondent twice: only the later answer counts.
      rate('citizen', 0, 'policy-making', { respondent: 'resp-1' }),
      rate('citizen', 4, 'policy-making', { respondent: 'resp-1' }),
      rate('citizen', 2, 'policy-making', { respondent: 'resp-2' }),
    ];
    for (const env of sent) {
      const { criterion: _c, ...rest } = env;
      const response = await post(env.criterion === undefined ? rest : env);
      assert.equal(response.status, 201, await response.text());
    }
  });

  const fetchResults = async () => (await get('/api/results?community=results-city&round=r1')).json();
  const byId = (results, id) => results.criteria.find((c) => c.criterion === id);

  test('answers in the lc-results/1 format, every built-in criterion in order, rounds oldest first', async () => {
    const results = await fetchResults();
    assert.ok(schemas.resultsSchema.safeParse(results).success);
    assert.equal(results.schema, 'lc-results/1');
    assert.equal(results.community, 'results-city');
    assert.equal(results.round, 'r1');
    assert.deepEqual(results.rounds, ['r0', 'r1']);
    assert.deepEqual(results.criteriaSet, { id: 'common-criteria', version: '1.0' });
    const ids = results.criteria.map((c) => c.criterion);
    assert.deepEqual(
      ids.slice(0, 12),
      schemas.commonCriteriaEn.criteria.map((c) => c.id),
    );
    assert.deepEqual(ids.slice(12), ['local-harbour']);
    assert.deepEqual(byId(results, 'initiatives').overall, {
      n: 0,
      levels: [0, 0, 0, 0, 0],
      dontKnow: 0,
      mean: null,
      median: null,
    });
  });

  test('counts ratings and assessment answers alike, "don\'t know" apart, split by perspective', async () => {
    const trust = byId(await fetchResults(), 'trust');
    // All: 0 2 3 3 ? 4 1 2 → levels [1,1,2,2,1], one don't know; 15 / 7; median of 0 1 2 2 3 3 4 is 2.
    assert.deepEqual(trust.overall, { n: 8, levels: [1, 1, 2, 2, 1], dontKnow: 1, mean: 15 / 7, median: 2 });
    assert.deepEqual(Object.keys(trust.perspectives), ['authority', 'business', 'citizen']);
    // Citizens: 0 2 3 3 and one don't know → mean 8 / 4, median (2 + 3) / 2.
    assert.deepEqual(trust.perspectives.citizen, { n: 5, levels: [1, 0, 1, 2, 0], dontKnow: 1, mean: 2, median: 2.5 });
    assert.deepEqual(trust.perspectives.authority, {
      n: 2,
      levels: [0, 1, 0, 0, 1],
      dontKnow: 0,
      mean: 2.5,
      median: 2.5,
    });
    assert.deepEqual(trust.perspectives.business, { n: 1, levels: [0, 0, 1, 0, 0], dontKnow: 0, mean: 2, median: 2 });
    // The r0 rating of trust stays in its own round.
    const inclusion = byId(await fetchResults(), 'inclusion');
    assert.deepEqual(inclusion.overall, { n: 2, levels: [0, 0, 0, 0, 1], dontKnow: 1, mean: 4, median: 4 });
    assert.equal(inclusion.perspectives.business.dontKnow, 1);
    assert.equal(inclusion.perspectives.unspecified.levels[4], 1);
  });

  test("gives an assessment's answers the same figures as the same answers sent as single ratings", async () => {
    const community = 'same-city';
    const answers = [
      ['citizen', 'trust', 2],
      ['citizen', 'inclusion', null],
      ['citizen', 'policy-making', 0],
      ['authority', 'trust', 4],
      ['authority', 'policy-making', 3],
    ];
    for (const [perspective, criterion, level] of answers) {
      const env = envelope({ community, round: 'as-ratings', perspective, criterion, data: { level } });
      assert.equal((await post(env)).status, 201);
    }
    for (const perspective of ['citizen', 'authority']) {
      const { criterion: _c, ...env } = envelope({
        community,
        round: 'as-assessments',
        perspective,
        kind: 'assessment',
        data: {
          answers: answers.filter(([p]) => p === perspective).map(([, criterion, level]) => ({ criterion, level })),
        },
      });
      assert.equal((await post(env)).status, 201);
    }
    const figures = async (round) => await (await get(`/api/results?community=${community}&round=${round}`)).json();
    const asRatings = await figures('as-ratings');
    const asAssessments = await figures('as-assessments');
    assert.deepEqual(asAssessments.criteria, asRatings.criteria);
    const trust = byId(asAssessments, 'trust');
    assert.deepEqual(trust.overall, { n: 2, levels: [0, 0, 1, 0, 1], dontKnow: 0, mean: 3, median: 3 });
    assert.equal(byId(asAssessments, 'inclusion').perspectives.citizen.dontKnow, 1);
  });

  test('counts only the latest answer of a respondent to a criterion', async () => {
    const policy = byId(await fetchResults(), 'policy-making');
    assert.deepEqual(policy.overall, { n: 2, levels: [0, 0, 1, 0, 1], dontKnow: 0, mean: 3, median: 3 });
  });

  test('exports the same figures as CSV', async () => {
    const response = await get('/api/results?community=results-city&round=r1&format=csv');
    assert.match(response.headers.get('content-type'), /^text\/csv/);
    assert.match(response.headers.get('content-disposition'), /attachment; filename="results-results-city-r1\.csv"/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(
      lines[0],
      'community,round,criterion,perspective,n,level_0,level_1,level_2,level_3,level_4,dont_know,mean,median',
    );
    assert.ok(lines.includes('results-city,r1,trust,citizen,5,1,0,1,2,0,1,2,2.5'));
    // Means and medians rounded to two decimals, as in <lc-results>'s own export.
    assert.ok(lines.includes('results-city,r1,trust,all,8,1,1,2,2,1,1,2.14,2'));
  });

  test('asks for community and round, naming what is missing', async () => {
    const response = await fetch(`${server.url}/api/results?community=results-city`);
    assert.equal(response.status, 400);
    assert.match((await response.json()).error.message, /round/);
  });
});

describe('GET /api/journal and /api/partnerships', () => {
  const journal = (title, criteria, extra = {}) =>
    envelope({
      kind: 'journal-entry',
      community: 'journal-city',
      criterion: undefined,
      data: { title, date: '2026-10-02', criteria, practised: 'Vi prøvede det.', ...extra },
    });
  const without = ({ criterion: _c, ...rest }) => rest;

  before(async () => {
    for (const env of [
      journal('Fælles madklub', ['trust', 'inclusion']),
      journal('=HYPERLINK("http://evil.example")', ['policy-making'], { concluded: 'Linje 1\nLinje 2, "citat"' }),
      // Formula starts a spreadsheet also runs: full-width "＝", and "=" after spaces.
      journal('＝SUM(1)', [], { practised: '  =cmd|x', tested: '\t@A1' }),
    ]) {
      assert.equal((await post(without(env))).status, 201);
    }
    const partnerships = envelope({
      kind: 'partnerships',
      community: 'journal-city',
      criterion: undefined,
      data: {
        actors: [
          { id: 'club', name: 'Egeby IF', sector: 'civil-society' },
          { id: 'bank', name: 'Sparekassen', sector: 'business' },
        ],
        ties: [{ source: 'club', target: 'bank', level: 3, independent: true }],
        figures: { density: 1 },
      },
    });
    assert.equal((await post(without(partnerships))).status, 201);
  });

  test('lists journal entries newest first, filtered by criterion', async () => {
    const all = await (await get('/api/journal?community=journal-city')).json();
    assert.deepEqual(
      all.entries.map((s) => s.data.title),
      ['＝SUM(1)', '=HYPERLINK("http://evil.example")', 'Fælles madklub'],
    );
    const trust = await (await get('/api/journal?community=journal-city&criterion=trust')).json();
    assert.deepEqual(
      trust.entries.map((s) => s.data.title),
      ['Fælles madklub'],
    );
    const limited = await (await get('/api/journal?community=journal-city&limit=1')).json();
    assert.equal(limited.entries.length, 1);
    assert.equal((await fetch(`${server.url}/api/journal?limit=lots`)).status, 400);
  });

  test('exports the journal as CSV with formulas defused', async () => {
    const text = await (await get('/api/journal?community=journal-city&format=csv')).text();
    assert.match(text, /^submission,community,round,perspective,created_at,date,title,criteria,practised/);
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`));
    assert.ok(text.includes('"Linje 1\nLinje 2, ""citat"""'));
    assert.ok(text.includes(',trust inclusion,'));
    assert.ok(text.includes(`,'＝SUM(1),`), 'a full-width "=" is defused');
    assert.ok(text.includes(`,'  =cmd|x,`), 'an "=" after spaces is defused');
    assert.ok(text.includes(`,'\t@A1,`), 'a tab before "@" is defused');
  });

  test('lists partnership maps and exports their ties as a CSV edge list', async () => {
    const list = await (await get('/api/partnerships?community=journal-city')).json();
    assert.equal(list.entries.length, 1);
    assert.equal(list.entries[0].data.actors.length, 2);
    const csv = (await (await get('/api/partnerships?community=journal-city&format=csv')).text()).trim().split('\r\n');
    assert.equal(csv.length, 2);
    assert.match(csv[1], /,club,Egeby IF,civil-society,bank,Sparekassen,business,3,true$/);
  });
});

test('GET /api/health reports the database', async () => {
  const health = await (await get('/api/health')).json();
  assert.equal(health.ok, true);
  assert.equal(health.submissions, reader.prepare('SELECT COUNT(*) FROM submissions').pluck().get());
});

test('an unknown API path answers 404 in JSON', async () => {
  const response = await fetch(`${server.url}/api/nothing`);
  assert.equal(response.status, 404);
  assert.match((await response.json()).error.message, /No such API/);
});

test('demo/seed.js posts valid sample answers, and running it again stores nothing twice', async () => {
  const seed = () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['demo/seed.js', server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ code, out }));
    });
  const first = await seed();
  assert.equal(first.code, 0, first.out);
  assert.match(first.out, /Posted (\d+) sample submissions to .*: \1 × 201\./);
  const count = reader.prepare("SELECT COUNT(*) FROM submissions WHERE community = 'demo-city'").pluck().get();
  const again = await seed();
  assert.equal(again.code, 0, again.out);
  assert.match(again.out, /Posted (\d+) sample submissions to .*: \1 × 200\./);
  assert.equal(reader.prepare("SELECT COUNT(*) FROM submissions WHERE community = 'demo-city'").pluck().get(), count);
  const results = await (await get('/api/results?community=demo-city&round=2026-autumn')).json();
  assert.deepEqual(results.rounds, ['2026-spring', '2026-autumn']);
  assert.ok(results.criteria.every((c) => c.overall.n === 28 && Object.keys(c.perspectives).length === 4));
});
