// The reference collector over real HTTP, with a real SQLite file in a temporary folder.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { migrate } from '../../demo/collector/db.js';
import {
  boundHosts,
  configFromEnv,
  MAX_BODY_BYTES,
  MAX_PERSPECTIVES,
  migrations,
  openDatabase,
  startServer,
} from '../../demo/collector/server.js';
import { schemas } from '../../demo/collector/schemas.js';
import { roundFigure } from '../../demo/collector/csv.js';
import { createStore, payloadHash } from '../../demo/collector/store.js';
import { createDemoApp } from '../../demo/portal.js';

/** A partnership map of two actors and their one tie. */
const SMALL_MAP = {
  actors: [
    { id: 'club', name: 'Egeby IF', sector: 'civil-society' },
    { id: 'bank', name: 'Sparekassen', sector: 'business' },
  ],
  ties: [{ source: 'club', target: 'bank', level: 3, independent: true }],
  figures: { density: 1 },
};

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

  test("started twice at once on a new file: the second does not run the first one's migrations again", () => {
    const file = join(dir, 'two-starts.sqlite');
    const first = new Database(file);
    const second = new Database(file);
    try {
      // The first reads version 0, then the second migrates the file before the first goes on.
      const pragma = first.pragma.bind(first);
      let stale = true;
      first.pragma = (source, options) => {
        if (stale && source === 'user_version' && options?.simple) {
          stale = false;
          return 0;
        }
        return pragma(source, options);
      };
      migrate(second);
      assert.doesNotThrow(() => migrate(first));
      assert.equal(pragma('user_version', { simple: true }), migrations.length);
    } finally {
      first.close();
      second.close();
    }
  });

  test('that cannot be opened is named in the error, with why', () => {
    const notDatabase = join(dir, 'not-a-database.sqlite');
    writeFileSync(notDatabase, 'Name,Level\nEgeby,3\n');
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const [path, why] of [
      [notDatabase, /: file is not a database$/],
      [dir, /: unable to open database file \(a folder, or a file in a folder this process cannot write to\?\)$/],
      [join(file, 'data', 'collector.sqlite'), /: its folder cannot be created \(.*mkdir/],
    ]) {
      assert.throws(
        () => openDatabase(path),
        (error) => error.message.startsWith(`The database ${path} cannot be opened`) && why.test(error.message),
        path,
      );
    }
  });

  test('finds the submissions that replace another through the `replaces` index, not by reading the round', () => {
    // Without statistics SQLite takes the round's index (three equal columns) for the look-up,
    // reading the whole round once for each of its submissions: 5,000 took seconds, 50,000 did
    // not finish, and nothing else was answered meanwhile.
    const db = openDatabase(':memory:');
    try {
      const statements = [];
      const prepare = db.prepare.bind(db);
      db.prepare = (sql) => {
        statements.push(sql);
        return prepare(sql);
      };
      createStore(db);
      const rounds = statements.filter((sql) => sql.includes('live AS'));
      assert.equal(rounds.length, 2, 'the answers and the criteria set of a round');
      for (const sql of rounds) {
        const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, 'x']));
        const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(params)
          .map((row) => row.detail);
        // r: replaced by a later submission; t: another change of the same submission.
        const lookups = plan.filter((detail) => /^SEARCH [rt] /.test(detail));
        assert.ok(lookups.length >= 2, plan.join('\n'));
        for (const detail of lookups) assert.match(detail, /USING INDEX submissions_by_replaces /, plan.join('\n'));
      }
    } finally {
      db.close();
    }
  });

  test("reads a page of a community's journal in the order received through an index, sorting nothing", () => {
    // Sorting meant reading every entry of the community for each page of `limit`.
    const db = openDatabase(':memory:');
    try {
      const store = createStore(db);
      const { criterion: _c, ...entry } = envelope({
        kind: 'journal-entry',
        data: { title: 'Index', date: '2026-10-02', criteria: [] },
      });
      store.record(schemas.envelopeSchema.parse(entry));
      const statements = [];
      const prepare = db.prepare.bind(db);
      db.prepare = (sql) => {
        statements.push(sql);
        return prepare(sql);
      };
      for (const before of [undefined, entry.id]) {
        statements.length = 0;
        const filter = { community: entry.community, limit: 50, maxBytes: 1e6, before };
        assert.ok(store.latest(filter, 'journal-entry'));
        const sql = statements.find((s) => s.includes('octet_length'));
        const params = { kind: 'journal-entry', community: entry.community, limit: 51, beforeSeq: 1 };
        const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`@${name}`))))
          .map((row) => row.detail);
        assert.match(plan.join('\n'), /USING INDEX submissions_listed \(kind=\? AND community=\?/, plan.join('\n'));
        assert.doesNotMatch(plan.join('\n'), /TEMP B-TREE/, plan.join('\n'));
      }
    } finally {
      db.close();
    }
  });
});

