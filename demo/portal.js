// The demo: the portal pages (demo/public) and the drop-in bundle (dist/cdn at /lc/) around the
// reference collector (/api/*), on one origin, under a strict Content-Security-Policy.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './collector/app.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const publicDir = fileURLToPath(new URL('./public', import.meta.url));
export const bundleDir = fileURLToPath(new URL('../dist/cdn', import.meta.url));
/** The drop-in loader, the first file of the bundle a page asks for. */
const LOADER = 'lc-elements.min.js';

/** No inline script or style, no eval, nothing from another origin: what a careful city portal sends. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The collector plus the demo's pages.
 * @param {import('./collector/app.js').AppOptions & { bundleDir?: string }} options
 *   `bundleDir`: where the drop-in bundle served at /lc/ is (default dist/cdn)
 */
export function createDemoApp(options) {
  const bundle = options.bundleDir ?? bundleDir;
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });
  app.route('/', createApp(options));

  // The drop-in bundle, as a city would host it for its partners: a module script loaded from
  // another site is fetched with CORS, so it says anyone may load it.
  app.use('/lc/*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  // The pages and the bundle are only read. A POST to one of them (a partner page that names the
  // collector's root as its endpoint) is a 404, as at any other wrong address: answered with the
  // page, it would be a 200, which an element takes for a delivery, and the answer would be lost.
  // A `Range` is not honoured: the whole file, as HTTP lets a server answer. @hono/node-server's
  // serveStatic (1.19) answers one past the end with a 500 (and a stack trace in the log), `-5`
  // with the first bytes, and `0-0` or a malformed one with the whole file as a 206
  // (honojs/node-server#190); these pages and the bundle are small, and nothing resumes them.
  app.get('/*', async (c, next) => {
    if (c.req.header('range') !== undefined) {
      const headers = new Headers(c.req.raw.headers);
      headers.delete('range');
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
  });
  app.get('/lc/*', serveStatic({ root: bundle, rewriteRequestPath: (path) => path.replace(/^\/lc/, '') }));
  app.get('/*', serveStatic({ root: publicDir }));
  // "Not built" only when the build is missing (no drop-in loader); another file missing under
  // /lc/ is a wrong address, and building again would not bring it.
  app.notFound((c) =>
    c.req.path.startsWith('/lc/') && !existsSync(join(bundle, LOADER))
      ? c.text(`${c.req.path} is not built: run npm run build (npm start does it for you).`, 404)
      : c.text('Not found', 404),
  );
  return app;
}
