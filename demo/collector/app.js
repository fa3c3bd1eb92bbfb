// The reference collector's HTTP API, as a Hono app: POST /api/submissions, GET /api/results,
// /api/partnerships, /api/journal, /api/health. See the README, "Demo portal and reference collector".
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { roundFigure, toCsv } from './csv.js';
import { negotiateLanguage, refusalMessage } from './messages.js';
import { schemas } from './schemas.js';
import { createStore, UNSPECIFIED } from './store.js';

const { z } = schemas;

/**
 * Largest accepted request body, by default (`maxBodyBytes`, LC_MAX_BODY_KIB). A partnership map
 * is the largest envelope there is: <lc-partnership-matrix> holds up to 500 actors, and a map of
 * 500 with 37,500 ties (each actor tied to 150 others, ids of 25 letters) is 3.8 MiB of JSON. A
 * body is read whole into memory, then parsed, validated, hashed and stored: that map took some
 * 60 MB more memory while it was handled (measured), and every body being read at once holds its
 * own. The limit keeps that bounded; a map denser still is refused (413) rather than taken.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** At most this many criteria (src/core/results.ts) and rounds are listed in one round's results. */
const MAX_CRITERIA = 200;
const MAX_ROUNDS = 500;
/**
 * At most this many named perspectives (besides `unspecified`) in one community's round. Anyone
 * may post, and each new name would be one more group per criterion in the results: 4,500 made-up
 * ones made `/api/results` 3.8 MB and seconds of the server's time, and the results page
 * unusable. A rating or assessment naming one more is refused (422); the results of a round that
 * holds more (stored before there was a cap) show the ones with the most answers.
 */
export const MAX_PERSPECTIVES = 100;
/**
 * The most bytes of stored submissions one answer of `/api/journal` or `/api/partnerships` carries,
 * by default (`maxListBytes`). A partnership map can be 4 MiB: 500 of them in one answer were 2 GB
 * of memory and half a minute in which the collector (synchronous, like its database) answered
 * nobody else, only to fail at last. Past this many, the list stops (after at least one entry)
 * and says where the rest begins (`next`).
 */
export const MAX_LIST_BYTES = 32 * 1024 * 1024;
/** What a preflight may ask for: the methods of the API, and the headers the elements send. */
const CORS_METHODS = ['GET', 'POST', 'OPTIONS'];
const CORS_HEADERS = ['Content-Type', 'Idempotency-Key'];
/**
 * The methods each endpoint takes, as its 405 names them in Allow: HEAD wherever GET is (Hono
 * answers it with the GET route), and OPTIONS everywhere, which the CORS middleware answers.
 */
const ENDPOINT_METHODS = {
  '/api/submissions': ['POST', 'OPTIONS'],
  '/api/results': ['GET', 'HEAD', 'OPTIONS'],
  '/api/partnerships': ['GET', 'HEAD', 'OPTIONS'],
  '/api/journal': ['GET', 'HEAD', 'OPTIONS'],
  '/api/health': ['GET', 'HEAD', 'OPTIONS'],
};
/** Host names a browser on this machine uses for it; a DNS-rebinding page cannot take them. */
export const LOCAL_HOSTS = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

/**
 * SQLite refusing what it was given (a CHECK, a value too big or of the wrong type): the request
 * was at fault and sending it again cannot help, so it is a 400, not the 503 of a busy database.
 */
const REFUSED_BY_DATABASE = /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE)/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * @typedef {object} AppOptions
 * @property {import('better-sqlite3').Database} db an open, migrated database (see `openDatabase`)
 * @property {readonly string[]} [allowedOrigins] origins allowed to post from another site
 *   (`https://partner.example`), or `*` for any; the collector's own origin is always allowed
 * @property {number} [maxBodyBytes] the largest request body accepted (413 above it); default MAX_BODY_BYTES
 * @property {number} [maxListBytes] the most bytes of submissions in one answer of /api/journal or
 *   /api/partnerships; default MAX_LIST_BYTES
 * @property {readonly string[]} [allowedHosts] host names the collector answers to (`collector.example-city.dk`),
 *   or `*` for any, besides LOCAL_HOSTS and the hosts of `allowedOrigins`; other hosts get a 421
 */

