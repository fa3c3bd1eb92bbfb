import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real HTTP endpoint for browser tests, served by the test runner's own server: it records
// every request, deduplicates by submission id like a real collector, and can be told to fail,
// stall or drop connections. Browser tests talk to it with fetch: no stubbed fetch anywhere.
const buckets = new Map();

function bucket(name) {
  let b = buckets.get(name);
  if (!b) {
    b = { records: new Map(), requests: [], preflights: [], faults: [], failEvery: 0, counter: 0, held: [], served: 0 };
    buckets.set(name, b);
  }
  return b;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function collect(ctx, b) {
  const raw = await readBody(ctx.req);
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  const key = ctx.get('Idempotency-Key');
  b.counter += 1;
  let fault = b.faults.shift();
  if (!fault && b.failEvery && b.counter % b.failEvery === 0)
    fault = b.cycle[(b.counter / b.failEvery) % b.cycle.length];
  const request = {
    n: b.counter,
    key,
    id: body?.id,
    contentType: ctx.get('Content-Type'),
    acceptLanguage: ctx.get('Accept-Language'),
    fault: fault ? JSON.stringify(fault) : null,
  };
  b.requests.push(request);
  if (fault?.stallMs) await sleep(fault.stallMs);
  if (fault?.drop) {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  if (fault?.status) {
    ctx.status = fault.status;
    if (fault.retryAfter !== undefined) ctx.set('Retry-After', String(fault.retryAfter));
    if (fault.contentLanguage !== undefined) ctx.set('Content-Language', fault.contentLanguage);
    if (fault.location !== undefined) ctx.set('Location', fault.location);
    // `empty`: an answer with no body, so no reason (a proxy's bare 400).
    if (fault.empty) return void (ctx.body = '');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: { message: fault.message ?? `simulated ${fault.status}` } });
    return;
  }
  if (!body || typeof body.id !== 'string') {
    ctx.status = 400;
    ctx.body = { error: { message: 'body is not an envelope' } };
    return;
  }
  const seen = b.records.has(body.id);
  if (!seen) b.records.set(body.id, body);
  if (fault?.dropAfterStore) {
    // Stored, but the answer never arrives: the client must retry and be deduplicated.
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  ctx.status = seen ? 200 : 201;
  ctx.body = { id: body.id, duplicate: seen };
}

/**
 * A request from another origin (a page on http://localhost:<port> posting to
 * http://127.0.0.1:<port>): allowed as the reference collector allows it, with the methods and
 * request headers that collector names (`Content-Type, Idempotency-Key`, nothing else). Each
 * preflight is recorded with the request headers it asked for. True when the request is answered.
 */
function cors(ctx, b) {
  const origin = ctx.get('Origin');
  if (!origin || origin === `${ctx.protocol}://${ctx.host}`) return false;
  ctx.set('Access-Control-Allow-Origin', origin);
  ctx.set('Vary', 'Origin');
  if (ctx.method !== 'OPTIONS') return false;
  b.preflights.push({
    origin,
    method: ctx.get('Access-Control-Request-Method'),
    headers: ctx.get('Access-Control-Request-Headers'),
  });
  ctx.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
  ctx.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  ctx.status = 204;
  return true;
}

/** The reference collector (demo/collector), mounted at this path, with its SQLite file in a temporary folder. */
const REFERENCE = '/__lc/reference';
let reference;

/** The reference collector's Hono app, created on first use (it bundles its schemas when it starts). */
function referenceApp() {
  reference ??= (async () => {
    const [{ createApp }, { openDatabase }] = await Promise.all([
      import('../../demo/collector/app.js'),
      import('../../demo/collector/db.js'),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'lc-wtr-collector-'));
    const db = openDatabase(join(dir, 'collector.sqlite'));
    process.once('exit', () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // No other origin is allowed: a page on the test server's other name is refused (403).
    return createApp({ db, allowedOrigins: [] });
  })();
  return reference;
}

/**
 * GET|POST|OPTIONS /__lc/reference/api/…: the reference collector's own answer, as `npm start`
 * gives it at /api/…: its routes, CORS, refusals and database, nothing simulated.
 */
async function toReference(ctx) {
  const app = await referenceApp();
  const body = ['GET', 'HEAD'].includes(ctx.method) ? undefined : await readRaw(ctx.req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = `${ctx.protocol}://${ctx.host}${ctx.url.slice(REFERENCE.length)}`;
  const response = await app.fetch(new Request(url, { method: ctx.method, headers, body }));
  ctx.status = response.status;
  response.headers.forEach((value, name) => ctx.set(name, value));
  ctx.body = Buffer.from(await response.arrayBuffer());
}

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Files the test server answers 503 to, for one test page: by the page's session and a part of
 * their path, with how many times still to come. Test pages run side by side and may load the same
 * file (the Danish criteria text): a failure meant for one page must not be spent on another.
 */
const failingFiles = new Map();

/** The header each request of a page that asked for failures carries: its test session. */
const PAGE_HEADER = 'x-lc-test-page';

/**
 * The test-runner command that fails the next GETs of a file for the page that runs it:
 *   await executeServerCommand('lc-fail-file', { match: 'common-criteria.da-', times: 1 });
 * The next `times` GETs of a path holding `match` made by this page get a 503 (a server error on
 * one of the library's own files), then it is served. The page's requests are told apart by a
 * header the browser adds to each of them (the Referer cannot: a chunk's is the module importing it),
 * from then until the page's last failure is spent. The runner reuses a page for the next test file,
 * where the header would ask a cross-origin endpoint's preflight for it: a test file that may leave
 * a failure unspent (one that fails) ends with `{ clear: true }` in its `after`.
 * `{ damaged: true }` answers 200 instead, as JavaScript, with an HTML page (a CDN's or a proxy's
 * page served in the file's place): the file comes, and cannot run. `{ stallMs: 1500 }` serves the
 * file as it is, that long later (a slow connection).
 */
export function failFilePlugin() {
  return {
    name: 'lc-fail-file',
    async executeCommand({ command, payload, session }) {
      if (command !== 'lc-fail-file') return undefined;
      const page = session.browser.getPage(session.id);
      if (payload?.clear) {
        for (const [key, rule] of failingFiles) if (rule.page === session.id) failingFiles.delete(key);
        await page.setExtraHTTPHeaders({});
        return true;
      }
      const { match, times = 1, damaged = false, stallMs = 0 } = payload ?? {};
      if (typeof match !== 'string' || !match) throw new Error('lc-fail-file: `match` must be a part of a path');
      await page.setExtraHTTPHeaders({ [PAGE_HEADER]: session.id });
      failingFiles.set(`${session.id} ${match}`, {
        page: session.id,
        match,
        times: Number(times),
        damaged: Boolean(damaged),
        stallMs: Number(stallMs),
        puppeteerPage: page,
      });
      return true;
    },
  };
}

/** Spends one of a page's failures; after its last, the page's requests go unmarked again. */
function spend(key, rule) {
  rule.times -= 1;
  if (rule.times > 0) return;
  failingFiles.delete(key);
  if (![...failingFiles.values()].some((other) => other.page === rule.page)) {
    rule.puppeteerPage.setExtraHTTPHeaders({}).catch(() => undefined);
  }
}

/** Koa middleware for the test runner's `middleware` option (it runs before static files). */
export function collectorMiddleware() {
  return async (ctx, next) => {
    if (ctx.path.startsWith(`${REFERENCE}/api/`)) return toReference(ctx);
    const page = ctx.get(PAGE_HEADER);
    for (const [key, rule] of failingFiles) {
      if (ctx.method !== 'GET' || rule.page !== page || !ctx.path.includes(rule.match)) continue;
      spend(key, rule);
      if (rule.stallMs) {
        await sleep(Math.min(rule.stallMs, 60_000));
        return next();
      }
      ctx.set('Cache-Control', 'no-store');
      if (rule.damaged) {
        ctx.type = 'text/javascript';
        ctx.body = '<!doctype html><title>Maintenance</title><p>Back soon.</p>';
        return;
      }
      ctx.status = 503;
      ctx.body = 'simulated 503';
      return;
    }
    // GET /__lc/slow/<ms>: answers {} after <ms> milliseconds (a server that is slow to answer).
    const slow = /^\/__lc\/slow\/(\d+)$/.exec(ctx.path);
    if (slow && ctx.method === 'GET') {
      await sleep(Math.min(Number(slow[1]), 60_000));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {};
      return;
    }
    const m = /^\/__lc\/(collect|control|state|serve)\/([\w-]+)/.exec(ctx.path);
    if (!m) return next();
    const [, verb, name] = m;
    const b = bucket(name);
    ctx.set('Cache-Control', 'no-store');
    if (verb === 'collect' && cors(ctx, b)) return;
    if (verb === 'collect' && ctx.method === 'POST') return collect(ctx, b);
    if (verb === 'control' && ctx.method === 'POST') {
      const cfg = JSON.parse((await readBody(ctx.req)) || '{}');
      if (cfg.release) {
        // Lets the answers held back by a `hold` fault go (see serve), and changes nothing else.
        for (const release of b.held.splice(0)) release();
        ctx.body = { ok: true };
        return;
      }
      if (cfg.reset) buckets.delete(name);
      const nb = bucket(name);
      nb.faults = cfg.faults ?? [];
      nb.failEvery = cfg.failEvery ?? 0;
      nb.cycle = cfg.cycle ?? [{ status: 503 }];
      ctx.body = { ok: true };
      return;
    }
    // GET /__lc/serve/<bucket>?file=test/fixtures/<name>.json: the fixture, or the bucket's next
    // fault (a status, after `stallMs`) instead: a server that answers well, then fails, then recovers.
    // A fault `{ hold: true }` holds the answer back until the test posts `{ release: true }` to
    // /__lc/control/<bucket>: a slow network whose answer arrives exactly when the test wants it.
    if (verb === 'serve' && ctx.method === 'GET') {
      const file = String(ctx.query.file ?? '');
      if (!/^test\/fixtures\/[\w.-]+\.json$/.test(file)) {
        ctx.status = 400;
        return;
      }
      // Counted as it arrives, before any fault holds it: a test knows its request reached the server.
      b.served++;
      const fault = b.faults.shift();
      if (fault?.stallMs) await sleep(fault.stallMs);
      if (fault?.hold) await new Promise((release) => b.held.push(release));
      if (fault?.status) {
        ctx.status = fault.status;
        ctx.body = { error: { message: `simulated ${fault.status}` } };
        return;
      }
      ctx.type = 'application/json';
      ctx.body = await readFile(join(process.cwd(), file), 'utf8');
      return;
    }
    if (verb === 'state' && ctx.method === 'GET') {
      ctx.body = { records: [...b.records.values()], requests: b.requests, preflights: b.preflights, served: b.served };
      return;
    }
    ctx.status = 405;
  };
}
