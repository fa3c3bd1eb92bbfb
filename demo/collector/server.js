// Starts the reference collector on its own: `node demo/collector/server.js`
// (PORT, HOST, LC_DB, LC_ALLOWED_ORIGINS, LC_ALLOWED_HOSTS, LC_MAX_BODY_KIB). `npm start` runs it together with the demo portal.
import { createAdaptorServer } from '@hono/node-server';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedHost, allowedOrigin, createApp, MAX_BODY_BYTES } from './app.js';
import { openDatabase } from './db.js';

export { createApp, buildResults, MAX_BODY_BYTES, MAX_LIST_BYTES, MAX_PERSPECTIVES } from './app.js';
export { openDatabase, migrations } from './db.js';

/**
 * @typedef {object} ServerOptions
 * @property {number} [port] 0 picks a free port; default 8080
 * @property {string} [host] default 127.0.0.1 (this machine only); 0.0.0.0 or :: to serve the network
 * @property {string} [dbPath] the SQLite file, created with its folder; default .data/collector.sqlite
 * @property {readonly string[]} [allowedOrigins]
 * @property {readonly string[]} [allowedHosts] host names the collector also answers to, besides
 *   localhost, the address it listens on and the hosts of `allowedOrigins`; `*` for any
 * @property {number} [maxBodyBytes] the largest request body accepted; default MAX_BODY_BYTES (4 MiB)
 * @property {number} [maxListBytes] the most bytes of submissions in one list answer; default MAX_LIST_BYTES (32 MiB)
 * @property {(options: import('./app.js').AppOptions) => import('hono').Hono} [createApp]
 *   builds the app around the collector (the demo adds its pages); default: the collector alone
 * @property {number} [timeoutMs] how long a connection may stay silent, and how long a client may take to send
 *   its request's headers and its whole body, in milliseconds; default TIMEOUT_MS (30 s)
 * @property {number} [maxConnections] the most connections open at once, further ones closed as they come;
 *   default MAX_CONNECTIONS (900)
 */

/**
 * A client that opens a connection and sends nothing, or trickles its request a byte at a time, holds a
 * socket (a file descriptor) for as long as it likes: a thousand of them exhaust the 1,024 files a service
 * may usually open. 30 s is far more than a phone on a slow network needs to send the largest body.
 */
export const TIMEOUT_MS = 30_000;
/** Below the usual limit of 1,024 open files, leaving room for the database and Node's own. */
export const MAX_CONNECTIONS = 900;

/**
 * A setting written in decimal digits, or `fallback` when it is unset or blank; NaN for anything else.
 * `Number()` alone reads a blank value as 0 (for PORT: any free port) and takes `0x1FA0` or `1e3`.
 * @param {string | undefined} value
 * @param {number} fallback
 */
function wholeNumber(value, fallback) {
  const text = (value ?? '').trim();
  if (!text) return fallback;
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

/**
 * Configuration from the environment, with the documented defaults.
 * @param {NodeJS.ProcessEnv} env
 */
export function configFromEnv(env = process.env) {
  const port = wholeNumber(env.PORT, 8080);
  if (!(port >= 0 && port <= 65535))
    throw new Error(`PORT must be a port number (0 for any free one), not ${env.PORT}`);
  const kib = wholeNumber(env.LC_MAX_BODY_KIB, MAX_BODY_BYTES / 1024);
  if (!(kib >= 1)) {
    throw new Error(`LC_MAX_BODY_KIB must be a whole number of KiB, not ${env.LC_MAX_BODY_KIB}`);
  }
  const allowedOrigins = (env.LC_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return allowedOrigin(o);
      } catch (error) {
        throw new Error(`LC_ALLOWED_ORIGINS: ${/** @type {Error} */ (error).message}`);
      }
    });
  const allowedHosts = (env.LC_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
    .map((h) => {
      try {
        return allowedHost(h);
      } catch (error) {
        throw new Error(`LC_ALLOWED_HOSTS: ${/** @type {Error} */ (error).message}`);
      }
    });
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dbPath: resolve(env.LC_DB || '.data/collector.sqlite'),
    allowedOrigins,
    allowedHosts,
    maxBodyBytes: kib * 1024,
  };
}

/**
 * The names a browser may use for a server listening on `host`: that name or address itself, and
 * on every interface (`0.0.0.0`, `::`) each address of this machine and its host name, so that a
 * phone on the same network can open the demo at `http://192.168.1.20:8080`. Other names (a DNS
 * name the machine has) go in LC_ALLOWED_HOSTS.
 * @param {string} host
 */
