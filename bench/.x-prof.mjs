import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launchOptions } from '../scripts/chromium.js';
import { servePage } from './support.js';
const root = new URL('..', import.meta.url).pathname;
const which = process.argv[2] || 'lib';
spawnSync(root + 'node_modules/.bin/esbuild', [root + 'bench/pages/render-entry.ts', '--bundle', '--format=esm', '--target=es2022', '--conditions=production', `--tsconfig=${root}tsconfig.json`, '--outfile=/tmp/xprof.js', '--log-level=warning'], { stdio: 'inherit' });
const PAGE = `<!doctype html><html lang="en"><body><div id="stage"></div><script type="module">
import './page.js';
const IDS = window.lcCriteriaIds;
const stage = document.getElementById('stage');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const community = document.createElement('lc-community');
community.setAttribute('storage', 'none');
for (let i = 0; i < 12; i++) { const card = document.createElement('lc-criterion-card'); card.setAttribute('criterion', IDS[i]); card.setAttribute('variant', 'compact'); card.append(document.createElement('lc-self-rating')); community.append(card); }
const wrap = document.createElement('div');
for (let i = 0; i < 12; i++) { const c = document.createElement('plain-card'); c.criterion = IDS[i]; wrap.append(c); }
stage.append(community, wrap);
window.run = async (runs, which) => {
  await Promise.all([...stage.querySelectorAll('lc-criterion-card, lc-self-rating, plain-card')].map((e) => e.updateComplete));
  const rating = community.querySelector('lc-self-rating');
  const options = rating.shadowRoot.querySelectorAll('[role=radio]');
  const card = wrap.firstElementChild; const inputs = card.shadowRoot.querySelectorAll('input');
  let t = 0;
  for (let k = 0; k < runs; k++) {
    if (which === 'lib') {
      options[k % 6].focus();
      const t0 = performance.now();
      rating.shadowRoot.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
      await rating.updateComplete; document.body.offsetHeight; t += performance.now() - t0;
    } else {
      const from = inputs[k % 6]; from.focus(); const input = inputs[(k + 1) % 6];
      const t0 = performance.now();
      from.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
      input.focus(); input.click(); await card.updateComplete; document.body.offsetHeight; t += performance.now() - t0;
    }
    if (k % 50 === 0) await frame();
  }
  return t / runs;
};
window.ready = true;
</script></body></html>`;
const { server, url } = await servePage(PAGE, 'page.js', readFileSync('/tmp/xprof.js'));
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage();
await page.goto(url); await page.waitForFunction(() => window.ready);
await page.evaluate((w) => window.run(300, w), which);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink', transferMode: 'ReportEvents' });
const N = 1000;
const avg = await page.evaluate(([w, n]) => window.run(n, w), [which, N]);
await cdp.send('Tracing.end'); await done;
console.log(which, 'avg ms', avg.toFixed(3));
const sum = new Map();
for (const e of events) { if (e.ph !== 'X' || !e.dur) continue; const k = e.name; const v = sum.get(k) ?? [0, 0]; v[0] += e.dur; v[1]++; sum.set(k, v); }
for (const [k, [d, c]] of [...sum].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(String((d / N / 1000).toFixed(4)).padStart(8), 'ms/press', String((c / N).toFixed(2)).padStart(6), 'x', k);
await browser.close(); server.close();
