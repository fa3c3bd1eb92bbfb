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
import { launchOptions } from '../../scripts/chromium.js';
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
  browser = await chromium.launch(launchOptions());
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
      .prepare(`SELECT * FROM submissions WHERE ${where} ORDER BY rowid`)
      .all(...params)
      .map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
  } finally {
    db.close();
  }
}

/** The `answers` rows the collector derived from one submission, in criterion order. */
function answerRows(submissionId) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT criterion, level, community, round, perspective FROM answers
         WHERE submission_id = ? ORDER BY criterion`,
      )
      .all(submissionId);
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

/**
 * Waits until the drop-in loader has defined every lc-* element in the page and the given `tags`
 * (elements inside another's shadow root load with it), failing by name after 15 s.
 */
async function requireElements(page, ...tags) {
  const present = await page.evaluate(() =>
    [...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('lc-')),
  );
  const wanted = [...new Set([...present, ...tags])];
  assert.ok(wanted.length > 0, 'the page has no lc-* element');
  try {
    await page.waitForFunction((names) => names.every((t) => customElements.get(t)), wanted, { timeout: 15_000 });
  } catch {
    const missing = await page.evaluate((names) => names.filter((t) => !customElements.get(t)), wanted);
    assert.fail(`the drop-in loader did not define ${missing.join(', ')}`);
  }
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

/** The ids of the submissions the page's outbox keeps on the device (IndexedDB `lc-elements`, store `outbox`). */
const outboxIds = (page) =>
  page.evaluate(async () => {
    const request = indexedDB.open('lc-elements');
    const db = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('outbox')) return [];
      return await new Promise((resolve, reject) => {
        const keys = db.transaction('outbox').objectStore('outbox').getAllKeys();
        keys.onsuccess = () => resolve(keys.result);
        keys.onerror = () => reject(keys.error);
      });
    } finally {
      // Let go at once: the page's own outbox may be told to write again (see the test below).
      db.close();
    }
  });

/** What has the focus, followed into shadow roots: the element, and the element whose shadow holds it. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    return {
      tag: el.localName,
      id: el.id,
      role: el.getAttribute('role'),
      parts: (el.getAttribute('part') ?? '').split(/\s+/).filter(Boolean),
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      host: host?.localName ?? null,
      criterion: host?.getAttribute('criterion') ?? null,
    };
  });

/** Presses `key` until `reached(focused)` holds; fails, naming `what`, after `max` presses. */
async function pressUntil(page, key, reached, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (reached(now)) return now;
  }
  throw new Error(`${what}: not reached in ${max} presses of ${key} (focus on ${JSON.stringify(await focused(page))})`);
}

/** The portal's `<lc-assessment>`, once it shows its questions. */
async function portalAssessment(page) {
  await requireElements(page, 'lc-assessment', 'lc-criterion-card', 'lc-self-rating');
  const assessment = page.locator('lc-assessment');
  await assessment.getByRole('radio').first().waitFor({ timeout: 10_000 });
  return assessment;
}

/**
 * Answers one criterion of the portal's stepped assessment with the keyboard alone: Enter on its
 * link in the step list (focus moves to the step's heading), Tab into the radio group, arrow keys
 * to move and select.
 */
async function answerWithKeyboard(page, criterion, level) {
  const assessment = await portalAssessment(page);
  const link = assessment.locator(`[part~="step-link"][href="#lc-step-${criterion}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await waitFor(
    async () => (await focused(page))?.id === `h-${criterion}`,
    `the heading of ${criterion} to take focus`,
  );
  assert.equal(new URL(page.url()).hash, `#lc-step-${criterion}`);
  const radio = await pressUntil(page, 'Tab', (f) => f?.role === 'radio', `Tab into the scale of ${criterion}`);
  assert.equal(radio.criterion, criterion, "Tab from the step heading enters this step's scale");
  for (let i = 0; i < level; i++) await page.keyboard.press('ArrowRight');
  if (level === 0) await page.keyboard.press('Space');
  const radios = assessment.locator(`lc-self-rating[criterion="${criterion}"]`).getByRole('radio');
  await waitFor(
    async () => (await radios.nth(level).getAttribute('aria-checked')) === 'true',
    `level ${level} of ${criterion} to be checked`,
  );
  return assessment;
}

/**
 * From a step's scale, with the keyboard alone: Shift+Tab back to the step list's "Gennemse og
 * send", Enter (focus moves to the review's heading), Tab to "Send mine svar", Enter.
 */
