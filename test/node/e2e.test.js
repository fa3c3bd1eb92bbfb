// End to end: the demo server as `npm start` runs it (built bundle, portal pages, collector,
// SQLite in a temporary folder) and a real Chromium driven by playwright-core.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { bundleFile, ensureBuild } from '../../demo/build.js';
import { startServer } from '../../demo/collector/server.js';
import { bundleDir, CSP, createDemoApp, publicDir } from '../../demo/portal.js';

const PAGES = ['/', '/portal.html', '/partner.html', '/assessment.html', '/assessment.html?locale=ar', '/results.html'];

let dir;
let dbPath;
let cdnDir;
let server;
let browser;

const start = (port = 0) =>
  startServer({ port, dbPath, createApp: (options) => createDemoApp({ ...options, bundleDir: cdnDir }) });

before(async () => {
  ensureBuild({ quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
  dbPath = join(dir, 'collector.sqlite');
  // A snapshot of the build: someone running `npm run build` meanwhile (it empties dist/) cannot
  // pull the bundle from under the pages.
  await waitFor(() => existsSync(bundleFile), 'the build to finish', 120_000);
  cdnDir = join(dir, 'cdn');
  cpSync(bundleDir, cdnDir, { recursive: true });
  server = await start();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Polls `fn` until it returns a truthy value. */
async function waitFor(fn, what, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Rows the collector committed, read through a connection of our own. */
function submissions(where, ...params) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(`SELECT * FROM submissions WHERE ${where} ORDER BY received_at`)
      .all(...params)
      .map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
  } finally {
    db.close();
  }
}

/** A fresh browser context (its own IndexedDB, so its own outbox) and page, recording trouble. */
async function openPage(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__lcViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__lcViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    window.__lcEvents = [];
    for (const type of ['lc-submitted', 'lc-submit-error']) {
      document.addEventListener(type, (e) =>
        window.__lcEvents.push({ type, id: e.envelope?.id, retrying: e.retrying, message: e.message }),
      );
    }
  });
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  return { context, page, problems, response };
}

const events = (page) => page.evaluate(() => window.__lcEvents);

/** Waits for the drop-in bundle to run, then fails at once, by name, if it lacks one of `tags`. */
async function requireElements(page, ...tags) {
  await page.waitForFunction(() => customElements.get('lc-community') !== undefined, null, { timeout: 15_000 });
  const missing = await page.evaluate((names) => names.filter((t) => !customElements.get(t)), tags);
  assert.deepEqual(missing, [], `the drop-in bundle (src/all.ts) does not define ${missing.join(', ')}`);
}

/**
 * Rates with the keyboard alone: focus enters the radio group (as Tab would), arrow keys move
 * and select, Tab reaches the send button, Enter sends.
 */
async function rateWithKeyboard(page, criterion, level) {
  await requireElements(page, 'lc-self-rating');
  const rating = page.locator(`lc-self-rating[criterion="${criterion}"]`);
  const radios = rating.getByRole('radio');
  await radios.first().waitFor({ timeout: 10_000 });
  await radios.first().focus();
  for (let i = 0; i < level; i++) await page.keyboard.press('ArrowRight');
  if (level === 0) await page.keyboard.press('Space');
  await waitFor(
    async () => (await radios.nth(level).getAttribute('aria-checked')) === 'true',
    `level ${level} to be checked`,
  );
  await page.keyboard.press('Tab');
  const send = rating.getByRole('button', { name: 'Send' });
  assert.ok(await send.evaluate((b) => b.matches(':focus')), 'Tab after the scale reaches the Send button');
  await page.keyboard.press('Enter');
  return rating;
}

describe('the demo pages', () => {
  test('contain no inline script, inline style or style attribute', () => {
    const files = readdirSync(publicDir).filter((f) => f.endsWith('.html'));
    assert.ok(files.length >= 5);
    for (const file of files) {
      const html = readFileSync(join(publicDir, file), 'utf8');
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${file}: inline <script>`);
      assert.doesNotMatch(html, /<style[\s>]/i, `${file}: <style>`);
      assert.doesNotMatch(html, /\sstyle=/i, `${file}: style attribute`);
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${file}: inline event handler`);
    }
  });

  for (const path of PAGES) {
    test(`${path} loads under the strict CSP with no violation and no console error`, { timeout: 30_000 }, async () => {
      const { context, page, problems, response } = await openPage(path);
      try {
        assert.equal(response.status(), 200);
        assert.equal(response.headers()['content-security-policy'], CSP);
        if (path !== '/') await requireElements(page);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await page.evaluate(() => window.__lcViolations), [], 'CSP violations');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the portal page shows a card and a rating for each of the twelve criteria, in Danish', async () => {
    const { context, page } = await openPage('/portal.html');
    try {
      await requireElements(page, 'lc-self-rating');
      assert.equal(await page.locator('lc-criterion-card').count(), 12);
      assert.equal(await page.locator('lc-self-rating').count(), 12);
      await page.locator('lc-self-rating').first().getByRole('radio').first().waitFor();
      const groups = await page.getByRole('radiogroup').count();
      assert.equal(groups, 12);
      assert.equal(await page.locator('lc-community').getAttribute('locale'), 'da');
    } finally {
      await context.close();
    }
  });
});

describe('the custom assessment page', () => {
  test("lists the community's journal entries from the collector (entries-src)", { timeout: 30_000 }, async () => {
    const title = 'Naboer åbner biblioteket om søndagen';
    const entry = {
      schema: 'lc-submission/1',
      id: randomUUID(),
      kind: 'journal-entry',
      community: 'demo-city',
      round: '2026-autumn',
      perspective: 'civil-society',
      criteriaSet: { id: 'common-criteria', version: '1.0' },
      locale: 'da',
      createdAt: new Date().toISOString(),
      data: { title, date: '2026-09-27', criteria: ['cross-sector-collaboration'], practised: '<b>not markup</b>' },
    };
    const posted = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.id },
      body: JSON.stringify(entry),
    });
    assert.equal(posted.status, 201);
    const { context, page, problems } = await openPage('/assessment.html');
    try {
      await requireElements(page, 'lc-reflection-journal');
      const journal = page.locator('lc-reflection-journal');
      await journal.getByText(title).waitFor({ timeout: 10_000 });
      assert.equal(await journal.locator('b').count(), 0, 'entry text is shown as text');
      assert.deepEqual(
        problems.filter((p) => /entries-src|journal/i.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  });
});

describe('rating on the portal page', () => {
  test('a keyboard rating lands in SQLite, then in the results', { timeout: 60_000 }, async () => {
    const { context, page } = await openPage('/portal.html');
    try {
      const rating = await rateWithKeyboard(page, 'trust', 2);
      const [row] = await waitFor(() => {
        const rows = submissions("criterion = 'trust'");
        return rows.length ? rows : undefined;
      }, 'the rating in SQLite');
      assert.equal(row.kind, 'rating');
      assert.equal(row.community, 'demo-city');
      assert.equal(row.round, '2026-autumn');
      assert.equal(row.perspective, 'citizen');
      assert.equal(row.payload.locale, 'da');
      assert.equal(row.payload.data.level, 2);
      await waitFor(
        async () => (await rating.locator('[part~="status"]').getAttribute('data-state')) === 'sent',
        'the rating to show it was sent',
      );

      const results = await (await fetch(`${server.url}/api/results?community=demo-city&round=2026-autumn`)).json();
      const trust = results.criteria.find((c) => c.criterion === 'trust');
      assert.equal(trust.overall.n, 1);
      assert.deepEqual(trust.perspectives.citizen.levels, [0, 0, 1, 0, 0]);
    } finally {
      await context.close();
    }
  });

  test(
    'with the server stopped, a rating waits in the outbox and arrives exactly once after a restart',
    {
      timeout: 90_000,
    },
    async () => {
      const { context, page } = await openPage('/portal.html');
      try {
        await requireElements(page, 'lc-self-rating');
        await page.locator('lc-self-rating[criterion="inclusion"]').getByRole('radio').first().waitFor();
        const port = server.port;
        await server.close();
        const rating = await rateWithKeyboard(page, 'inclusion', 3);
        // The first attempt failed and the submission stays queued for another.
        const failed = await waitFor(
          async () => (await events(page)).find((e) => e.type === 'lc-submit-error' && e.retrying),
          'a failed attempt',
        );
        await waitFor(
          async () => (await rating.locator('[part~="status"]').getAttribute('data-state')) === 'queued',
          'the rating to say it is queued',
        );
        assert.equal(submissions("criterion = 'inclusion'").length, 0);

        server = await start(port);
        // The outbox retries with backoff (about 1–2 s for the first retries).
        await waitFor(
          async () => (await events(page)).some((e) => e.type === 'lc-submitted' && e.id === failed.id),
          'the queued rating to be delivered',
          30_000,
        );
        const rows = submissions("criterion = 'inclusion'");
        assert.equal(rows.length, 1);
        assert.equal(rows[0].id, failed.id);
        assert.equal(rows[0].payload.data.level, 3);
        // Nothing else is still queued in this browser: a reload would not send it again.
        const pending = await page.evaluate(async () => {
          const request = indexedDB.open('lc-elements');
          const db = await new Promise((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          if (!db.objectStoreNames.contains('outbox')) return 0;
          return new Promise((resolve) => {
            const count = db.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
          });
        });
        assert.equal(pending, 0);
        await page.reload({ waitUntil: 'networkidle' });
        assert.equal(submissions("criterion = 'inclusion'").length, 1);
      } finally {
        await context.close();
      }
    },
  );
});
