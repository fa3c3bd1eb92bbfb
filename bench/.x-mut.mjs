import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launchOptions } from '../scripts/chromium.js';
import { servePage } from './support.js';
const root = new URL('..', import.meta.url).pathname;
spawnSync(root + 'node_modules/.bin/esbuild', [root + 'bench/pages/render-entry.ts', '--bundle', '--format=esm', '--target=es2022', '--conditions=production', `--tsconfig=${root}tsconfig.json`, '--outfile=/tmp/xprof.js', '--log-level=warning'], { stdio: 'inherit' });
const PAGE = `<!doctype html><html lang="en"><body><div id="stage"></div><script type="module">
import './page.js';
const IDS = window.lcCriteriaIds;
const community = document.createElement('lc-community');
community.setAttribute('storage', 'none');
for (let i = 0; i < 12; i++) { const card = document.createElement('lc-criterion-card'); card.setAttribute('criterion', IDS[i]); card.setAttribute('variant', 'compact'); card.append(document.createElement('lc-self-rating')); community.append(card); }
document.getElementById('stage').append(community);
window.run = async () => {
  await Promise.all([...community.querySelectorAll('lc-criterion-card, lc-self-rating')].map((e) => e.updateComplete));
  const rating = community.querySelector('lc-self-rating');
  const options = rating.shadowRoot.querySelectorAll('[role=radio]');
  const out = [];
  for (let k = 0; k < 3; k++) {
    options[k % 6].focus();
    await new Promise((r) => setTimeout(r, 50));
    const recs = [];
    const mo = new MutationObserver((l) => recs.push(...l));
    for (const t of [community, rating.shadowRoot, rating.closest('lc-criterion-card').shadowRoot]) mo.observe(t, { subtree: true, attributes: true, childList: true, characterData: true, attributeOldValue: true });
    rating.shadowRoot.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
    await rating.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    recs.push(...mo.takeRecords()); mo.disconnect();
    out.push(recs.map((r) => r.type + ' ' + (r.target.localName ?? '#text') + (r.target.getAttribute?.('part') ? '[' + r.target.getAttribute('part') + ']' : '') + ' ' + (r.attributeName ?? '') + ' ' + (r.oldValue ?? '') + ' -> ' + (r.attributeName ? r.target.getAttribute(r.attributeName) : (r.target.data ?? ''))));
  }
  return out;
};
window.ready = true;
</script></body></html>`;
const { server, url } = await servePage(PAGE, 'page.js', readFileSync('/tmp/xprof.js'));
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage();
await page.goto(url); await page.waitForFunction(() => window.ready);
console.log(JSON.stringify(await page.evaluate(() => window.run()), null, 1));
await browser.close(); server.close();