/**
 * A refusal: `{ error: { code, message, issues? } }`. `code` is stable, for programs; `message`
 * is for people, in the language the request asks for (Accept-Language), which the answer names
 * in `Content-Language`; `issues` are for developers (their messages are the schema's, in English).
 * @typedef {{ code: string; message: string; issues?: Array<{ path: string; message: string }> }} ErrorBody
 * @param {import('hono').Context} c
 * @param {number} status
 * @param {string} code one of the codes in messages.js
 * @param {Record<string, string>} [vars] what the message names
 * @param {ErrorBody['issues']} [issues]
 */
function fail(c, status, code, vars, issues) {
  const language = negotiateLanguage(c.req.header('accept-language'));
  /** @type {ErrorBody} */
  const error = { code, message: refusalMessage(code, language, vars) };
  if (issues) error.issues = issues;
  c.header('Content-Language', language);
  c.header('Vary', 'Accept-Language', { append: true });
  return c.json({ error }, /** @type {any} */ (status));
}

/** The issues' paths, for a message that names where the problems are without the schema's English. */
const pathsOf = (/** @type {Array<{ path: string }>} */ issues) => [...new Set(issues.map((i) => i.path))].join(', ');

/**
 * Every host a request names: its Host, and each entry of X-Forwarded-Host when it has one (a
 * proxy that appends to it leaves the one the client sent first). A page can add X-Forwarded-Host
 * to a same-origin fetch without a preflight, so no one of them may stand in for another: each
 * must be one of the collector's names (`checkHost`).
 * @param {import('hono').Context} c
 */
function requestHosts(c) {
  const forwarded = c.req.header('x-forwarded-host');
  const hosts = [c.req.header('host') ?? ''];
  if (forwarded !== undefined) hosts.push(...forwarded.split(','));
  return hosts.map((h) => h.trim().toLowerCase());
}

/**
 * The host a request was addressed to, as the browser saw it (behind a proxy, X-Forwarded-Host).
 * Only ever read after `checkHost` has let the request through: every host it names is the
 * collector's, so this one is too, whichever a page wrote.
 * @param {import('hono').Context} c
 */
function requestHost(c) {
  const [host, forwarded] = requestHosts(c);
  return forwarded ?? host;
}

/**
 * The host name of a Host header (`Evil.Test:8080` is `evil.test`, `[::1]:80` is `[::1]`), as
 * URLs write it (an IPv4 address in its usual form, a name in ASCII), without a final dot; or
 * undefined when it is none.
 * @param {string} host
 */
