// `npm run screenshots`: PNGs of the elements for the README and docs/, made from the Storybook
// stories (a static Storybook build, served on 127.0.0.1, shot in Chromium with playwright-core),
// each cropped to the element. Writes docs/screenshots/<name>.png.
//
//   node scripts/screenshots.js              build Storybook, then shoot
//   node scripts/screenshots.js --no-build   reuse the last build (node_modules/.cache/lc-screenshots)
//   node scripts/screenshots.js self-rating  only the shots whose name contains "self-rating"
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.js';

const root = resolve(import.meta.dirname, '..');
const staticDir = join(root, 'node_modules/.cache/lc-screenshots');
const outDir = join(root, 'docs/screenshots');

/** What is shot: a story, and the element (or wrapper) in it to crop to. */
const SHOTS = [
  { name: 'self-rating', story: 'elements-self-rating--answered', selector: 'lc-self-rating' },
  { name: 'criterion-card', story: 'elements-criterion-card--compact-open', selector: 'lc-criterion-card' },
  { name: 'partnership-matrix', story: 'elements-partnership-matrix--small', selector: 'lc-partnership-matrix' },
  { name: 'reflection-journal', story: 'elements-reflection-journal--with-draft', selector: 'lc-reflection-journal' },
  { name: 'results', story: 'elements-results--two-rounds', selector: 'lc-results', width: 1100, maxHeight: 560 },
  { name: 'assessment', story: 'elements-assessment--resumed', selector: 'lc-assessment' },
  { name: 'self-rating-arabic', story: 'elements-self-rating--right-to-left', selector: 'lc-self-rating' },
  { name: 'theming-dark', story: 'guides-theming--dark', selector: '.theme', maxHeight: 640 },
  { name: 'theming-municipal', story: 'guides-theming--municipal-design-system', selector: '.theme', maxHeight: 640 },
];
const WIDTH = 820;
/** A long element is cut here: a screenshot shows what it looks like, not all of it. */
const MAX_HEIGHT = 720;

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const shots = filters.length ? SHOTS.filter((s) => filters.some((f) => s.name.includes(f))) : SHOTS;

if (!args.includes('--no-build') || !existsSync(join(staticDir, 'iframe.html'))) {
  console.log('building Storybook…');
  const r = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', staticDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  let file = join(staticDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(staticDir)) return res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(launchOptions(['--font-render-hinting=none']));
mkdirSync(outDir, { recursive: true });
let failed = 0;
try {
  for (const shot of shots) {
    const width = shot.width ?? WIDTH;
    const context = await browser.newContext({
      viewport: { width, height: 1200 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      locale: 'en-GB',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/iframe.html?id=${shot.story}&viewMode=story`);
      // A page font, as a portal would have; the elements inherit it.
      await page.addStyleTag({ content: 'body { font-family: "DejaVu Sans", system-ui, sans-serif; }' });
      const target = page.locator(`#storybook-root ${shot.selector}`).first();
      await target.waitFor({ state: 'visible', timeout: 20_000 });
      await page.evaluate(async () => {
        const all = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('lc-'));
        await Promise.all(all.map((el) => el.updateComplete));
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const box = await target.boundingBox();
      if (!box || box.height < 10) throw new Error(`${shot.selector} is not rendered`);
      const pad = 8;
      const clip = {
        x: Math.max(0, box.x - pad),
        y: Math.max(0, box.y - pad),
        width: Math.min(width, box.width + 2 * pad),
        height: Math.min(shot.maxHeight ?? MAX_HEIGHT, box.height + 2 * pad),
      };
      const file = join(outDir, `${shot.name}.png`);
      await page.screenshot({ path: file, clip, fullPage: true });
      console.log(
        `${file.slice(root.length + 1)} ${Math.round(clip.width)}×${Math.round(clip.height)} ${(statSync(file).size / 1024).toFixed(0)} KiB`,
      );
    } catch (error) {
      failed++;
      console.error(`${shot.name}: ${error.message}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