describe('configuration from the environment', () => {
  test('LC_ALLOWED_ORIGINS: each entry as a browser sends the origin; one that is no origin stops the start', () => {
    const { allowedOrigins } = configFromEnv({
      LC_ALLOWED_ORIGINS:
        'https://WWW.Partner.example, https://www.partner.example:443,https://www.partner.example/ ,http://intranet.city.example:8443,*,https://partner.example.',
    });
    assert.deepEqual(allowedOrigins, [
      'https://www.partner.example',
      'https://www.partner.example',
      'https://www.partner.example',
      'http://intranet.city.example:8443',
      '*',
      // Fully qualified, as a browser on it sends it.
      'https://partner.example.',
    ]);
    for (const entry of [
      'www.partner.example',
      'https://www.partner.example/portal',
      'ftp://files.example',
      'localhost:3000',
    ]) {
      assert.throws(
        () => configFromEnv({ LC_ALLOWED_ORIGINS: `https://ok.example,${entry}` }),
        (error) => error.message.startsWith(`LC_ALLOWED_ORIGINS: ${entry} is not an origin`),
        entry,
      );
    }
    for (const entry of [
      'https://*.partner.example',
      'https://a.example;b.example',
      'https://a.example https://b.example',
    ]) {
      assert.throws(
        () => configFromEnv({ LC_ALLOWED_ORIGINS: `https://ok.example,${entry}` }),
        (error) =>
          error.message.startsWith(`LC_ALLOWED_ORIGINS: ${entry} is not an origin`) &&
          error.message.includes('separated by commas (https://a.partner.example,https://b.partner.example)'),
        entry,
      );
    }
    const started = spawnSync(process.execPath, ['demo/collector/server.js'], {
      env: { ...process.env, PORT: '0', LC_DB: join(dir, 'never.sqlite'), LC_ALLOWED_ORIGINS: 'www.partner.example' },
      encoding: 'utf8',
    });
    assert.equal(started.status, 1);
    assert.match(started.stderr, /could not start: LC_ALLOWED_ORIGINS: www\.partner\.example is not an origin/);
  });

  test('LC_MAX_BODY_KIB: the largest body, in KiB', () => {
    assert.equal(configFromEnv({}).maxBodyBytes, MAX_BODY_BYTES);
    assert.equal(configFromEnv({ LC_MAX_BODY_KIB: '512' }).maxBodyBytes, 512 * 1024);
    for (const value of ['0', '1.5', 'lots']) {
      assert.throws(() => configFromEnv({ LC_MAX_BODY_KIB: value }), /LC_MAX_BODY_KIB must be a whole number/);
    }
  });

  test('LC_ALLOWED_HOSTS: host names as requests name them; one with a scheme, port or path stops the start', () => {
    assert.deepEqual(configFromEnv({}).allowedHosts, []);
    const { allowedHosts } = configFromEnv({
      LC_ALLOWED_HOSTS: 'Collector.Example-City.dk, 192.0.2.10,::1,[2001:db8::1],*',
    });
    assert.deepEqual(allowedHosts, ['collector.example-city.dk', '192.0.2.10', '[::1]', '[2001:db8::1]', '*']);
    for (const entry of ['https://collector.example-city.dk', 'collector.example-city.dk:8443', 'example.dk/api']) {
      assert.throws(
        () => configFromEnv({ LC_ALLOWED_HOSTS: `ok.example,${entry}` }),
        (error) => error.message.startsWith(`LC_ALLOWED_HOSTS: ${entry} is not a host name`),
        entry,
      );
    }
    // Taken by the URL parser, but no browser asks for such a name: a wildcard is no pattern here,
    // and a list in another separator is one name. The message says to list each name.
    for (const entry of ['*.city.example', 'a.example;b.example', 'a.example b.example', 'a..example', 'a!.example']) {
      assert.throws(
        () => configFromEnv({ LC_ALLOWED_HOSTS: `ok.example,${entry}` }),
        (error) =>
          error.message.startsWith(`LC_ALLOWED_HOSTS: ${entry} is not a host name`) &&
          error.message.includes('separated by commas (a.city.example,b.city.example)'),
        entry,
      );
    }
    assert.throws(() => configFromEnv({ LC_ALLOWED_HOSTS: '*.city.example' }), /a wildcard is not a pattern here/);
    // What browsers do ask for: a name with `_` (a container's), an international one, in ASCII.
    assert.deepEqual(configFromEnv({ LC_ALLOWED_HOSTS: 'lc_collector,Bücher.example' }).allowedHosts, [
      'lc_collector',
      'xn--bcher-kva.example',
    ]);
    // Listening on every interface, the machine's own addresses and name are its names too.
    assert.deepEqual(boundHosts('127.0.0.1'), ['127.0.0.1']);
    assert.deepEqual(boundHosts('::1'), ['[::1]']);
    const everywhere = boundHosts('0.0.0.0');
    assert.ok(everywhere.includes('127.0.0.1') && everywhere.includes(hostname().toLowerCase()), String(everywhere));
  });

  test('an allowed origin written in capitals, with its default port or a slash, lets that site post', async () => {
    const other = await startServer({
      port: 0,
      dbPath: join(dir, 'origins.sqlite'),
      allowedOrigins: ['https://WWW.Partner.example:443/'],
    });
    try {
      const env = envelope();
      const response = await fetch(`${other.url}/api/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://www.partner.example' },
        body: JSON.stringify(env),
      });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://www.partner.example');
    } finally {
      await other.close();
    }
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

  test('takes the largest partnership map the element builds: 500 actors, 37,500 ties', async () => {
    const actors = Array.from({ length: 500 }, (_, i) => ({
      id: `organisation-${String(i).padStart(3, '0')}-of-egeby`,
      name: `Organisation ${i} of Egeby`,
      sector: ['public-authority', 'business-finance', 'civil-society-sport', 'education'][i % 4],
    }));
    const ties = [];
    for (let i = 0; i < actors.length; i++) {
      for (let k = 1; k <= 75; k++) {
        const j = (i + k) % actors.length;
        ties.push({ source: actors[i].id, target: actors[j].id, level: 1 + ((i + k) % 4), independent: k % 2 === 0 });
      }
    }
    const { criterion: _c, ...env } = envelope({
      kind: 'partnerships',
      community: 'big-map-city',
      data: { actors, ties, figures: { actors: 500, ties: ties.length, density: 0.3006 } },
    });
    const size = Buffer.byteLength(JSON.stringify(env));
    assert.ok(size > 3.5 * 1024 * 1024 && size < MAX_BODY_BYTES, `${size} bytes`);
    const response = await post(env);
    assert.equal(response.status, 201, await response.text());
    assert.equal(JSON.parse(rows(env.id)[0].payload).data.ties.length, 37_500);
  });

  test('keeps a smaller limit when it is given one (LC_MAX_BODY_KIB)', async () => {
    const small = await startServer({ port: 0, dbPath: join(dir, 'small.sqlite'), maxBodyBytes: 64 * 1024 });
    try {
      const env = envelope({ data: { level: 2, comment: 'x'.repeat(4000) } });
      const response = await fetch(`${small.url}/api/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...env, padding: 'x'.repeat(64 * 1024) }),
      });
      assert.equal(response.status, 413);
      assert.match((await response.json()).error.message, /larger than 64 KiB/);
    } finally {
      await small.close();
    }
  });

  test('refuses a compressed body: 415, naming its Content-Encoding', async () => {
    const env = envelope();
    const response = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify(env)),
    });
    assert.equal(response.status, 415);
    assert.equal(response.headers.get('accept-encoding'), 'identity');
    const { error } = await response.json();
    assert.equal(error.code, 'unsupported-media-type');
    assert.match(error.message, /Content-Encoding: gzip/);
    assert.equal(rows(env.id).length, 0);
    // "identity" is no encoding at all.
    assert.equal((await post(env, { 'Content-Encoding': 'identity' })).status, 201);
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
    // A busy answer's Retry-After (from a proxy in front) is readable by the partner's page, and
    // so are the Link to the rest of a list cut short and a 405's Allow.
    const exposed = posted.headers
      .get('access-control-expose-headers')
      .toLowerCase()
      .split(/\s*,\s*/);
    assert.deepEqual(exposed.sort(), ['allow', 'idempotent-replayed', 'link', 'retry-after']);
  });

  test('refuses an origin that is not on the list, in words that site can read', async () => {
    // Its preflight passes, so the browser lets the page read the 403: the element then says
    // "not accepted" (a CORS failure would look like a lost connection, retried for ever).
    const response = await preflight('https://elsewhere.example');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://elsewhere.example');
    const env = envelope();
    const posted = await post(env, { Origin: 'https://elsewhere.example' });
    assert.equal(posted.status, 403);
    assert.equal(posted.headers.get('access-control-allow-origin'), 'https://elsewhere.example');
    assert.match((await posted.json()).error.message, /https:\/\/elsewhere\.example is not allowed/);
    assert.equal(rows(env.id).length, 0, 'nothing stored');
    const results = await fetch(`${server.url}/api/results?community=x&round=y`, {
      headers: { Origin: 'https://elsewhere.example' },
    });
    assert.equal(results.status, 403);
  });

  test('always lets the collector’s own origin post', async () => {
    const env = envelope();
    assert.equal((await post(env, { Origin: server.url })).status, 201);
  });

  test('lets an allowed page read the 404 of an address outside /api/, on the collector and the demo', async () => {
    // A partner that writes the endpoint as /submissions, or the collector's root, should be told
    // "not accepted" (a 404), not see a network error it would retry for ever.
    const demo = await startServer({
      port: 0,
      dbPath: join(dir, 'demo-cors.sqlite'),
      allowedOrigins: [PARTNER],
      createApp: (options) => createDemoApp({ ...options, bundleDir: join(dir, 'no-bundle') }),
    });
    try {
      // The demo's root is a page: a POST there must not be answered with it (a 200, "sent").
      for (const url of [`${server.url}/submissions`, `${server.url}/`, `${demo.url}/submissions`, `${demo.url}/`]) {
        const asked = await fetch(url, {
          method: 'OPTIONS',
          headers: {
            Origin: PARTNER,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type,idempotency-key',
          },
        });
        assert.equal(asked.status, 204, url);
        assert.equal(asked.headers.get('access-control-allow-origin'), PARTNER, url);
        const headers = asked.headers.get('access-control-allow-headers').toLowerCase().split(',');
        assert.ok(headers.includes('content-type') && headers.includes('idempotency-key'), url);
        const env = envelope();
        const posted = await fetch(url, {
          method: 'POST',
          headers: { Origin: PARTNER, 'Content-Type': 'application/json', 'Idempotency-Key': env.id },
          body: JSON.stringify(env),
        });
        assert.equal(posted.status, 404, url);
        assert.equal(posted.headers.get('access-control-allow-origin'), PARTNER, url);
        assert.match(posted.headers.get('vary'), /Origin/, url);
        assert.equal(rows(env.id).length, 0, 'nothing stored');
      }
      // Not to a page that is not on the list: /api/ refuses it in words (403); elsewhere it reads nothing.
      const other = await fetch(`${server.url}/submissions`, { headers: { Origin: 'https://elsewhere.example' } });
      assert.equal(other.status, 404);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await demo.close();
    }
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
      // A rating without a perspective.
      rate(undefined, 4, 'inclusion'),
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
    assert.equal(ids.length, 12);
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

  test('exports CSV with a byte-order mark, as the elements do, so a spreadsheet reads it as UTF-8', async () => {
    for (const path of [
      '/api/results?community=results-city&round=r1&format=csv',
      '/api/journal?community=results-city&format=csv',
      '/api/partnerships?community=results-city&format=csv',
    ]) {
      const bytes = new Uint8Array(await (await get(path)).arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], path);
    }
  });

  test('names a CSV export by the rule of the elements, in UTF-8 (filename*) with an ASCII fallback', async () => {
    const env = envelope({ community: 'Ærø Kommune', round: 'forår-2026' });
    assert.equal((await post(env)).status, 201);
    const response = await get('/api/results?community=%C3%86r%C3%B8%20Kommune&round=for%C3%A5r-2026&format=csv');
    // As <lc-results> names its own download of the same round (src/core/download.ts).
    assert.equal(schemas.resultsFileName('Ærø Kommune', 'forår-2026', 'csv'), 'results-ærø-kommune-forår-2026.csv');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="results-_r_-kommune-forar-2026.csv"; filename*=UTF-8''results-%C3%A6r%C3%B8-kommune-for%C3%A5r-2026.csv`,
    );
    const journal = await get('/api/journal?community=results-city&format=csv');
    assert.equal(
      journal.headers.get('content-disposition'),
      `attachment; filename="journal.csv"; filename*=UTF-8''journal.csv`,
    );
  });

  test('exports the same figures as CSV', async () => {
    const response = await get('/api/results?community=results-city&round=r1&format=csv');
    assert.match(response.headers.get('content-type'), /^text\/csv/);
    assert.match(response.headers.get('content-disposition'), /attachment; filename="results-results-city-r1\.csv"/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(
      lines[0],
      'community,round,criterion,group,perspective,n,level_0,level_1,level_2,level_3,level_4,dont_know,mean,median',
    );
    assert.ok(lines.includes('results-city,r1,trust,perspective,citizen,5,1,0,1,2,0,1,2,2.5'));
    // Means and medians rounded to two decimals, as in <lc-results>'s own export.
    assert.ok(lines.includes('results-city,r1,trust,overall,,8,1,1,2,2,1,1,2.14,2'));
  });

  test('rounds a mean that ends in a half up in the CSV, as it is written, not as binary holds it', async () => {
    // 40 assessments: trust 23 × 1 and 17 × 0 (23/40 = 0.575), inclusion 39 × 1 and one 2
    // (41/40 = 1.025), policy-making 33 × 2 and 7 × 3 (87/40 = 2.175). Times 100, each is a hair
    // below the half in binary (57.49999…).
    const community = 'halves-city';
    for (let i = 0; i < 40; i++) {
      const { criterion: _c, ...env } = envelope({
        community,
        round: 'r1',
        kind: 'assessment',
        data: {
          answers: [
            { criterion: 'trust', level: i < 23 ? 1 : 0 },
            { criterion: 'inclusion', level: i < 1 ? 2 : 1 },
            { criterion: 'policy-making', level: i < 7 ? 3 : 2 },
          ],
        },
      });
      assert.equal((await post(env)).status, 201);
    }
    const csv = await (await get(`/api/results?community=${community}&round=r1&format=csv`)).text();
    const overall = (id) => csv.split('\r\n').find((line) => line.startsWith(`${community},r1,${id},overall,`));
    assert.equal(overall('trust'), `${community},r1,trust,overall,,40,17,23,0,0,0,0,0.58,1`);
    assert.equal(overall('inclusion'), `${community},r1,inclusion,overall,,40,0,39,1,0,0,0,1.03,1`);
    assert.equal(overall('policy-making'), `${community},r1,policy-making,overall,,40,0,0,33,7,0,0,2.18,2`);
    // A half below zero goes away from zero, as Intl shows it; a float's residue is 0.
    assert.deepEqual([-23 / 40, 0.1 + 0.2 - 0.3, null].map(roundFigure), [-0.58, 0, null]);
  });

  test('tells the overall row from a perspective named "all" in the CSV', async () => {
    const community = 'all-city';
    for (const [perspective, level] of [
      ['all', 4],
      ['citizen', 0],
    ]) {
      assert.equal((await post(envelope({ community, round: 'r1', perspective, data: { level } }))).status, 201);
    }
    const csv = await (await get(`/api/results?community=${community}&round=r1&format=csv`)).text();
    const trust = csv.split('\r\n').filter((line) => line.includes(',trust,'));
    assert.deepEqual(trust, [
      `${community},r1,trust,overall,,2,1,0,0,0,1,0,2,2`,
      `${community},r1,trust,perspective,all,1,0,0,0,0,1,0,4,4`,
      `${community},r1,trust,perspective,citizen,1,1,0,0,0,0,0,0,0`,
    ]);
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
      data: SMALL_MAP,
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

test('GET /api/health answers 503 with a code when the database cannot be read', async () => {
  const broken = await startServer({ port: 0, dbPath: join(dir, 'health.sqlite') });
  const logged = [];
  const log = console.error;
  console.error = (...args) => logged.push(args.join(' '));
  try {
    broken.db.close();
    const response = await fetch(`${broken.url}/api/health`, { headers: { 'Accept-Language': 'da' } });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('content-language'), 'da');
    const body = await response.json();
    assert.equal(body.ok, false);
    assert.equal(body.error.code, 'unavailable');
    assert.match(body.error.message, /prøv igen senere/);
    assert.doesNotMatch(JSON.stringify(body), /database connection/, 'the database’s own words stay in the log');
    assert.ok(
      logged.some((line) => line.includes('health') && line.includes('database connection')),
      logged.join('\n'),
    );
  } finally {
    console.error = log;
    await broken.close();
  }
});

test('an unknown API path answers 404 in JSON', async () => {
  const response = await fetch(`${server.url}/api/nothing`);
  assert.equal(response.status, 404);
  assert.match((await response.json()).error.message, /No such API/);
});

test('a method an endpoint does not take answers 405 naming the ones it takes, in words an allowed page reads', async () => {
  for (const [method, path, allow] of [
    ['GET', '/api/submissions', 'POST, OPTIONS'],
    ['HEAD', '/api/submissions', 'POST, OPTIONS'],
    ['PUT', '/api/submissions', 'POST, OPTIONS'],
    ['POST', '/api/results?community=x&round=y', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/journal', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/api/partnerships', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
  ]) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Origin: PARTNER, 'Accept-Language': 'da' },
    });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER, `${method} ${path}`);
    assert.match(response.headers.get('access-control-expose-headers'), /\bAllow\b/, 'its page reads Allow');
    assert.match(response.headers.get('vary'), /Origin/);
    assert.equal(response.headers.get('content-language'), 'da');
    if (method === 'HEAD') continue;
    const { error } = await response.json();
    assert.equal(error.code, 'method-not-allowed');
    assert.equal(error.message, `${method} er ikke tilladt på ${path.split('?')[0]}; adressen tager imod ${allow}`);
  }
  // Nothing is stored by a PUT of an envelope; a page that is not on the list reads nothing.
  const env = envelope();
  const put = await fetch(`${server.url}/api/submissions`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(env),
  });
  assert.equal(put.status, 405);
  assert.equal(rows(env.id).length, 0, 'nothing stored');
  const other = await fetch(`${server.url}/api/journal`, {
    method: 'DELETE',
    headers: { Origin: 'https://elsewhere.example' },
  });
  assert.equal(other.status, 403);
  // What each endpoint takes is still answered, and an address that is no endpoint is a 404.
  assert.equal((await fetch(`${server.url}/api/health`, { method: 'HEAD' })).status, 200);
  assert.equal((await fetch(`${server.url}/api/nothing`, { method: 'PUT' })).status, 404);
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

describe('a changed answer (`replaces`)', () => {
  const results = async (community, round = '2026-autumn') =>
    (await get(`/api/results?community=${encodeURIComponent(community)}&round=${round}`)).json();
  const trustOf = async (community, round) =>
    (await results(community, round)).criteria.find((c) => c.criterion === 'trust').overall;
  const send = async (env) => {
    const response = await post(env);
    assert.equal(response.status, 201, await response.text());
    return env;
  };

  test('counts only the new answer, in the figures and the CSV, and stores what it replaces', async () => {
    const community = 'replace-city';
    const first = await send(envelope({ community, data: { level: 1 } }));
    await send(envelope({ community, data: { level: 2 } }));
    const second = await send(envelope({ community, data: { level: 4 }, replaces: first.id.toUpperCase() }));
    assert.equal(rows(second.id)[0].replaces, first.id);
    assert.deepEqual((await trustOf(community)).levels, [0, 0, 1, 0, 1]);
    const csv = await (await get(`/api/results?community=${community}&round=2026-autumn&format=csv`)).text();
    assert.ok(csv.includes(`${community},2026-autumn,trust,overall,,2,0,0,1,0,1,0,3,3`), csv);
    // A change of a change: only the last counts.
    await send(envelope({ community, data: { level: 0 }, replaces: second.id }));
    assert.deepEqual((await trustOf(community)).levels, [1, 0, 1, 0, 0]);
  });

  test('replaces an assessment with an assessment, even when the replaced one arrives after', async () => {
    const community = 'replace-assessment-city';
    const assessment = (level, extra = {}) => {
      const { criterion: _c, ...env } = envelope({
        community,
        kind: 'assessment',
        data: { answers: [{ criterion: 'trust', level }] },
        ...extra,
      });
      return env;
    };
    const late = assessment(1);
    await send(assessment(3, { replaces: late.id }));
    await send(late);
    assert.deepEqual((await trustOf(community)).levels, [0, 0, 0, 1, 0]);
  });

  test('changes nothing when it names an unknown id, or a submission that does not match', async () => {
    const community = 'replace-mismatch-city';
    const trust = await send(envelope({ community, data: { level: 1 } }));
    const other = await send(envelope({ community, respondent: 'ann', data: { level: 2 } }));
    await send(envelope({ community, data: { level: 3 }, replaces: randomUUID() }));
    // Another criterion, another round, another kind, another respondent: no match.
    await send(envelope({ community, criterion: 'inclusion', data: { level: 3 }, replaces: trust.id }));
    await send(envelope({ community, round: 'other', data: { level: 3 }, replaces: trust.id }));
    const { criterion: _c, ...journal } = envelope({
      community,
      kind: 'journal-entry',
      replaces: trust.id,
      data: { title: 'Not an answer', date: '2026-10-02', criteria: ['trust'] },
    });
    await send(journal);
    await send(envelope({ community, respondent: 'bob', data: { level: 4 }, replaces: other.id }));
    assert.deepEqual((await trustOf(community)).levels, [0, 1, 1, 1, 1]);
  });

  test('two changes of the same answer (two tabs) count once: the one received last', async () => {
    const community = 'replace-twice-city';
    const first = await send(envelope({ community, data: { level: 1 } }));
    await send(envelope({ community, data: { level: 3 }, replaces: first.id }));
    await send(envelope({ community, data: { level: 4 }, replaces: first.id }));
    assert.deepEqual((await trustOf(community)).levels, [0, 0, 0, 0, 1]);
    // Another person's change of their own answer is theirs: both count.
    const ann = await send(envelope({ community, respondent: 'ann', data: { level: 0 } }));
    await send(envelope({ community, respondent: 'ann', data: { level: 2 }, replaces: ann.id }));
    assert.deepEqual((await trustOf(community)).levels, [0, 0, 1, 0, 1]);
    // Naming an id that is no submission of theirs knocks nothing out.
    const stray = randomUUID();
    await send(envelope({ community, data: { level: 0 }, replaces: stray }));
    await send(envelope({ community, data: { level: 1 }, replaces: stray }));
    assert.deepEqual((await trustOf(community)).levels, [1, 1, 1, 0, 1]);
  });

  test('refuses a change that names itself, or closes a loop of changes, which would count none of them', async () => {
    const community = 'replace-loop';
    const self = envelope({ community, data: { level: 3 } });
    let response = await post({ ...self, replaces: self.id.toUpperCase() });
    assert.equal(response.status, 400);
    const body = await response.json();
    assert.equal(body.error.code, 'invalid-envelope');
    assert.deepEqual(
      body.error.issues.map((i) => i.path),
      ['replaces'],
    );
    // B names C before C arrives (allowed: a change may arrive first); C naming B closes the loop.
    const b = envelope({ community, data: { level: 1 } });
    const c = envelope({ community, data: { level: 2 } });
    await send({ ...b, replaces: c.id });
    response = await post({ ...c, replaces: b.id });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.issues[0].path, 'replaces');
    // What was acknowledged counts.
    assert.equal((await trustOf(community)).n, 1);
  });

  test('refuses one of two changes that name each other, sent at once to two collectors on one database', async () => {
    // Each collector in its own process, on this test's database. The test holds the write lock
    // meanwhile, so that both have read the database (and found the other change not stored yet)
    // before either may write: the loop can only be seen where the write is.
    const collector = () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['demo/collector/server.js'], {
          env: { ...process.env, PORT: '0', LC_DB: server.dbPath },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const started = /on (http:\/\/\S+)\/api/.exec(out);
          if (started) resolve({ child, url: started[1] });
        });
        child.once('exit', (code) => reject(new Error(`the collector stopped (${code}): ${out}`)));
      });
    const collectors = await Promise.all([collector(), collector()]);
    const lock = new Database(server.dbPath);
    try {
      const community = 'replace-loop-two';
      const b = envelope({ community, data: { level: 1 } });
      const c = envelope({ community, data: { level: 2 } });
      lock.exec('BEGIN IMMEDIATE');
      const answers = [
        { ...b, replaces: c.id },
        { ...c, replaces: b.id },
      ].map((env, i) =>
        fetch(`${collectors[i].url}/api/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(env),
        }),
      );
      await new Promise((r) => setTimeout(r, 500));
      lock.exec('COMMIT');
      const statuses = (await Promise.all(answers)).map((r) => r.status);
      assert.deepEqual(statuses.sort(), [201, 400]);
      assert.equal(rows(b.id).length + rows(c.id).length, 1);
      assert.equal((await trustOf(community)).n, 1, 'what was acknowledged counts');
    } finally {
      if (lock.inTransaction) lock.exec('ROLLBACK');
      lock.close();
      for (const { child } of collectors) {
        child.removeAllListeners('exit');
        child.kill('SIGTERM');
      }
    }
  });

  test('no GET answers with the id of a rating or an assessment, so none can be replaced by a stranger', async () => {
    const env = await send(envelope({ community: 'replace-city' }));
    for (const path of [
      '/api/results?community=replace-city&round=2026-autumn',
      '/api/results?community=replace-city&round=2026-autumn&format=csv',
      '/api/journal?community=replace-city',
      '/api/partnerships?community=replace-city',
      '/api/journal?community=replace-city&format=csv',
      '/api/partnerships?community=replace-city&format=csv',
    ]) {
      assert.ok(!(await (await get(path)).text()).includes(env.id), path);
    }
  });

  test('a database of schema version 1 is migrated: `replaces` taken from the stored payloads', async () => {
    const file = join(dir, 'v1.sqlite');
    const old = new Database(file);
    migrations[0](old);
    old.pragma('user_version = 1');
    const insert = old.prepare(`INSERT INTO submissions (id, kind, community, round, perspective, criterion,
      criteria_set, criteria_version, locale, created_at, received_at, payload, payload_hash)
      VALUES (?, 'rating', 'old-city', 'r1', 'citizen', 'trust', 'common-criteria', '1.0', 'da', ?, ?, ?, 'x')`);
    const answer = old.prepare(`INSERT INTO answers (submission_id, criterion, level, community, round, perspective,
      created_at) VALUES (?, 'trust', ?, 'old-city', 'r1', 'citizen', ?)`);
    const first = envelope({ community: 'old-city', round: 'r1', data: { level: 1 } });
    const second = envelope({
      community: 'old-city',
      round: 'r1',
      data: { level: 4 },
      replaces: first.id.toUpperCase(),
    });
    for (const env of [first, second]) {
      insert.run(env.id, env.createdAt, env.createdAt, JSON.stringify(env));
      answer.run(env.id, env.data.level, env.createdAt);
    }
    old.close();
    const migrated = await startServer({ port: 0, dbPath: file });
    try {
      assert.equal(migrated.db.pragma('user_version', { simple: true }), migrations.length);
      const stored = migrated.db.prepare('SELECT replaces FROM submissions WHERE id = ?').pluck();
      assert.deepEqual([stored.get(first.id), stored.get(second.id)], [null, first.id]);
      const body = await (await fetch(`${migrated.url}/api/results?community=old-city&round=r1`)).json();
      assert.deepEqual(body.criteria.find((c) => c.criterion === 'trust').overall.levels, [0, 0, 0, 0, 1]);
    } finally {
      await migrated.close();
    }
  });

  test('a database of schema version 2 is migrated: names stored decomposed join the composed ones', async () => {
    const file = join(dir, 'v2.sqlite');
    const old = new Database(file);
    migrations[0](old);
    migrations[1](old);
    old.pragma('user_version = 2');
    // As version 2 stored them: the name as sent, the hash of the envelope as parsed.
    const decomposed = envelope({ community: 'forening-e\u0301', perspective: 'bestyrelse-e\u0301' });
    old
      .prepare(
        `INSERT INTO submissions (id, kind, community, round, perspective, criterion, criteria_set, criteria_version,
       locale, created_at, received_at, payload, payload_hash)
       VALUES (?, 'rating', ?, '2026-autumn', ?, 'trust', 'common-criteria', '1.0', 'da', ?, ?, ?, ?)`,
      )
      .run(
        decomposed.id,
        decomposed.community,
        decomposed.perspective,
        decomposed.createdAt,
        decomposed.createdAt,
        JSON.stringify(decomposed),
        payloadHash(decomposed),
      );
    old
      .prepare(
        `INSERT INTO answers (submission_id, criterion, level, community, round, perspective, created_at)
       VALUES (?, 'trust', 3, ?, '2026-autumn', ?, ?)`,
      )
      .run(decomposed.id, decomposed.community, decomposed.perspective, decomposed.createdAt);
    old.close();
    const migrated = await startServer({ port: 0, dbPath: file });
    try {
      const send = (env) =>
        fetch(`${migrated.url}/api/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(env),
        });
      assert.equal(
        (await send(envelope({ community: 'forening-\u00e9', perspective: 'bestyrelse-\u00e9' }))).status,
        201,
      );
      // A retry of the one stored decomposed is still the same submission.
      assert.equal((await send(decomposed)).status, 200);
      const body = await (
        await fetch(`${migrated.url}/api/results?community=forening-%C3%A9&round=2026-autumn`)
      ).json();
      const trust = body.criteria.find((c) => c.criterion === 'trust');
      assert.equal(trust.overall.n, 2);
      assert.deepEqual(Object.keys(trust.perspectives), ['bestyrelse-\u00e9']);
    } finally {
      await migrated.close();
    }
  });
});

describe('what a round lists', () => {
  const results = async (community, round = '2026-autumn') => {
    const response = await fetch(`${server.url}/api/results?community=${community}&round=${round}`);
    assert.equal(response.status, 200, await response.clone().text());
    return response.json();
  };
  const byId = (r, id) => r.criteria.find((c) => c.criterion === id);

  test('lists only the rounds with answers to count, not those of journal entries or maps alone', async () => {
    const community = 'rounds-kind-city';
    assert.equal((await post(envelope({ community, round: 'rated' }))).status, 201);
    const { criterion: _j, ...journal } = envelope({
      community,
      round: 'journal-only',
      kind: 'journal-entry',
      data: { title: 'A meeting', date: '2026-10-02', criteria: [] },
    });
    assert.equal((await post(journal)).status, 201);
    const { criterion: _m, ...map } = envelope({ community, round: 'map-only', kind: 'partnerships', data: SMALL_MAP });
    assert.equal((await post(map)).status, 201);
    const { criterion: _a, ...assessment } = envelope({
      community,
      round: 'assessed',
      kind: 'assessment',
      data: { answers: [{ criterion: 'trust', level: 2 }] },
    });
    assert.equal((await post(assessment)).status, 201);
    assert.deepEqual((await results(community, 'rated')).rounds, ['rated', 'assessed']);
    // Asked for, a round without answers still answers, with no figures.
    const journalOnly = await results(community, 'journal-only');
    assert.deepEqual(journalOnly.rounds, ['rated', 'assessed']);
    assert.ok(journalOnly.criteria.every((c) => c.overall.n === 0));
  });

  test('is the criteria set most submissions answer, counting only its answers', async () => {
    const community = 'set-city';
    for (let i = 0; i < 3; i++) assert.equal((await post(envelope({ community }))).status, 201);
    const other = envelope({ community, criteriaSet: { id: 'other-set', version: '9' }, data: { level: 0 } });
    assert.equal((await post(other)).status, 201);
    let r = await results(community);
    assert.deepEqual(r.criteriaSet, { id: 'common-criteria', version: '1.0' });
    assert.equal(r.criteria.length, 12);
    assert.deepEqual(byId(r, 'trust').overall.levels, [0, 0, 0, 3, 0]);
    // A set of the host's own, with its own criteria, once it holds most submissions.
    for (const criterion of ['harbour', 'harbour', 'trust']) {
      const env = envelope({
        community,
        criterion,
        criteriaSet: { id: 'other-set', version: '9' },
        data: { level: 1 },
      });
      assert.equal((await post(env)).status, 201);
    }
    r = await results(community);
    assert.deepEqual(r.criteriaSet, { id: 'other-set', version: '9' });
    assert.deepEqual(
      r.criteria.map((c) => [c.criterion, c.overall.n]),
      [
        ['harbour', 2],
        ['trust', 2],
      ],
    );
    // On a tie, the built-in set.
    assert.equal((await post(envelope({ community }))).status, 201);
    assert.equal((await results(community)).criteriaSet.id, 'common-criteria');
  });

  test('refuses an answer to a criterion the built-in set does not have, naming where', async () => {
    const invented = envelope({ community: 'junk-city', criterion: 'junk-0' });
    const rating = await post(invented);
    assert.equal(rating.status, 400);
    assert.match((await rating.json()).error.message, /criterion: is not a criterion of the built-in set/);
    const { criterion: _c, ...assessment } = envelope({
      community: 'junk-city',
      kind: 'assessment',
      data: {
        answers: [
          { criterion: 'trust', level: 1 },
          ...Array.from({ length: 195 }, (_, i) => ({ criterion: `junk-${i}`, level: 1 })),
        ],
      },
    });
    const response = await post(assessment);
    assert.equal(response.status, 400);
    const { error } = await response.json();
    assert.equal(error.issues.length, 195);
    assert.equal(error.issues[0].path, 'data.answers[1].criterion');
    assert.equal(rows(assessment.id).length, 0);
  });

  test('never fails for the number of criteria or rounds submitted', async () => {
    const community = 'many-city';
    const own = { id: 'own-set', version: '1' };
    for (const offset of [0, 150]) {
      const { criterion: _c, ...env } = envelope({
        community,
        kind: 'assessment',
        criteriaSet: own,
        data: { answers: Array.from({ length: 150 }, (_, i) => ({ criterion: `c-${offset + i}`, level: 1 })) },
      });
      assert.equal((await post(env)).status, 201);
    }
    // c-150..c-299 twice: those with the most answers are the ones listed.
    const { criterion: _c, ...again } = envelope({
      community,
      kind: 'assessment',
      criteriaSet: own,
      data: { answers: Array.from({ length: 150 }, (_, i) => ({ criterion: `c-${150 + i}`, level: 2 })) },
    });
    assert.equal((await post(again)).status, 201);
    const r = await results(community);
    assert.equal(r.criteria.length, 200);
    assert.ok(r.criteria.every((c) => c.overall.n === 2 || c.criterion < 'c-150'));
    assert.equal(r.criteria.filter((c) => c.overall.n === 2).length, 150);

    const rounds = Array.from({ length: 501 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    // One after the other: the rounds are listed in the order the collector received them.
    for (const round of rounds) assert.equal((await post(envelope({ community: 'rounds-city', round }))).status, 201);
    const newest = await results('rounds-city', 'r500');
    assert.equal(newest.rounds.length, 500);
    assert.deepEqual([newest.rounds[0], newest.rounds.at(-1)], ['r001', 'r500']);
    const oldest = await results('rounds-city', 'r000');
    assert.equal(oldest.rounds.length, 500);
    assert.deepEqual(oldest.rounds.slice(0, 2), ['r000', 'r002']);
  });

  test('orders by when the collector received the answers, not by the client clocks', async () => {
    const community = 'clock-city';
    const rate = (createdAt, level, criterion = 'trust') =>
      post(envelope({ community, respondent: 'ann', criterion, createdAt, data: { level } }));
    assert.equal((await rate('2099-01-01T00:00:00.000Z', 0)).status, 201);
    assert.equal((await rate(new Date().toISOString(), 3)).status, 201);
    assert.equal((await rate('2026-10-01T08:00:00.500Z', 0, 'inclusion')).status, 201);
    assert.equal((await rate('2026-10-01T08:00:00Z', 4, 'inclusion')).status, 201);
    const r = await results(community);
    assert.deepEqual(byId(r, 'trust').overall.levels, [0, 0, 0, 1, 0]);
    assert.deepEqual(byId(r, 'inclusion').overall.levels, [0, 0, 0, 0, 1]);
    const later = envelope({ community, round: '2027-spring', createdAt: '2000-01-01T00:00:00.000Z' });
    assert.equal((await post(later)).status, 201);
    assert.deepEqual(r.rounds, ['2026-autumn']);
    assert.deepEqual((await results(community)).rounds, ['2026-autumn', '2027-spring']);
    // Lists too: the entry received last comes first, whatever its clock said.
    const journal = (title, createdAt) => {
      const { criterion: _c, ...env } = envelope({
        community,
        kind: 'journal-entry',
        createdAt,
        data: { title, date: '2026-10-02', criteria: [] },
      });
      return post(env);
    };
    assert.equal((await journal('From the future', '2099-01-01T00:00:00.000Z')).status, 201);
    assert.equal((await journal('Now', new Date().toISOString())).status, 201);
    const list = await (await get(`/api/journal?community=${community}`)).json();
    assert.deepEqual(
      list.entries.map((e) => e.data.title),
      ['Now', 'From the future'],
    );
  });

  test("orders by when the collector received the answers, not by the collector's own clock either", async (t) => {
    // The collector's clock put back 30 s, twice (NTP correcting a fast clock), and several
    // submissions within one millisecond: what two collectors with their own clocks on one
    // database also give.
    const community = 'server-clock-city';
    let now = Date.parse('2026-11-30T12:00:00.000Z');
    t.mock.timers.enable({ apis: ['Date'], now });
    const stepBack = () => t.mock.timers.setTime((now -= 30_000));
    const rate = (level, round = '2026-autumn') =>
      post(envelope({ community, round, respondent: 'anna', data: { level } }));
    const journal = (title) => {
      const { criterion: _c, ...env } = envelope({
        community,
        kind: 'journal-entry',
        data: { title, date: '2026-11-30', criteria: [] },
      });
      return post(env);
    };
    assert.equal((await rate(1)).status, 201);
    for (const title of ['one', 'two']) assert.equal((await journal(title)).status, 201);
    stepBack();
    assert.equal((await rate(4)).status, 201);
    for (const title of ['three', 'four', 'five']) assert.equal((await journal(title)).status, 201);
    stepBack();
    assert.equal((await rate(2, '2027-spring')).status, 201);
    const r = await results(community);
    assert.deepEqual(byId(r, 'trust').overall.levels, [0, 0, 0, 0, 1], "anna's answer received last counts");
    assert.deepEqual(r.rounds, ['2026-autumn', '2027-spring']);
    // Newest first, and page after page (`before`) lists each entry once, in the same order.
    const titles = [];
    for (let next = `/api/journal?community=${community}&limit=2`; next;) {
      const page = await (await get(next)).json();
      titles.push(...page.entries.map((e) => e.data.title));
      next = page.next;
    }
    assert.deepEqual(titles, ['five', 'four', 'three', 'two', 'one']);
  });
});

describe('what POST /api/submissions normalises or refuses', () => {
  const raw = (body, contentType = 'application/json') =>
    fetch(`${server.url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  test('stores one submission per UUID, whatever its letter case, and compares Idempotency-Key alike', async () => {
    const env = envelope();
    const upper = { ...env, id: env.id.toUpperCase() };
    const first = await post(upper);
    assert.equal(first.status, 201);
    assert.equal((await first.json()).id, env.id);
    assert.equal((await post(env, { 'Idempotency-Key': env.id.toUpperCase() })).status, 200);
    assert.equal(reader.prepare('SELECT COUNT(*) FROM submissions WHERE lower(id) = ?').pluck().get(env.id), 1);
    assert.equal(rows(env.id).length, 1);
  });

  test('refuses a body that is not UTF-8 (400) or declares another charset (415)', async () => {
    const env = envelope({ data: { level: 2, comment: 'Ærø' } });
    const latin1 = await raw(Buffer.from(JSON.stringify(env), 'latin1'));
    assert.equal(latin1.status, 400);
    assert.match((await latin1.json()).error.message, /UTF-8/);
    const lone = await raw(JSON.stringify(env).replace('Ærø', '\\ud800 alone'));
    assert.equal(lone.status, 400);
    assert.match((await lone.json()).error.message, /surrogate/);
    const declared = await raw(JSON.stringify(env), 'application/json; charset=iso-8859-1');
    assert.equal(declared.status, 415);
    assert.equal(rows(env.id).length, 0);
    const utf8 = await raw(Buffer.from(JSON.stringify(env), 'utf8'), 'application/json; charset=UTF-8');
    assert.equal(utf8.status, 201);
    assert.equal(JSON.parse(rows(env.id)[0].payload).data.comment, 'Ærø');
  });

  test('takes a language tag by the one rule of the elements, stores it canonical, and refuses one that is not a tag', async () => {
    for (const [locale, stored] of [
      ['ar-u-nu-latn', 'ar-u-nu-latn'],
      ['DA_dk', 'da-DK'],
      ['de-ch', 'de-CH'],
    ]) {
      const env = envelope({ locale });
      assert.equal((await post(env)).status, 201, locale);
      const [row] = rows(env.id);
      assert.deepEqual([row.locale, JSON.parse(row.payload).locale], [stored, stored], locale);
    }
    for (const locale of ['english', 'en US', 'x', 'zh-cmn-Hans']) {
      const env = envelope({ locale });
      const response = await post(env);
      assert.equal(response.status, 400, locale);
      const { error } = await response.json();
      assert.equal(error.code, 'invalid-envelope', locale);
      assert.deepEqual(error.issues, [{ path: 'locale', message: 'must be a language tag such as "en" or "da-DK"' }]);
      assert.equal(rows(env.id).length, 0);
    }
  });

  test('refuses half a character (a lone surrogate) naming the field it is in', async () => {
    const half = 'must not hold half a character (a lone UTF-16 surrogate, \\ud800–\\udfff), which is not text';
    const comment = envelope({ data: { level: 2, comment: 'HALF emoji' } });
    const map = envelope({
      kind: 'partnerships',
      criterion: undefined,
      data: { ...SMALL_MAP, actors: [{ ...SMALL_MAP.actors[0], name: 'Ken HALF' }, SMALL_MAP.actors[1]] },
    });
    for (const [env, path] of [
      [comment, 'data.comment'],
      [map, 'data.actors[0].name'],
    ]) {
      const response = await post(JSON.stringify(env).replace('HALF', '\\ud842'));
      assert.equal(response.status, 400, path);
      const { error } = await response.json();
      assert.equal(error.code, 'invalid-envelope', path);
      assert.deepEqual(error.issues, [{ path, message: half }]);
      assert.equal(rows(env.id).length, 0);
    }
  });

  test('trims community, round and perspective, and refuses blank ones, "__proto__" or hidden characters', async () => {
    const padded = envelope({ community: ' trim-city ', round: '2026-autumn\t', perspective: ' citizen' });
    assert.equal((await post(padded)).status, 201);
    const [row] = rows(padded.id);
    assert.deepEqual([row.community, row.round, row.perspective], ['trim-city', '2026-autumn', 'citizen']);
    const r = await (await get('/api/results?community=%20trim-city&round=2026-autumn')).json();
    assert.equal(r.criteria.find((c) => c.criterion === 'trust').perspectives.citizen.n, 1);
    for (const [field, value] of [
      ['perspective', '   '],
      ['perspective', '__proto__'],
      ['community', '__proto__'],
      ['round', ' __proto__ '],
      // Hidden characters: each would make a group that looks like another, or cut a CSV cell.
      ['perspective', 'citi\u0000zen'],
      ['perspective', '\u202Ecitizen'],
      ['community', 'trim\u2066-city'],
      ['round', '2026\nautumn'],
      ['perspective', 'citizen\u200F'],
      ['perspective', '\u200Ecitizen'],
      ['perspective', 'citizen\u061C'],
      ['perspective', 'citi\u200Bzen'],
      ['community', 'trim\u2060-city'],
      ['community', 'trim-city\u2064'],
      ['round', '2026\uFEFFautumn'],
      ['round', '2026\u2028autumn'],
    ]) {
      const response = await post(envelope({ [field]: value }));
      assert.equal(response.status, 400, `${field} ${JSON.stringify(value)}`);
      assert.deepEqual(
        (await response.json()).error.issues.map((i) => i.path),
        [field],
      );
    }
  });

  test('counts a name sent composed or decomposed as one group, and finds it asked for either way', async () => {
    const composed = 'forening-\u00e9';
    const decomposed = 'forening-e\u0301';
    const a = envelope({ community: composed, perspective: 'bestyrelse-\u00e9' });
    const b = envelope({ community: decomposed, round: ' 2026-autumn', perspective: 'bestyrelse-e\u0301' });
    for (const env of [a, b]) assert.equal((await post(env)).status, 201);
    const [row] = rows(b.id);
    assert.deepEqual([row.community, row.perspective], [composed, 'bestyrelse-\u00e9']);
    assert.equal(JSON.parse(row.payload).community, composed);
    // A retry of the decomposed one is the same submission.
    assert.equal((await post(b)).status, 200);
    for (const name of [composed, decomposed]) {
      const r = await (await get(`/api/results?community=${encodeURIComponent(name)}&round=2026-autumn`)).json();
      const trust = r.criteria.find((c) => c.criterion === 'trust');
      assert.equal(trust.overall.n, 2, name);
      assert.deepEqual(Object.keys(trust.perspectives), ['bestyrelse-\u00e9']);
    }
  });

  test('counts a perspective named "unspecified" with the answers that name none', async () => {
    for (const perspective of ['unspecified', undefined]) {
      assert.equal((await post(envelope({ community: 'unspecified-city', perspective }))).status, 201);
    }
    const r = await (await get('/api/results?community=unspecified-city&round=2026-autumn')).json();
    assert.deepEqual(Object.keys(r.criteria.find((c) => c.criterion === 'trust').perspectives), ['unspecified']);
  });

  const partnerships = (data) => {
    const { criterion: _c, ...env } = envelope({
      kind: 'partnerships',
      community: 'matrix-city',
      data: { ...SMALL_MAP, ...data },
    });
    return env;
  };

  test('refuses partnership maps the matrix cannot hold, naming the path', async () => {
    const cases = [
      [{ ties: [{ source: 'club', target: 'ghost', level: 1, independent: false }] }, 'data.ties[0].target'],
      [{ ties: [{ source: 'club', target: 'club', level: 1, independent: false }] }, 'data.ties[0]'],
      [
        {
          actors: [
            { id: 'club', name: 'A', sector: 's' },
            { id: 'club', name: 'B', sector: 's' },
          ],
          ties: [],
        },
        'data.actors[1].id',
      ],
    ];
    for (const [data, path] of cases) {
      const env = partnerships(data);
      const response = await post(env);
      assert.equal(response.status, 400, path);
      assert.deepEqual(
        (await response.json()).error.issues.map((i) => i.path),
        [path],
      );
      assert.equal(rows(env.id).length, 0);
    }
  });

  test('answers 400, not 503, for deep figures or a "__proto__" key in them', async () => {
    for (const [figures, path] of [
      ['{"d":' + '{"a":'.repeat(1001) + '0' + '}'.repeat(1001) + '}', undefined],
      ['{"__proto__":{"a":1}}', 'data.figures'],
      // Named where it is, as every other problem is.
      ['{"a":{"__proto__":1}}', 'data.figures.a'],
    ]) {
      const env = partnerships({ figures: {} });
      const body = JSON.stringify(env).replace('"figures":{}', `"figures":${figures}`);
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await post(body, { 'Idempotency-Key': env.id });
        assert.equal(response.status, 400, figures.slice(0, 20));
        const { error } = await response.json();
        assert.match(error.message, /data\.figures.*(three levels at most|__proto__)/);
        if (path) assert.deepEqual(error.issues.find((i) => /__proto__/.test(i.message))?.path, path, figures);
      }
      assert.equal(rows(env.id).length, 0);
    }
  });

  test('answers 400, not 503, when the database refuses a submission', async () => {
    const admin = new Database(server.dbPath);
    admin.exec(`CREATE TRIGGER refuse_test BEFORE INSERT ON submissions WHEN NEW.community = 'refused-city'
      BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    try {
      const env = envelope({ community: 'refused-city' });
      const response = await post(env);
      assert.equal(response.status, 400);
      assert.match((await response.json()).error.message, /database refused/);
      assert.equal((await post(envelope())).status, 201);
    } finally {
      admin.exec('DROP TRIGGER refuse_test');
      admin.close();
    }
  });
});

test('the demo says a file under /lc/ is not built only when the build is missing', async () => {
  const built = join(dir, 'cdn-built');
  const missing = join(dir, 'cdn-missing');
  mkdirSync(built);
  mkdirSync(missing);
  writeFileSync(join(built, 'lc-elements.min.js'), 'export {};');
  for (const [bundleDir, expected] of [
    [built, 'Not found'],
    [missing, '/lc/lc-elments.min.js is not built: run npm run build (npm start does it for you).'],
  ]) {
    const demo = await startServer({
      port: 0,
      dbPath: join(dir, 'demo.sqlite'),
      createApp: (options) => createDemoApp({ ...options, bundleDir }),
    });
    try {
      const response = await fetch(`${demo.url}/lc/lc-elments.min.js`);
      assert.equal(response.status, 404);
      assert.equal(await response.text(), expected);
    } finally {
      await demo.close();
    }
  }
});

test('the demo answers a Range on its pages and bundle with the whole file, never a 500 or the wrong bytes', async () => {
  const bundleDir = join(dir, 'cdn-range');
  mkdirSync(bundleDir);
  const loader = `export const loader = '${'x'.repeat(100)}';`;
  writeFileSync(join(bundleDir, 'lc-elements.min.js'), loader);
  const page = readFileSync(new URL('../../demo/public/portal.html', import.meta.url), 'utf8');
  const demo = await startServer({
    port: 0,
    dbPath: join(dir, 'demo.sqlite'),
    createApp: (options) => createDemoApp({ ...options, bundleDir }),
  });
  try {
    // Past the end, backwards, the last bytes, the first byte, malformed (@hono/node-server's
    // serveStatic answered 500, the first bytes, and the whole file as a 206).
    for (const range of ['bytes=100000-', 'bytes=5-2', 'bytes=-5', 'bytes=0-0', 'bytes=abc']) {
      for (const [path, whole] of [
        ['/portal.html', page],
        ['/lc/lc-elements.min.js', loader],
      ]) {
        const response = await fetch(`${demo.url}${path}`, { headers: { Range: range } });
        assert.equal(response.status, 200, `${path} ${range}`);
        assert.equal(response.headers.get('content-range'), null);
        assert.equal(await response.text(), whole, `${path} ${range}`);
        assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      }
    }
  } finally {
    await demo.close();
  }
});

test('the demo results page links no raw figures, which show the groups <lc-results> hides', () => {
  const page = readFileSync(new URL('../../demo/public/results.html', import.meta.url), 'utf8');
  assert.doesNotMatch(page, /href="[^"]*\/api\/results/);
  const table = readFileSync(new URL('../../demo/public/assets/results-table.js', import.meta.url), 'utf8');
  assert.match(table, /MIN_GROUP/);
  assert.doesNotMatch(table, /perspectives/);
});

describe('refusals in the language of the request', () => {
  const origin = 'https://elsewhere.example';
  /** A refusal the collector makes whatever the body: an origin that is not allowed. */
  const refuse = (acceptLanguage) =>
    post(envelope(), {
      Origin: origin,
      ...(acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage }),
    });

  test('answer in Danish, German and Arabic with the same code, and say so in Content-Language', async () => {
    /** @type {Record<string, RegExp>} */
    const expected = {
      da: /^Webstedet https:\/\/elsewhere\.example har ikke lov til at sende til denne indsamlingsserver/,
      de: /^Die Website https:\/\/elsewhere\.example darf nicht an diesen Sammelserver senden/,
      ar: /^لا يُسمح للموقع https:\/\/elsewhere\.example بالإرسال إلى خادم التجميع هذا/,
      en: /^the site https:\/\/elsewhere\.example is not allowed to send to this collector/,
    };
    for (const [language, message] of Object.entries(expected)) {
      const response = await refuse(language);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('content-language'), language);
      assert.match(response.headers.get('vary') ?? '', /accept-language/i);
      const { error } = await response.json();
      assert.equal(error.code, 'origin-not-allowed', language);
      assert.match(error.message, message, language);
    }
  });

  test('negotiate Accept-Language with its weights, regions and wildcard', async () => {
    const cases = [
      [undefined, 'en'],
      ['', 'en'],
      ['da', 'da'],
      ['da-DK', 'da'],
      ['DE-at', 'de'],
      ['fr, de;q=0.5, en;q=0.4', 'de'],
      ['en;q=0.8, da', 'da'],
      ['da;q=0.3, de;q=0.7', 'de'],
      ['ar;q=0.9, de;q=0.9', 'ar'],
      ['fr, nl', 'en'],
      ['*', 'en'],
      ['*;q=0.5, de', 'de'],
      ['da;q=0, *', 'en'],
      ['en;q=0, da;q=0.1', 'da'],
      ['da-DK;q=0.2, da;q=0.9, de;q=0.5', 'da'],
      ['da;q=0.2, da-DK;q=0.9, de;q=0.5', 'de'],
      ['da;q=2, de', 'de'],
      ['da;q=abc, ar;q=0.1', 'ar'],
      ['da_DK, ar;q=0.1', 'ar'],
      ['de-CH-1996, da;q=0.9', 'de'],
      ['  da ; q=0.7 ,  de ; q=0.6 ', 'da'],
    ];
    for (const [header, language] of cases) {
      const response = await refuse(header);
      assert.equal(response.headers.get('content-language'), language, `Accept-Language: ${header}`);
    }
  });

  test('every refusal has a code and a message, and a Danish envelope refusal names the fields, not the schema', async () => {
    const bad = envelope({ data: { level: 9 } });
    const response = await post(bad, { 'Accept-Language': 'da' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-language'), 'da');
    const { error } = await response.json();
    assert.equal(error.code, 'invalid-envelope');
    assert.equal(error.message, 'Svaret har et format, som ikke kan modtages (data.level)');
    // The issues are for developers: the schema's own words.
    assert.deepEqual(
      error.issues.map((i) => i.path),
      ['data.level'],
    );
    const unknown = await post(envelope({ criterion: 'no-such-criterion' }), { 'Accept-Language': 'de' });
    const refused = (await unknown.json()).error;
    assert.equal(refused.code, 'unknown-criterion');
    assert.equal(
      refused.message,
      'Dieses Kriterium gibt es im eingebauten Kriteriensatz common-criteria nicht (criterion)',
    );
    const missing = await fetch(`${server.url}/api/nothing`, { headers: { 'Accept-Language': 'ar' } });
    assert.equal(missing.headers.get('content-language'), 'ar');
    assert.deepEqual(await missing.json(), {
      error: { code: 'no-such-api', message: 'هذا العنوان غير موجود في واجهة البرمجة: GET /api/nothing' },
    });
    const text = await post('{}', { 'Content-Type': 'text/plain', 'Accept-Language': 'da' });
    assert.equal(text.status, 415);
    assert.deepEqual((await text.json()).error, {
      code: 'unsupported-media-type',
      message: 'Content-Type skal være application/json, ikke text/plain',
    });
    const query = await fetch(`${server.url}/api/results?community=x`, { headers: { 'Accept-Language': 'de' } });
    assert.equal(query.status, 400);
    const q = (await query.json()).error;
    assert.equal(q.code, 'invalid-query');
    assert.equal(q.message, 'Die Abfrage ist ungültig (round)');
  });

  test('every code has a message in every language, none of them blank', async () => {
    const { LANGUAGES, REFUSAL_CODES, refusalMessage } = await import('../../demo/collector/messages.js');
    assert.deepEqual(LANGUAGES, ['en', 'da', 'de', 'ar']);
    const vars = { origin: 'o', type: 't', charset: 'c', kib: '1', detail: 'd', details: 'x', paths: 'p', host: 'h' };
    for (const code of REFUSAL_CODES) {
      const messages = LANGUAGES.map((language) =>
        refusalMessage(code, language, {
          ...vars,
          ...{ set: 's', key: 'k', id: 'i', method: 'm', path: 'p', code: 'c', max: '1', perspective: 'p', round: 'r' },
          allow: 'a',
        }),
      );
      for (const message of messages)
        assert.ok(message.trim() && !message.includes('undefined'), `${code}: ${message}`);
      assert.equal(new Set(messages).size, 4, `${code}: four different languages`);
    }
  });
});

/** A GET with the Host (and other headers) given as they are: fetch would put the URL's host in. */
function rawGet(url, headers, method = 'GET', sent = undefined) {
  return new Promise((resolve, reject) => {
    const { hostname: host, port, pathname, search } = new URL(url);
    request({ host, port, method, path: pathname + search, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    })
      .on('error', reject)
      .end(sent);
  });
}

describe('the host a request is addressed to', () => {
  test("is refused with 421 unless it is one of the collector's names: what a DNS-rebinding page sends", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    for (const host of ['evil.test', `evil.test:${server.port}`, 'localhost.evil.test']) {
      // The page's own name as Host, and as Origin: same-origin, as the collector judged it before.
      const origin = `http://${host}`;
      const refused = await rawGet(`${base}/api/journal?limit=1`, {
        Host: host,
        Origin: origin,
        'Accept-Language': 'da',
      });
      assert.equal(refused.status, 421, host);
      assert.equal(refused.headers['content-language'], 'da');
      const { error } = JSON.parse(refused.body);
      assert.equal(error.code, 'host-not-allowed');
      assert.match(error.message, /værtsnavnet [\w.]+ \(LC_ALLOWED_HOSTS\)/);
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
    }
    // Behind a proxy, the host the browser asked for.
    const forwarded = await rawGet(`${base}/api/health`, {
      Host: `127.0.0.1:${server.port}`,
      'X-Forwarded-Host': 'evil.test',
    });
    assert.equal(forwarded.status, 421);
    // A DNS-rebinding page may add X-Forwarded-Host to its same-origin fetch (no preflight; a GET
    // as a browser sends it, without Origin): its own name as Host is refused all the same, and so
    // is any name of a list a proxy appended to, or an empty one.
    for (const headers of [
      { Host: `evil.test:${server.port}`, 'X-Forwarded-Host': 'localhost' },
      { Host: `evil.test:${server.port}`, 'X-Forwarded-Host': `127.0.0.1:${server.port}` },
      { Host: `evil.test:${server.port}`, 'X-Forwarded-Host': '' },
      { Host: `127.0.0.1:${server.port}`, 'X-Forwarded-Host': 'localhost, evil.test' },
    ]) {
      const sent = { ...headers, 'Sec-Fetch-Site': 'same-origin' };
      const refused = await rawGet(`${base}/api/journal?community=demo-city`, sent);
      assert.equal(refused.status, 421, JSON.stringify(headers));
      assert.equal(JSON.parse(refused.body).error.code, 'host-not-allowed');
      const env = envelope();
      const posted = { ...sent, Origin: `http://evil.test:${server.port}`, 'Content-Type': 'application/json' };
      assert.equal((await rawGet(`${base}/api/submissions`, posted, 'POST', JSON.stringify(env))).status, 421);
      assert.equal(rows(env.id).length, 0, 'nothing stored');
    }
    // A post is refused before anything is stored.
    assert.equal((await rawGet(`${base}/api/health`, { Host: 'evil.test' })).status, 421);
  });

  test('is refused in words an allowed page can read (its preflight passes), and no other page', async () => {
    // The collector behind a public name the operator did not list: the partner's page is on
    // LC_ALLOWED_ORIGINS, and should say "not accepted" and why, not retry a network error for ever.
    const base = `http://127.0.0.1:${server.port}`;
    const host = 'collector.example-city.test';
    const asked = { Host: host, 'Access-Control-Request-Method': 'POST' };
    const preflight = await rawGet(`${base}/api/submissions`, { ...asked, Origin: PARTNER }, 'OPTIONS');
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], PARTNER);
    assert.match(preflight.headers['access-control-allow-methods'], /POST/);
    assert.match(preflight.headers['access-control-allow-headers'], /Content-Type, Idempotency-Key/);
    const env = envelope();
    const headers = { Host: host, Origin: PARTNER, 'Content-Type': 'application/json', 'Accept-Language': 'de' };
    const refused = await rawGet(`${base}/api/submissions`, headers, 'POST', JSON.stringify(env));
    assert.equal(refused.status, 421);
    assert.equal(refused.headers['access-control-allow-origin'], PARTNER);
    assert.match(refused.headers.vary, /Origin/);
    assert.equal(JSON.parse(refused.body).error.code, 'host-not-allowed');
    assert.equal(rows(env.id).length, 0, 'nothing stored');
    // Any other page, the DNS-rebinding one (its own name as Origin) among them, reads nothing,
    // and its preflight is refused too.
    for (const origin of ['https://elsewhere.example', `http://${host}`]) {
      const other = await rawGet(`${base}/api/submissions`, { ...asked, Origin: origin }, 'OPTIONS');
      assert.equal(other.status, 421, origin);
      assert.equal(other.headers['access-control-allow-origin'], undefined, origin);
      const read = await rawGet(`${base}/api/health`, { Host: host, Origin: origin, 'Sec-Fetch-Site': 'same-origin' });
      assert.equal(read.status, 421, origin);
      assert.equal(read.headers['access-control-allow-origin'], undefined, origin);
      assert.match(read.headers.vary, /Origin/);
    }
  });

  test('is answered under localhost, 127.0.0.1, [::1], the address it listens on and its allowed origins', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    for (const host of [
      `localhost:${server.port}`,
      'LOCALHOST',
      `127.0.0.1:${server.port}`,
      `[::1]:${server.port}`,
      'partner.example',
    ]) {
      assert.equal((await rawGet(`${base}/api/health`, { Host: host })).status, 200, host);
    }
  });

  test('is answered under the names of LC_ALLOWED_HOSTS, also for the demo pages; `*` answers any', async () => {
    const named = await startServer({
      port: 0,
      dbPath: join(dir, 'hosts.sqlite'),
      allowedHosts: configFromEnv({ LC_ALLOWED_HOSTS: 'Collector.Example-City.dk' }).allowedHosts,
      createApp: (options) => createDemoApp({ ...options, bundleDir: join(dir, 'no-bundle') }),
    });
    const any = await startServer({ port: 0, dbPath: join(dir, 'any-host.sqlite'), allowedHosts: ['*'] });
    try {
      const base = `http://127.0.0.1:${named.port}`;
      assert.equal((await rawGet(`${base}/api/health`, { Host: 'collector.example-city.dk' })).status, 200);
      assert.equal((await rawGet(`${base}/api/health`, { Host: 'collector.example-city.dk.' })).status, 200);
      assert.equal((await rawGet(`${base}/portal.html`, { Host: 'collector.example-city.dk' })).status, 200);
      assert.equal((await rawGet(`${base}/portal.html`, { Host: 'evil.test' })).status, 421);
      assert.equal((await rawGet(`http://127.0.0.1:${any.port}/api/health`, { Host: 'evil.test' })).status, 200);
      // Behind a proxy: Host is the address the proxy sends to, X-Forwarded-Host the public name,
      // both the collector's; a page of that name posts as the collector's own.
      const proxied = { Host: `127.0.0.1:${named.port}`, 'X-Forwarded-Host': 'collector.example-city.dk' };
      assert.equal((await rawGet(`${base}/api/health`, proxied)).status, 200);
      const env = envelope();
      const headers = { ...proxied, Origin: 'https://collector.example-city.dk', 'Content-Type': 'application/json' };
      const posted = await rawGet(`${base}/api/submissions`, headers, 'POST', JSON.stringify(env));
      assert.equal(posted.status, 201, posted.body);
      // An upstream name of the proxy's own that is not on the list is refused, as any host is.
      const upstream = { Host: 'collector-internal:8080', 'X-Forwarded-Host': 'collector.example-city.dk' };
      assert.equal((await rawGet(`${base}/api/health`, upstream)).status, 421);
    } finally {
      await named.close();
      await any.close();
    }
  });
});