function hostName(host) {
  // A user name ("a@b") or a path would make the URL name another host than the header does.
  if (!host || /[@/?#\\\s]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Whether a host name, as a URL writes it (`hostName`, `URL.hostname`), is one a browser can ask
 * for: an IP address, or labels of letters, digits, `-` and `_` (which browsers resolve, in a
 * container's name say). The URL parser takes more (`*`, `;`, `!`), which no name in the DNS has.
 * @param {string} name
 */
function nameOfTheDns(name) {
  if (/^\[[\da-f:.]+\]$/.test(name)) return true;
  // A fully qualified name may end in a dot (`partner.example.`), and a browser on it sends it so.
  const labels = name.replace(/\.$/, '');
  return labels.length <= 253 && labels.split('.').every((label) => /^[a-z\d_-]{1,63}$/.test(label));
}

/**
 * Why an allowed host or origin that the URL parser took can never match, or undefined: a
 * wildcard (`*.city.example`, which is compared as written, not as a pattern), or characters no
 * host name has (`a.example;b.example`, a list in another separator).
 * @param {string} name its host name, as a URL writes it
 * @param {string} example a list of two entries, as they should be written
 */
function neverMatches(name, example) {
  if (nameOfTheDns(name)) return undefined;
  const exact = `list each one exactly, separated by commas (${example})`;
  if (name.includes('*')) return `a wildcard is not a pattern here: ${exact}`;
  return `a host name has only letters, digits, "-", "_" and dots between them: ${exact}`;
}

/**
 * An entry of the allowed hosts as `hostName` reads a request's (`Collector.Example.dk` is
 * `collector.example.dk`, `::1` is `[::1]`), or `*`. One with a scheme, a port or a path is
 * refused: hosts are compared without their port, and such an entry would never match; so is
 * one with a wildcard or a character no host name has (`neverMatches`).
 * @param {string} entry
 */
export function allowedHost(entry) {
  if (entry === '*') return entry;
  const example = 'a.city.example,b.city.example';
  // Names separated by spaces: one entry, which the URL parser refuses without saying why.
  if (/\s/.test(entry)) throw new Error(`${entry} is not a host name: ${neverMatches(entry, example)}`);
  // A bare IPv6 address (two colons or more), as HOST may be written: in brackets, as in a URL.
  const bracketed = /:.*:/.test(entry) && !entry.startsWith('[') ? `[${entry}]` : entry;
  const name = hostName(bracketed);
  if (!name || /:\d*$/.test(bracketed.replace(/^\[[^\]]*\]/, ''))) {
    throw new Error(
      `${entry} is not a host name: write it as collector.example.dk or 192.0.2.10, without a scheme, port or path`,
    );
  }
  const why = neverMatches(name, example);
  if (why) throw new Error(`${entry} is not a host name: ${why}`);
  return name;
}

/**
 * An entry of the allowed origins as browsers send an origin (`https://www.partner.example`: the
 * scheme and host in lower case, no default port, no path), or `*`. Compared as written, an entry
 * such as `https://WWW.Partner.example`, `…:443` or `…/portal` would never match, and nothing would
 * say why; so one that is no http(s) origin at all (no scheme, a path), or whose host no browser
 * can have (a wildcard, `;`: `neverMatches`), is refused here.
 * @param {string} entry
 */
export function allowedOrigin(entry) {
  if (entry === '*') return entry;
  const example = 'https://a.partner.example,https://b.partner.example';
  if (/\s/.test(entry)) throw new Error(`${entry} is not an origin: ${neverMatches(entry, example)}`);
  /** @type {URL | undefined} */
  let url;
  try {
    url = new URL(entry);
  } catch {
    /* not a URL: no scheme */
  }
  const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !['http:', 'https:'].includes(url.protocol) || !bare) {
    throw new Error(`${entry} is not an origin: write it as https://host or https://host:port, without a path`);
  }
  const why = neverMatches(url.hostname, example);
  if (why) throw new Error(`${entry} is not an origin: ${why}`);
  return url.origin;
}

/**
 * @param {import('hono').Context} c
 * @param {readonly string[]} allowed
 */
function originAllowed(c, allowed) {
  const origin = c.req.header('origin');
  // No Origin: not a cross-site browser request (curl, a server, a same-origin GET).
  if (!origin) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  if (c.req.header('sec-fetch-site') === 'same-origin') return true;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(c);
  } catch {
    return false;
  }
}

/**
 * Answers a request addressed to a host name the collector does not know with 421 (Misdirected
 * Request). A page of another site whose name is pointed at this machine's address after it
 * loaded (DNS rebinding) sends its own name as Host, and as Origin: the collector would take it
 * as same-origin and let it read everything, even bound to 127.0.0.1. Its name is not on the list.
 * Each refused host is logged once (up to 100), so that whoever runs the collector behind a name
 * it was not told of learns why.
 * @param {readonly string[]} allowed host names, as `allowedHost` writes them, or `*`
 * @param {readonly string[]} allowedOrigins origins whose pages may read the refusal, as
 *   `allowedOrigin` writes them, or `*`
 * @returns {import('hono').MiddlewareHandler}
 */
function checkHost(allowed, allowedOrigins) {
  const hosts = new Set(allowed);
  const logged = new Set();
  return async (c, next) => {
    const [host, ...forwarded] = requestHosts(c);
    // No Host at all is no browser (HTTP/1.0 from a script), which no page can make; but whatever
    // X-Forwarded-Host says is checked all the same, an empty one included.
    const named = host ? [host, ...forwarded] : forwarded;
    const refused = hosts.has('*') ? undefined : named.find((h) => !hosts.has(hostName(h) ?? ''));
    if (refused === undefined) return next();
    const shown = (hostName(refused) ?? refused).slice(0, 100) || '""';
    if (logged.size < 100 && !logged.has(shown)) {
      logged.add(shown);
      console.warn(
        `[collector] refused a request for the host ${shown}: add it to LC_ALLOWED_HOSTS if that is this collector's name`,
      );
    }
    // A partner's page, on the list, posting to a name the operator forgot to list reads this
    // refusal (its preflight passes) and shows "not accepted" and why, instead of a network error
    // it would retry for ever. Only the list counts here, never "the origin is the request's own
    // host": that is just what a DNS-rebinding page claims, and a same-origin request needs no CORS.
    const origin = c.req.header('origin');
    if (origin && (allowedOrigins.includes('*') || allowedOrigins.includes(origin))) {
      const preflight = readableBy(c, origin);
      if (preflight) return preflight;
    } else {
      c.header('Vary', 'Origin', { append: true });
    }
    return fail(c, 421, 'host-not-allowed', { host: shown });
  };
}

/**
 * Lets the page of `origin` read the refusal that follows: `Access-Control-Allow-Origin` on it,
 * and its preflight answered (the answer, when the request is one), so that the browser sends the
 * request at all. A preflight refused, or a refusal without the header, is a network error to the
 * page, which an element takes for a lost connection.
 * @param {import('hono').Context} c
 * @param {string} origin
 * @returns {Response | undefined}
 */
function readableBy(c, origin) {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin', { append: true });
  if (c.req.method !== 'OPTIONS') return undefined;
  c.header('Access-Control-Allow-Methods', CORS_METHODS.join(', '));
  c.header('Access-Control-Allow-Headers', CORS_HEADERS.join(', '));
  return c.body(null, 204);
}

// Trimmed and composed (NFC), as the envelope schema stores community, round and perspective:
// "forening-é" asked for with a decomposed "é" finds the answers sent with a composed one.
const text = (/** @type {number} */ max) =>
  z.string().check(z.trim(), z.normalize('NFC'), z.minLength(1), z.maxLength(max));
const limitSchema = z.optional(
  z.pipe(
    z.string().check(z.regex(/^\d+$/, 'must be a whole number')),
    z.transform((v) => Math.min(500, Math.max(1, Number(v)))),
  ),
);
const formatSchema = z.optional(z.enum(['json', 'csv']));
// The id of the last entry of the page before (as `next` gives it): the list goes on after it.
const beforeSchema = z.optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(100)));
const resultsQuery = z.object({ community: text(200), round: text(100), format: formatSchema });
const listQuery = z.object({
  community: z.optional(text(200)),
  round: z.optional(text(100)),
  criterion: z.optional(text(64)),
  limit: limitSchema,
  before: beforeSchema,
  format: formatSchema,
});

