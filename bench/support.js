// Shared by the browser benchmarks: a minified production bundle of an entry, a server for one
// page and its script on loopback, and the arithmetic of the figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (relative to the repository) as the drop-in would ship it: minified, production Lit. */
export function bundle(entry) {
  const out = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  try {
    const file = join(out, 'bundle.js');
    const r = spawnSync(
      join(root, 'node_modules/.bin/esbuild'),
      [
        join(root, entry),
        '--bundle',
        '--format=esm',
        '--minify',
        '--target=es2022',
        '--conditions=production',
        `--tsconfig=${join(root, 'tsconfig.json')}`,
        `--outfile=${file}`,
        '--log-level=warning',
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`esbuild failed for ${entry}`);
    return readFileSync(file);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Cross-origin isolated, so that performance.now() ticks in microseconds rather than the 0.1 ms
// steps Chromium gives other pages: a rating's input takes about a millisecond.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** Serves `html` at `/` and `script` at `/<scriptName>` on 127.0.0.1; resolves with the server and its URL. */
export function servePage(html, scriptName, script) {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...ISOLATED });
      res.end(html);
    } else if (req.url === `/${scriptName}`) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', ...ISOLATED });
      res.end(script);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })),
  );
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