export function boundHosts(host) {
  if (host !== '0.0.0.0' && host !== '::') return [allowedHost(host)];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && !a.address.includes('%') ? [a.address] : []));
  return [hostname(), ...addresses].flatMap((h) => {
    try {
      return [allowedHost(h)];
    } catch {
      // A link-local IPv6 address with its zone, or a host name that is no DNS name: no browser asks for it.
      return [];
    }
  });
}

/**
 * Opens the database and listens. Resolves once the server accepts connections.
 * @param {ServerOptions} [options]
 */
export async function startServer(options = {}) {
  const { port = 8080, host = '127.0.0.1', dbPath = resolve('.data/collector.sqlite'), allowedOrigins = [] } = options;
  const db = openDatabase(dbPath);
  /** @type {import('hono').Hono} */
  let app;
  try {
    const allowedHosts = [...boundHosts(host), ...(options.allowedHosts ?? [])];
    const { maxBodyBytes, maxListBytes } = options;
    app = (options.createApp ?? createApp)({ db, allowedOrigins, allowedHosts, maxBodyBytes, maxListBytes });
  } catch (error) {
    db.close();
    throw error;
  }
  const { timeoutMs = TIMEOUT_MS, maxConnections = MAX_CONNECTIONS } = options;
  const server = /** @type {import('node:http').Server} */ (
    createAdaptorServer({
      fetch: app.fetch,
      serverOptions: {
        // Node closes a request that takes longer than these to arrive with a 408 (its defaults are 60 s and
        // 5 minutes); it checks them every `connectionsCheckingInterval` (30 s by default, which would double them).
        headersTimeout: timeoutMs,
        requestTimeout: timeoutMs,
        connectionsCheckingInterval: Math.min(timeoutMs, 5000),
      },
    })
  );
  // Node applies none of the above to a connection that has sent nothing yet: only the socket's own
  // inactivity timeout closes it. Keep-alive connections between requests keep Node's shorter 5 s.
  server.setTimeout(timeoutMs);
  server.maxConnections = maxConnections;
  let stopping = false;
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Set<import('node:http').ServerResponse>} */
  const responses = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Ahead of the app's listener, which may answer at once. Once the server stops, every answer says
  // `Connection: close` and Node closes its connection after it, so no client sends another request on it;
  // an answer whose headers had already gone out lets its connection be closed as soon as it is done.
  server.prependListener('request', (_request, response) => {
    if (stopping) response.shouldKeepAlive = false;
    responses.add(response);
    response.once('close', () => responses.delete(response));
    response.once('finish', () => {
      if (stopping) server.closeIdleConnections();
    });
  });
  try {
    await new Promise((done, failed) => {
      server.once('error', failed);
      server.listen(port, host, () => {
        server.off('error', failed);
        done(undefined);
      });
    });
  } catch (error) {
    db.close();
    const e = /** @type {NodeJS.ErrnoException} */ (error);
    if (e.code === 'EADDRINUSE') throw new Error(`Port ${port} on ${host} is in use: set PORT to another port.`);
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(host) ? 'localhost' : host;
  let closing;
  return {
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    db,
    dbPath,
    /**
     * Stops accepting connections, lets requests in flight finish (up to 5 s) on connections it then closes,
     * closes the database.
     */
    close() {
      closing ??= new Promise((done) => {
        stopping = true;
        for (const response of responses) if (!response.headersSent) response.shouldKeepAlive = false;
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          db.close();
          done(undefined);
        });
        // server.close() closes the connections between two requests, but not one that has sent nothing yet
        // (a browser opens one ahead of need): nothing is in flight on it.
        server.closeIdleConnections();
        for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
      });
      return closing;
    },
  };
}

/**
 * Closes the server on SIGINT / SIGTERM, or when the process that started it is gone, then exits.
 * @param {{ close(): Promise<unknown> }} running
 */
export function closeOnSignals(running) {
  let stopping = false;
  const stop = (/** @type {string} */ why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: closing the server and the database…`);
    running.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => stop(signal));
  // `npm start` runs it through `sh -c`, and a shell that neither execs it nor passes signals on
  // (Debian's dash) ends on the SIGTERM a service manager sends npm, leaving the server running
  // without a parent, on its port. Run by npm and handed to another parent, it stops as if
  // signalled. (Started by hand, `nohup node demo/start.js &` outlives its shell, as it should;
  // Windows keeps the parent's id, and there npm ends the script itself.)
  if (!process.env['npm_lifecycle_event']) return;
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) stop('The process that started it stopped');
  }, 500).unref();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const config = configFromEnv();
    const running = await startServer(config);
    closeOnSignals(running);
    console.log(`Reference collector on ${running.url}/api (database ${running.dbPath})`);
  } catch (error) {
    console.error(`The collector could not start: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  }
}