/**
 * Parses the query string with a zod schema; on failure answers 400 naming the parameter.
 * @template T
 * @param {import('hono').Context} c
 * @param {import('zod/mini').ZodMiniType<T>} schema
 * @returns {{ ok: true; value: T } | { ok: false; response: Response }}
 */
function query(c, schema) {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: /** @type {T} */ (parsed.data) };
  const issues = parsed.error.issues.map((i) => ({ path: schemas.formatPath(i.path), message: i.message }));
  const vars = { details: schemas.formatIssues(parsed.error.issues), paths: pathsOf(issues) };
  return { ok: false, response: fail(c, 400, 'invalid-query', vars, issues) };
}

/**
 * A `Content-Disposition` that offers `name` as a file (RFC 6266): `filename*` with the name in
 * UTF-8 (RFC 5987), which every current browser reads ("results-ærø-kommune-forår-2026.csv", as
 * <lc-results> names its own download), and `filename` in ASCII for a client that reads only that.
 * @param {string} name a name made by the download naming rule (src/core/download.ts)
 */
function contentDisposition(name) {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w.-]+/g, '_');
  // encodeURIComponent leaves `'()*!` as they are, which RFC 5987's value does not take.
  const utf8 = encodeURIComponent(name).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

function csvResponse(/** @type {import('hono').Context} */ c, /** @type {string} */ name, /** @type {string} */ body) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', contentDisposition(name));
  // With a byte-order mark, as the elements' own exports: without one, Excel reads UTF-8 as a
  // legacy code page, and Arabic or Danish names come out garbled.
  return c.body(`\uFEFF${body}`);
}