describe('the size of a list answer', () => {
  /** A partnership map of `actors` actors, each tied to the next: about 90 bytes an actor, and `pad` more. */
  const map = (community, actors, pad = 0) => {
    const list = Array.from({ length: actors }, (_, i) => ({
      id: `actor-${i}`,
      name: `Actor ${i}${' of Egeby'.repeat(pad / 9)}`,
      sector: 'business',
    }));
    const ties = list.map((a, i) => ({ source: a.id, target: list[(i + 1) % actors].id, level: 2, independent: true }));
    const { criterion: _c, ...env } = envelope({
      kind: 'partnerships',
      community,
      data: { actors: list, ties, figures: {} },
    });
    return env;
  };
  let small;
  const CAP = 64 * 1024;
  const sent = [];
  before(async () => {
    small = await startServer({ port: 0, dbPath: join(dir, 'lists.sqlite'), maxListBytes: CAP });
    // Five maps of about 26 KiB: two fit in 64 KiB; then one of 44 KiB, sent last, with no other.
    for (const pad of [0, 0, 0, 0, 0, 90]) {
      const env = map('size-city', 200, pad);
      const response = await fetch(`${small.url}/api/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(env),
      });
      assert.equal(response.status, 201, await response.text());
      sent.unshift(env.id);
    }
  });
  after(() => small?.close());

  const list = async (query) => {
    const response = await fetch(`${small.url}/api/partnerships?community=size-city${query}`);
    assert.equal(response.status, 200);
    return { link: response.headers.get('link'), body: await response.json() };
  };

  test('stops at the size limit, after at least one entry, and says where the rest begins', async () => {
    // The newest map is over the limit on its own: it comes alone.
    const first = await list('&limit=500');
    assert.deepEqual(
      first.body.entries.map((e) => e.id),
      sent.slice(0, 1),
    );
    assert.equal(first.body.truncated, true);
    const next = `/api/partnerships?community=size-city&limit=500&before=${sent[0]}`;
    assert.equal(first.body.next, next);
    assert.equal(first.link, `<${next}>; rel="next"`);
    const pages = [first.body.entries.map((e) => e.id)];
    let body = first.body;
    while (body.next) {
      const response = await fetch(`${small.url}${body.next}`);
      assert.equal(response.status, 200);
      body = await response.json();
      const bytes = body.entries.reduce((sum, e) => {
        const { receivedAt: _r, ...stored } = e;
        return sum + Buffer.byteLength(JSON.stringify(stored));
      }, 0);
      assert.ok(bytes <= CAP, `${bytes} bytes in one answer`);
      pages.push(body.entries.map((e) => e.id));
    }
    // Every map once, newest first; the last page says nothing more follows.
    assert.deepEqual(pages.flat(), sent);
    assert.deepEqual(
      pages.map((p) => p.length),
      [1, 2, 2, 1],
    );
    assert.equal(body.truncated, undefined);
  });

  test('cut by `limit`, links to the rest without saying it was truncated; CSV says it in the Link header', async () => {
    const { body, link } = await list(`&limit=1&before=${sent[0]}`);
    assert.deepEqual(
      body.entries.map((e) => e.id),
      [sent[1]],
    );
    assert.equal(body.next, `/api/partnerships?community=size-city&limit=1&before=${sent[1]}`);
    assert.equal(body.truncated, undefined);
    assert.ok(link);
    const csv = await fetch(`${small.url}/api/partnerships?community=size-city&format=csv`);
    assert.equal(
      csv.headers.get('link'),
      `</api/partnerships?community=size-city&format=csv&before=${sent[0]}>; rel="next"`,
    );
    const cells = (await csv.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    assert.deepEqual([...new Set(cells)], [sent[0]]);
  });

  test('refuses a `before` that names no entry of the list', async () => {
    for (const before of [randomUUID(), 'nothing']) {
      const response = await fetch(`${small.url}/api/partnerships?before=${before}`);
      assert.equal(response.status, 400);
      const { error } = await response.json();
      assert.equal(error.code, 'invalid-query');
      assert.deepEqual(
        error.issues.map((i) => i.path),
        ['before'],
      );
    }
    const journal = await fetch(`${small.url}/api/journal?before=${sent[0]}`);
    assert.equal(journal.status, 400, 'a map is no entry of the journal');
  });
});

describe('perspectives', () => {
  const rate = (perspective, extra = {}) => envelope({ community: 'flood-city', round: 'r1', perspective, ...extra });

  test(`a round takes at most ${MAX_PERSPECTIVES} named ones: a new one past them is refused, naming the cap`, async () => {
    const names = Array.from({ length: MAX_PERSPECTIVES }, (_, i) => `p${String(i).padStart(3, '0')}`);
    // Twenty at a time: each waits for its commit to reach the disk.
    for (let i = 0; i < names.length; i += 20) {
      const statuses = await Promise.all(names.slice(i, i + 20).map(async (p) => (await post(rate(p))).status));
      assert.deepEqual(new Set(statuses), new Set([201]));
    }
    const refused = await post(rate('one-more'), { 'Accept-Language': 'de' });
    assert.equal(refused.status, 422);
    assert.deepEqual((await refused.json()).error, {
      code: 'too-many-perspectives',
      message: `Die Runde r1 hat bereits ${MAX_PERSPECTIVES} Perspektiven; eine neue (one-more) wird nicht angenommen`,
      issues: [{ path: 'perspective', message: `is a new perspective, and the round already has ${MAX_PERSPECTIVES}` }],
    });
    const english = await (await post(rate('one-more'))).json();
    assert.match(english.error.message, /already has 100 perspectives; a new one \(one-more\) is not taken/);
    // A known perspective, none, "unspecified", another round or community, a journal entry: taken.
    const { criterion: _c, ...assessment } = rate('p050', {
      kind: 'assessment',
      data: { answers: [{ criterion: 'trust', level: 1 }] },
    });
    const { criterion: _d, ...journal } = rate('one-more', {
      kind: 'journal-entry',
      data: { title: 'Møde', date: '2026-10-02', criteria: [] },
    });
    for (const env of [
      rate('p000'),
      assessment,
      rate(undefined),
      rate('unspecified'),
      rate('one-more', { round: 'r2' }),
      rate('one-more', { community: 'other-city' }),
      journal,
    ]) {
      assert.equal((await post(env)).status, 201, JSON.stringify(env));
    }
    const results = await (await get('/api/results?community=flood-city&round=r1')).json();
    const trust = results.criteria.find((c) => c.criterion === 'trust');
    assert.equal(Object.keys(trust.perspectives).length, MAX_PERSPECTIVES + 1);
    assert.equal(trust.perspectives['one-more'], undefined);
  });

  test('the results of a round that holds more (stored before the cap) list those with the most answers', async () => {
    const db = new Database(server.dbPath);
    try {
      const store = createStore(db);
      const over = MAX_PERSPECTIVES + 20;
      for (let i = 0; i < over; i++) {
        // The first twenty have two answers each: they are listed, and the twenty with one are not.
        for (let k = 0; k < (i < 20 ? 2 : 1); k++) {
          const env = schemas.envelopeSchema.parse(
            envelope({ community: 'flooded-city', perspective: `q${String(i).padStart(3, '0')}` }),
          );
          assert.equal(store.record(env).outcome, 'created');
        }
      }
      const results = await (await get('/api/results?community=flooded-city&round=2026-autumn')).json();
      const trust = results.criteria.find((c) => c.criterion === 'trust');
      const listed = Object.keys(trust.perspectives);
      assert.equal(listed.length, MAX_PERSPECTIVES);
      assert.ok(listed.includes('q000') && listed.includes('q019') && !listed.includes('q119'), String(listed));
      // Everyone still counts in the overall figures.
      assert.equal(trust.overall.n, over + 20);
    } finally {
      db.close();
    }
  });
});