async function sendWithKeyboard(page) {
  const assessment = page.locator('lc-assessment');
  await pressUntil(
    page,
    'Shift+Tab',
    (f) => f?.host === 'lc-assessment' && f.href === '#lc-review',
    "Shift+Tab back to the step list's link to the review",
  );
  await page.keyboard.press('Enter');
  await waitFor(async () => (await focused(page))?.id === 'review-heading', 'the review heading to take focus');
  assert.equal(await assessment.locator('#review-heading').textContent(), 'Gennemse dine svar');
  const send = await pressUntil(
    page,
    'Tab',
    (f) => f?.host === 'lc-assessment' && f.parts.includes('submit'),
    'Tab to the send button',
  );
  assert.equal(send.text, 'Send mine svar');
  await page.keyboard.press('Enter');
  return assessment.locator('[part~="review"] [part~="status"]');
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
        if (path === '/portal.html') await portalAssessment(page);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await page.evaluate(() => window.__lcViolations), [], 'CSP violations');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the portal page is one <lc-assessment> in steps, in Danish, with its introduction in the slot', async () => {
    const html = readFileSync(join(publicDir, 'portal.html'), 'utf8');
    assert.equal(html.match(/<lc-assessment[\s>]/g)?.length, 1, 'one <lc-assessment>');
    assert.doesNotMatch(html, /<lc-(criterion-card|self-rating)[\s>]/, 'no hand-written cards or ratings');
    const { context, page, problems } = await openPage('/portal.html');
    try {
      const assessment = await portalAssessment(page);
      assert.equal(await page.locator('lc-community').getAttribute('locale'), 'da');
      assert.equal(await page.locator('lc-community > lc-assessment').getAttribute('layout'), 'steps');
      // The assessment renders a card and a rating for each of the twelve criteria, one step at a time.
      assert.equal(await assessment.locator('lc-criterion-card').count(), 12);
      assert.equal(await assessment.locator('lc-self-rating').count(), 12);
      assert.equal(await assessment.getByRole('radiogroup').count(), 1, 'only the current step is shown');
      assert.equal(await assessment.locator('[part~="step-link"]').count(), 13, 'twelve criteria and the review');
      const bar = assessment.getByRole('progressbar');
      assert.equal(await bar.getAttribute('aria-valuenow'), '0');
      assert.equal(await bar.getAttribute('aria-valuemax'), '12');
      assert.equal(await assessment.locator('[part~="progress-text"]').textContent(), '0 af 12 besvaret');
      assert.equal((await focused(page))?.id ?? '', '', 'nothing takes the focus on load');
      // The introduction is the page's own markup, shown in the element's slot.
      const intro = assessment.locator(':scope > .info-box');
      assert.equal(await intro.getByRole('heading', { name: 'Sådan gør du' }).count(), 1);
      assert.ok(await intro.evaluate((el) => el.assignedSlot !== null), 'the introduction is slotted');
      assert.ok(await intro.isVisible());
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe('the demo pages on a phone, with a large font', () => {
  // A reader who doubles the browser's font size (WCAG 1.4.4) on a 320 px phone: the page reflows
  // (WCAG 1.4.10) instead of scrolling sideways. Content in its own scrolling area may scroll.
  for (const path of PAGES) {
    test(`${path} does not scroll sideways at 320 px with the root font at 200 %`, { timeout: 30_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      try {
        const page = await context.newPage();
        await page.goto(server.url + path, { waitUntil: 'load' });
        if (path !== '/') await requireElements(page);
        await page.waitForLoadState('networkidle');
        const report = await page.evaluate(async () => {
          // Through the CSSOM, which the strict CSP allows (a style attribute it would refuse).
          document.documentElement.style.fontSize = '200%';
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const limit = document.documentElement.clientWidth;
          const scrollsOnItsOwn = (el) => {
            for (let n = el.parentElement ?? el.getRootNode().host; n; n = n.parentElement ?? n.getRootNode().host) {
              if (/auto|scroll|hidden|clip/.test(getComputedStyle(n).overflowX)) return true;
            }
            return false;
          };
          const wide = [];
          const visit = (root) => {
            for (const el of root.querySelectorAll(root === document ? 'body *' : '*')) {
              // The element's box, and its own text (a word longer than the line spills out of its
              // box) unless the box clips it (text for screen readers only).
              const boxes = [el.getBoundingClientRect()];
              const clips = /hidden|clip/.test(getComputedStyle(el).overflowX);
              for (const node of clips ? [] : el.childNodes) {
                if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                boxes.push(range.getBoundingClientRect());
              }
              for (const r of boxes) {
                if (r.width && (r.right > limit + 1 || r.left < -1) && !scrollsOnItsOwn(el)) {
                  const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 30);
                  wide.push(
                    `${el.localName}${el.id ? `#${el.id}` : ''} "${text}" ${Math.round(r.left)}–${Math.round(r.right)}`,
                  );
                }
              }
              if (el.shadowRoot) visit(el.shadowRoot);
            }
          };
          visit(document);
          return { scrollWidth: document.documentElement.scrollWidth, clientWidth: limit, wide: [...new Set(wide)] };
        });
        assert.deepEqual(report.wide, [], `${path}: drawn past the edge of the window`);
        assert.ok(report.scrollWidth <= report.clientWidth, `${path} scrolls sideways (${report.scrollWidth} px)`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the results page', () => {
  test(
    'shows <lc-results>, and not the fallback table meant for a bundle without it',
    { timeout: 30_000 },
    async () => {
      const { context, page, problems } = await openPage('/results.html');
      try {
        await requireElements(page, 'lc-results');
        await page.locator('lc-results [part~="base"]').waitFor({ timeout: 10_000 });
        await page.waitForLoadState('networkidle');
        // Before the fix, the fallback's script showed the table at once: the loader defines later.
        await page.waitForTimeout(500);
        assert.equal(await page.locator('#fallback').isHidden(), true, 'the fallback table stays hidden');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    },
  );
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

describe('the assessment on the portal page', () => {
  test(
    'a criterion answered with the keyboard and sent from the review lands in SQLite, then in the results',
    { timeout: 60_000 },
    async () => {
      const { context, page, problems } = await openPage('/portal.html');
      try {
        const assessment = await answerWithKeyboard(page, 'trust', 2);
        await waitFor(
          async () => (await assessment.getByRole('progressbar').getAttribute('aria-valuenow')) === '1',
          'the progress to count the answer',
        );
        const status = await sendWithKeyboard(page);
        const sent = await waitFor(
          async () => (await events(page)).find((e) => e.type === 'lc-submitted'),
          'the assessment to be acknowledged',
        );
        const [row, ...more] = submissions('id = ?', sent.id);
        assert.equal(more.length, 0);
        assert.equal(row.kind, 'assessment');
        assert.equal(row.criterion, null);
        assert.equal(row.community, 'demo-city');
        assert.equal(row.round, '2026-autumn');
        assert.equal(row.perspective, 'citizen');
        assert.equal(row.payload.locale, 'da');
        // allow-partial: the one answered criterion, the others left out.
        assert.deepEqual(row.payload.data.answers, [{ criterion: 'trust', level: 2 }]);
        assert.deepEqual(answerRows(sent.id), [
          { criterion: 'trust', level: 2, community: 'demo-city', round: '2026-autumn', perspective: 'citizen' },
        ]);
        await waitFor(
          async () => (await status.getAttribute('data-state')) === 'sent',
          'the review to say it was sent',
        );
        assert.equal(await status.textContent(), 'Tak. Dine svar er sendt.');

        const results = await (await fetch(`${server.url}/api/results?community=demo-city&round=2026-autumn`)).json();
        const trust = results.criteria.find((c) => c.criterion === 'trust');
        assert.equal(trust.overall.n, 1);
        assert.deepEqual(trust.perspectives.citizen.levels, [0, 0, 1, 0, 0]);
        assert.equal(results.criteria.find((c) => c.criterion === 'initiatives').overall.n, 0);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    'with the server stopped, the sent assessment waits in the outbox and arrives exactly once after a restart',
    { timeout: 90_000 },
    async () => {
      const { context, page } = await openPage('/portal.html');
      /** Assessments in the database that answer inclusion. */
      const inclusion = () =>
        submissions(
          "kind = 'assessment' AND community = 'demo-city' AND id IN (SELECT submission_id FROM answers WHERE criterion = 'inclusion')",
        );
      try {
        await portalAssessment(page);
        const port = server.port;
        await server.close();
        await answerWithKeyboard(page, 'inclusion', 3);
        const status = await sendWithKeyboard(page);
        // The first attempt failed and the submission stays queued for another.
        const failed = await waitFor(
          async () => (await events(page)).find((e) => e.type === 'lc-submit-error' && e.retrying),
          'a failed attempt',
        );
        await waitFor(
          async () => (await status.getAttribute('data-state')) === 'queued',
          'the assessment to say it is queued',
        );
        assert.equal(inclusion().length, 0);

        server = await start(port);
        // The outbox retries with backoff (about 1–2 s for the first retries).
        await waitFor(
          async () => (await events(page)).some((e) => e.type === 'lc-submitted' && e.id === failed.id),
          'the queued assessment to be delivered',
          30_000,
        );
        const rows = inclusion();
        assert.equal(rows.length, 1);
        assert.equal(rows[0].id, failed.id);
        assert.deepEqual(rows[0].payload.data.answers, [{ criterion: 'inclusion', level: 3 }]);
        assert.deepEqual(
          answerRows(failed.id).map((a) => [a.criterion, a.level]),
          [['inclusion', 3]],
        );
        await waitFor(
          async () => (await status.getAttribute('data-state')) === 'sent',
          'the review to say it was sent',
        );
        // Nothing else is still queued in this browser: a reload would not send it again.
        assert.deepEqual(await outboxIds(page), []);
        await page.reload({ waitUntil: 'networkidle' });
        // The URL still names the review, which the element shows again (now empty).
        await page.locator('lc-assessment').getByRole('progressbar').waitFor();
        assert.equal(inclusion().length, 1);
        assert.equal(submissions('id = ?', failed.id).length, 1);
      } finally {
        await context.close();
      }
    },
  );
});

describe("the partner page's standalone rating", () => {
  test('a keyboard rating lands in SQLite as a rating', { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openPage('/partner.html');
    try {
      const rating = await rateWithKeyboard(page, 'cross-sector-collaboration', 2);
      const sent = await waitFor(
        async () => (await events(page)).find((e) => e.type === 'lc-submitted'),
        'the rating to be acknowledged',
      );
      const [row, ...more] = submissions('id = ?', sent.id);
      assert.equal(more.length, 0);
      assert.equal(row.kind, 'rating');
      assert.equal(row.criterion, 'cross-sector-collaboration');
      // Without a <lc-community>: the default community and the current year's round.
      assert.equal(row.community, 'default');
      assert.equal(row.payload.locale, 'da');
      assert.equal(row.payload.data.level, 2);
      assert.deepEqual(
        answerRows(sent.id).map((a) => [a.criterion, a.level]),
        [['cross-sector-collaboration', 2]],
      );
      await waitFor(
        async () => (await rating.locator('[part~="status"]').getAttribute('data-state')) === 'sent',
        'the rating to show it was sent',
      );
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(
    "its answer waiting when the person clears the site's data is written again, and arrives once",
    { timeout: 90_000 },
    async () => {
      const { context, page, problems } = await openPage('/partner.html');
      try {
        await requireElements(page, 'lc-self-rating');
        await page.locator('lc-self-rating').getByRole('radio').first().waitFor({ timeout: 10_000 });
        const port = server.port;
        await server.close();
        const rating = await rateWithKeyboard(page, 'cross-sector-collaboration', 3);
        const failed = await waitFor(
          async () => (await events(page)).find((e) => e.type === 'lc-submit-error' && e.retrying),
          'a failed attempt',
        );
        const status = rating.locator('[part~="status"]');
        await waitFor(async () => (await status.getAttribute('data-state')) === 'queued', 'the rating to wait');
        assert.deepEqual(await outboxIds(page), [failed.id]);

        // As the browser's "Clear site data" does, with the page open.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'indexeddb' });
        await waitFor(
          // A read of ours while the clear runs is closed with it (AbortError): read again.
          async () => (await outboxIds(page).catch(() => [])).includes(failed.id),
          'the page to write its waiting answer to the device again',
        );
        assert.equal(await status.getAttribute('data-state'), 'queued');

        server = await start(port);
        await waitFor(
          async () => (await events(page)).some((e) => e.type === 'lc-submitted' && e.id === failed.id),
          'the waiting answer to be delivered',
          30_000,
        );
        assert.equal(submissions('id = ?', failed.id).length, 1);
        await waitFor(async () => (await status.getAttribute('data-state')) === 'sent', 'the rating to show it sent');
        assert.deepEqual(await outboxIds(page), []);
        // Nothing went wrong but the stopped server (Chromium's own line for each refused try): a
        // clear is no failure of the device.
        assert.deepEqual(
          problems.filter((p) => !p.includes('net::ERR_CONNECTION_REFUSED')),
          [],
        );
      } finally {
        await context.close();
      }
    },
  );
});