/** @param {AppOptions} options */
export function createApp({
  db,
  allowedOrigins: origins = [],
  maxBodyBytes = MAX_BODY_BYTES,
  maxListBytes = MAX_LIST_BYTES,
  allowedHosts = [],
}) {
  const allowedOrigins = origins.map(allowedOrigin);
  // A partner's own name may be the collector's too; either way its owner controls where it points.
  const originHosts = allowedOrigins.filter((o) => o !== '*').map((o) => new URL(o).hostname);
  const hosts = [...LOCAL_HOSTS, ...originHosts, ...allowedHosts.map(allowedHost)];
  const store = createStore(db, { maxPerspectives: MAX_PERSPECTIVES });
  const app = new Hono();

  app.use('*', checkHost(hosts, allowedOrigins));

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });

  // A browser posting from a site that is not on the list is refused before anything else; a
  // non-browser client sends no Origin and is not concerned. The refusal is readable by that
  // site: its preflight passes and the 403 carries Access-Control-Allow-Origin, so the element
  // shows "not accepted" and why, instead of a network error it would take for a lost connection
  // and retry for ever. Nothing is stored: the check comes first.
  app.use('/api/*', async (c, next) => {
    if (originAllowed(c, allowedOrigins)) return next();
    const origin = c.req.header('origin') ?? '';
    return readableBy(c, origin) ?? fail(c, 403, 'origin-not-allowed', { origin });
  });
  // On every route, not only /api/*: an allowed page posting to a wrong address (`/submissions`,
  // the collector's root) reads its 404 as it reads any refusal, instead of a network error.
  app.use(
    '*',
    cors({
      origin: (origin, c) => (origin && originAllowed(c, allowedOrigins) ? origin : null),
      allowMethods: CORS_METHODS,
      allowHeaders: CORS_HEADERS,
      // Allow: an allowed page's script reads which methods an endpoint takes from a 405, as from its message.
      exposeHeaders: ['Idempotent-Replayed', 'Retry-After', 'Link', 'Allow'],
      maxAge: 600,
    }),
  );

  app.post(
    '/api/submissions',
    async (c, next) => {
      const [type = '', ...params] = (c.req.header('content-type') ?? '').split(';').map((p) => p.trim());
      if (type.toLowerCase() !== 'application/json') {
        return fail(c, 415, 'unsupported-media-type', { type });
      }
      const charset = params
        .find((p) => /^charset=/i.test(p))
        ?.slice(8)
        .replace(/"/g, '');
      if (charset && !/^utf-?8$/i.test(charset)) {
        return fail(c, 415, 'unsupported-charset', { charset: charset.slice(0, 40) });
      }
      // A compressed body is not decoded (nor its size limited before decoding): read as it is, a
      // gzip body would be refused as "not UTF-8", which says nothing of why. RFC 9110 §15.5.16:
      // 415, and Accept-Encoding names what is accepted.
      const encoding = (c.req.header('content-encoding') ?? '').trim();
      if (encoding && encoding.toLowerCase() !== 'identity') {
        c.header('Accept-Encoding', 'identity');
        return fail(c, 415, 'unsupported-media-type', { type, encoding: encoding.slice(0, 40) });
      }
      return next();
    },
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        // The rest of the body is never read: the connection cannot carry another request.
        c.header('Connection', 'close');
        return fail(c, 413, 'too-large', { kib: String(Math.floor(maxBodyBytes / 1024)) });
      },
    }),
    async (c) => {
      let text;
      try {
        text = utf8.decode(await c.req.arrayBuffer());
      } catch {
        return fail(c, 400, 'invalid-utf8');
      }
      /** @type {unknown} */
      let body;
      try {
        // A `\ud800` escape without its pair parses, as half a character: the envelope's schema
        // refuses it, naming the field (as the elements do before sending), so it is never stored.
        body = JSON.parse(text);
      } catch (error) {
        return fail(c, 400, 'invalid-json', { detail: /** @type {Error} */ (error).message });
      }
      const parsed = schemas.envelopeSchema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: schemas.formatPath(i.path) || '(root)',
          message: i.message,
        }));
        const vars = { details: schemas.formatIssues(parsed.error.issues), paths: pathsOf(issues) };
        return fail(c, 400, 'invalid-envelope', vars, issues);
      }
      const envelope = /** @type {import('./store.js').Envelope} */ (parsed.data);
      const unknown = unknownCriteria(envelope);
      if (unknown.length) {
        const message = `is not a criterion of the built-in set ${envelope.criteriaSet.id}`;
        const issues = unknown.map((path) => ({ path, message }));
        const details = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        const vars = { details, paths: pathsOf(issues), set: envelope.criteriaSet.id };
        return fail(c, 400, 'unknown-criterion', vars, issues);
      }
      // Ids are compared in lower case (the schema lower-cases the envelope's): one UUID, one submission.
      const key = c.req.header('idempotency-key');
      if (key !== undefined && key.trim().toLowerCase() !== envelope.id) {
        return fail(c, 400, 'idempotency-key-mismatch', { key: key.slice(0, 64) });
      }
      // Synchronous and in one transaction: once this returns, the row is committed.
      const result = store.record(envelope);
      if (result.outcome === 'loop') {
        // A change names an earlier submission: never itself, nor one that (through its own
        // `replaces`) names this one. Taken, such a loop would have each replace the other and
        // count none of them, acknowledged as they were. The store looks inside its write
        // transaction: two collectors on one database cannot each take one half of a loop.
        const message = 'must name an earlier submission, not this one nor one that replaces it';
        const issues = [{ path: 'replaces', message }];
        return fail(c, 400, 'invalid-envelope', { details: `replaces: ${message}`, paths: 'replaces' }, issues);
      }
      if (result.outcome === 'conflict') {
        return fail(c, 422, 'id-conflict', { id: envelope.id });
      }
      if (result.outcome === 'too-many-perspectives') {
        const max = String(MAX_PERSPECTIVES);
        const message = `is a new perspective, and the round already has ${max}`;
        const vars = { max, perspective: envelope.perspective ?? '', round: envelope.round };
        return fail(c, 422, 'too-many-perspectives', vars, [{ path: 'perspective', message }]);
      }
      if (result.outcome === 'duplicate') {
        c.header('Idempotent-Replayed', 'true');
        return c.json(result.receipt, 200);
      }
      return c.json(result.receipt, 201);
    },
  );

  app.get('/api/results', (c) => {
    const q = query(c, resultsQuery);
    if (!q.ok) return q.response;
    const { community, round, format } = q.value;
    const results = buildResults(store, community, round);
    if (format === 'csv') {
      const rows = [];
      for (const r of results.criteria) {
        // The overall row is told apart by its group, not by a perspective name: an envelope may
        // name any perspective, `all` included. The columns `group` and `perspective` are those of
        // <lc-results>'s own export (src/components/results/csv.ts).
        /** @type {Array<[string, string, typeof r.overall]>} */
        const groups = [['overall', '', r.overall]];
        for (const [perspective, s] of Object.entries(r.perspectives)) groups.push(['perspective', perspective, s]);
        for (const [group, perspective, s] of groups) {
          const figures = [...s.levels, s.dontKnow, roundFigure(s.mean), roundFigure(s.median)];
          rows.push([community, round, r.criterion, group, perspective, s.n, ...figures]);
        }
      }
      const header = ['community', 'round', 'criterion', 'group', 'perspective', 'n', 'level_0', 'level_1'];
      header.push('level_2', 'level_3', 'level_4', 'dont_know', 'mean', 'median');
      return csvResponse(c, schemas.resultsFileName(community, round, 'csv'), toCsv(header, rows));
    }
    return c.json(results);
  });

  /**
   * The newest entries of a kind that the query asks for, at most `maxListBytes` of them (at least
   * one); or the 400 of a `before` that names no entry of that kind. When more match, a link to
   * them (this query, `before` the last entry) goes in a `Link` header (`rel="next"`), for JSON and
   * CSV alike, and the JSON also says `next` (and `truncated` when the size, not `limit`, cut it).
   * @param {import('hono').Context} c
   * @param {'partnerships' | 'journal-entry'} kind
   * @param {{ community?: string; round?: string; criterion?: string; limit?: number; before?: string }} filter
   * @returns {Response | { items: any[]; more: { next?: string; truncated?: true } }}
   */
  function list(c, kind, { limit = 50, ...filter }) {
    const page = store.latest({ ...filter, limit, maxBytes: maxListBytes }, kind);
    if (!page) {
      const message = 'is not the id of an entry of this list';
      const issues = [{ path: 'before', message }];
      return fail(c, 400, 'invalid-query', { details: `before: ${message}`, paths: 'before' }, issues);
    }
    /** @type {{ next?: string; truncated?: true }} */
    const more = {};
    if (page.next) {
      const url = new URL(c.req.url);
      url.searchParams.set('before', page.next);
      more.next = `${url.pathname}${url.search}`;
      if (page.truncated) more.truncated = true;
      c.header('Link', `<${more.next}>; rel="next"`);
    }
    return { items: page.entries, more };
  }

  app.get('/api/partnerships', (c) => {
    const q = query(c, listQuery);
    if (!q.ok) return q.response;
    const { format, ...filter } = q.value;
    const page = list(c, 'partnerships', filter);
    if (page instanceof Response) return page;
    const { items, more } = page;
    if (format === 'csv') {
      const header = ['submission', 'community', 'round', 'perspective', 'created_at', 'source', 'source_name'];
      header.push('source_sector', 'target', 'target_name', 'target_sector', 'level', 'independent');
      const rows = items.flatMap((s) => {
        const actors = new Map(s.data.actors.map((/** @type {any} */ a) => [a.id, a]));
        return s.data.ties.map((/** @type {any} */ t) => {
          const from = actors.get(t.source) ?? {};
          const to = actors.get(t.target) ?? {};
          return [s.id, s.community, s.round, s.perspective, s.createdAt, t.source, from.name, from.sector].concat([
            t.target,
            to.name,
            to.sector,
            t.level,
            t.independent,
          ]);
        });
      });
      return csvResponse(c, 'partnerships.csv', toCsv(header, rows));
    }
    return c.json({ schema: 'lc-submissions/1', kind: 'partnerships', entries: items, ...more });
  });

  app.get('/api/journal', (c) => {
    const q = query(c, listQuery);
    if (!q.ok) return q.response;
    const { format, ...filter } = q.value;
    const page = list(c, 'journal-entry', filter);
    if (page instanceof Response) return page;
    const { items, more } = page;
    if (format === 'csv') {
      const fields = ['practised', 'tested', 'challenged', 'concluded', 'change', 'participants'];
      const header = ['submission', 'community', 'round', 'perspective', 'created_at', 'date', 'title', 'criteria'];
      const rows = items.map((s) => [
        s.id,
        s.community,
        s.round,
        s.perspective,
        s.createdAt,
        s.data.date,
        s.data.title,
        [...new Set([s.criterion, ...s.data.criteria].filter(Boolean))].join(' '),
        ...fields.map((f) => s.data[f]),
      ]);
      return csvResponse(c, 'journal.csv', toCsv([...header, ...fields], rows));
    }
    return c.json({ schema: 'lc-submissions/1', kind: 'journal-entry', entries: items, ...more });
  });

  app.get('/api/health', (c) => {
    let submissions;
    try {
      submissions = store.count();
    } catch (error) {
      // As every other refusal: a stable code and a message in the asker's language (the
      // database's own words go to the log, not to whoever asks).
      console.error('[collector] health: the database cannot be read:', /** @type {Error} */ (error).message);
      const language = negotiateLanguage(c.req.header('accept-language'));
      c.header('Content-Language', language);
      c.header('Vary', 'Accept-Language', { append: true });
      const message = refusalMessage('unavailable', language);
      return c.json({ ok: false, error: { code: 'unavailable', message } }, 503);
    }
    return c.json({ ok: true, schema: schemas.ENVELOPE_SCHEMA, submissions });
  });

  // An endpoint asked with a method it does not take is there all the same: 405 and the methods
  // it takes in Allow (RFC 9110 §15.5.6), not the 404 of an address that does not exist.
  for (const [path, methods] of Object.entries(ENDPOINT_METHODS)) {
    app.all(path, (c) => {
      const allow = methods.join(', ');
      c.header('Allow', allow);
      return fail(c, 405, 'method-not-allowed', { method: c.req.method, path, allow });
    });
  }

  app.all('/api/*', (c) => fail(c, 404, 'no-such-api', { method: c.req.method, path: c.req.path }));

  app.onError((error, c) => {
    const code = /** @type {{ code?: unknown }} */ (error).code;
    if (typeof code === 'string' && REFUSED_BY_DATABASE.test(code)) {
      console.warn('[collector] refused by the database:', error.message);
      return fail(c, 400, 'refused-by-database', { code });
    }
    console.error('[collector]', error);
    // 503 tells the elements' outbox to keep the submission and try again later.
    return fail(c, 503, 'unavailable');
  });

  return app;
}

