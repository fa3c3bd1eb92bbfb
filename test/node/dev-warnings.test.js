// Lit's development build (what a framework's dev server, Vite's, loads) warns in the console of
// what it takes for a mistake. A page with every element, built as such a server builds it, in
// Chromium: no warning from the elements, only Lit's own notice that it is in dev mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.js';

const root = resolve(import.meta.dirname, '../..');

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dev build</title></head><body>
<lc-community community="dev" round="r1" storage="none">
  <lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>
  <lc-partnership-matrix></lc-partnership-matrix>
  <lc-reflection-journal criterion="trust"></lc-reflection-journal>
  <lc-assessment></lc-assessment>
  <lc-results src="/results.json"></lc-results>
</lc-community>
<script type="module" src="/bundle.js"></script></body></html>`;

test('the elements give no warning in Lit’s development build', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-dev-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, `import ${JSON.stringify(join(root, 'src/all.ts'))};\n`);
    const built = spawnSync(
      join(root, 'node_modules/.bin/esbuild'),
      [
        entry,
        '--bundle',
        '--format=esm',
        '--conditions=development',
        `--outfile=${join(dir, 'bundle.js')}`,
        `--tsconfig=${join(root, 'tsconfig.json')}`,
        '--log-level=warning',
      ],
      { stdio: 'inherit' },
    );
    assert.equal(built.status, 0, 'esbuild');
    const files = {
      '/': ['text/html', PAGE],
      '/bundle.js': ['text/javascript', readFileSync(join(dir, 'bundle.js'))],
      '/results.json': ['application/json', readFileSync(join(root, 'test/fixtures/results-2026-spring.json'))],
    };
    const server = createServer((req, res) => {
      const file = files[new URL(req.url, 'http://x').pathname];
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const browser = await chromium.launch(launchOptions());
    try {
      const page = await browser.newPage();
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => document.querySelector('lc-results')?.shadowRoot?.querySelector('table'));
      await page.waitForTimeout(500);
      const ours = warnings.filter((w) => !w.startsWith('Lit is in dev mode'));
      assert.deepEqual(ours, []);
      assert.ok(warnings.length >= 1, 'the development build was loaded (its notice)');
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