/**
 * Where an envelope of the built-in criteria set answers a criterion that set does not have
 * (paths, as in a 400's issues). Other sets are the host's own: their ids are not known here.
 * @param {import('./store.js').Envelope} envelope
 */
function unknownCriteria(envelope) {
  const builtIn = schemas.commonCriteriaEn;
  if (envelope.criteriaSet.id !== builtIn.id) return [];
  const ids = new Set(builtIn.criteria.map((c) => c.id));
  if (envelope.kind === 'rating') return ids.has(envelope.criterion ?? '') ? [] : ['criterion'];
  if (envelope.kind !== 'assessment') return [];
  return /** @type {Array<{ criterion: string }>} */ (envelope.data.answers).flatMap((a, i) =>
    ids.has(a.criterion) ? [] : [schemas.formatPath(['data', 'answers', i, 'criterion'])],
  );
}

/**
 * Aggregates the answers of one round in the `lc-results/1` format (src/core/results.ts).
 * @param {ReturnType<typeof createStore>} store
 * @param {string} community
 * @param {string} round
 */
export function buildResults(store, community, round) {
  const builtIn = schemas.commonCriteriaEn;
  const set = store.criteriaSet(community, round, builtIn.id);
  /** @type {Map<string, { all: Array<number | null>; by: Map<string, Array<number | null>> }>} */
  const groups = new Map();
  const group = (/** @type {string} */ id) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { all: [], by: new Map() }));
    return g;
  };
  // The built-in set's criteria come first, in its order, even before anyone answered them.
  if (!set || set.id === builtIn.id) for (const c of builtIn.criteria) group(c.id);
  const answers = set ? store.answers(community, round, set.id) : [];
  const known = new Set(groups.keys());
  // Other criteria follow alphabetically; past the limit, those with the fewest answers are left out.
  /** @type {Map<string, number>} */
  const extraCounts = new Map();
  for (const a of answers)
    if (!known.has(a.criterion)) extraCounts.set(a.criterion, (extraCounts.get(a.criterion) ?? 0) + 1);
  const extra = [...extraCounts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .slice(0, Math.max(0, MAX_CRITERIA - known.size))
    .map(([id]) => id)
    .sort();
  for (const id of extra) group(id);
  // A round stored before perspectives had a cap may hold more: those with the most answers are
  // listed. The others still count in `overall`, which <lc-results> reads as hidden groups.
  /** @type {Map<string, number>} */
  const perspectiveCounts = new Map();
  for (const a of answers)
    if (a.perspective !== null) perspectiveCounts.set(a.perspective, (perspectiveCounts.get(a.perspective) ?? 0) + 1);
  const listed = new Set(
    [...perspectiveCounts]
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
      .slice(0, MAX_PERSPECTIVES)
      .map(([p]) => p),
  );
  for (const a of answers) {
    const g = groups.get(a.criterion);
    if (!g) continue;
    g.all.push(a.level);
    if (a.perspective !== null && !listed.has(a.perspective)) continue;
    const p = a.perspective ?? UNSPECIFIED;
    const list = g.by.get(p) ?? [];
    list.push(a.level);
    g.by.set(p, list);
  }
  const results = {
    schema: 'lc-results/1',
    community,
    round,
    rounds: latestRounds(store.rounds(community), round),
    ...(set ? { criteriaSet: set } : {}),
    generatedAt: new Date().toISOString(),
    criteria: [...groups].map(([criterion, g]) => ({
      criterion,
      overall: schemas.groupStats(g.all),
      perspectives: Object.fromEntries(
        [...g.by].sort(([a], [b]) => a.localeCompare(b)).map(([p, list]) => [p, schemas.groupStats(list)]),
      ),
    })),
  };
  return /** @type {typeof results} */ (schemas.resultsSchema.parse(results));
}

/**
 * The community's rounds, oldest first; past the limit, the most recent ones and the one asked for.
 * @param {string[]} rounds
 * @param {string} round
 */
function latestRounds(rounds, round) {
  if (rounds.length <= MAX_ROUNDS) return rounds;
  const keep = new Set(rounds.filter((r) => r !== round).slice(-(MAX_ROUNDS - 1)));
  keep.add(round);
  return rounds.filter((r) => keep.has(r));
}
