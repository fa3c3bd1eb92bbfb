// The collector's server as an operator runs it: connections that stall, stopping with connections
// open, `npm start` under a service manager, the configuration it reads. Real sockets, processes and
// SQLite files in a temporary folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { buildReason, ensureBuild, recordBuild, sourcesHash } from '../../demo/build.js';
import { configFromEnv, MAX_BODY_BYTES, startServer } from '../../demo/collector/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-server-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A connection to `port` on this machine, once it is open; `closed` tells when and how it ended. */
async function open(port) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => (received += d));
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.once('close', () => resolve(received)));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed, received: () => received };
}

/** A request for a rating, as raw HTTP/1.1 on a keep-alive connection. */
function ratingRequest() {
  const body = JSON.stringify({
    schema: 'lc-submission/1',
    id: randomUUID(),
    kind: 'rating',
    community: 'server-city',
    round: '2026-autumn',
    criteriaSet: { id: 'common-criteria', version: '1.0' },
    criterion: 'trust',
    locale: 'da',
    createdAt: new Date().toISOString(),
    data: { level: 3 },
  });
  return (
    'POST /api/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** Resolves with `promise`'s value, or with `fallback` once `ms` have passed. */
const within = (promise, ms, fallback) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, fallback))]);

describe('connections that stall', () => {
  let server;
  before(async () => {
    server = await startServer({ port: 0, dbPath: join(dir, 'stall.sqlite'), timeoutMs: 500 });
  });
  after(() => server?.close());

  test('a connection that sends nothing is closed once the timeout has passed', async () => {
    const started = Date.now();
    const { closed } = await open(server.port);
    assert.equal(await within(closed, 3000, 'still open'), '');
    assert.ok(Date.now() - started >= 400, 'not before the timeout');
  });

  test('a body that trickles in is answered 408 and closed', async () => {
    const { socket, closed } = await open(server.port);
    socket.write(
      'POST /api/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.write(' '), 100);
    try {
      assert.match(await within(closed, 3000, 'still open'), /^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
    }
  });

  test('a keep-alive client sends its next request on the same connection', async () => {
    const { socket, received } = await open(server.port);
    socket.write(ratingRequest());
    // Between two requests Node's keep-alive timeout (5 s) holds, not the shorter one of a silent connection.
    await new Promise((resolve) => setTimeout(resolve, 700));
    socket.write(ratingRequest());
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(received().match(/HTTP\/1\.1 201 /g)?.length, 2, received());
    assert.ok(!socket.destroyed);
    socket.destroy();
  });
});

test('connections beyond the most allowed are closed as they come, and the others served', async () => {
  const server = await startServer({ port: 0, dbPath: join(dir, 'max.sqlite'), maxConnections: 2 });
  try {
    const held = [await open(server.port), await open(server.port)];
    const third = await open(server.port);
    assert.equal(await within(third.closed, 2000, 'still open'), '');
    held[0].socket.write(ratingRequest());
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.match(held[0].received(), /^HTTP\/1\.1 201 /);
    for (const { socket } of held) socket.destroy();
  } finally {
    await server.close();
  }
});

describe('stopping', () => {
  test('answers the request in flight with Connection: close, then closes its connection at once', async () => {
    const server = await startServer({ port: 0, dbPath: join(dir, 'stop-busy.sqlite') });
    const { socket, closed, received } = await open(server.port);
    const request = ratingRequest();
    socket.write(request.slice(0, 150));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const stopped = server.close();
    socket.write(request.slice(150));
    const answer = await within(closed, 3000, 'still open');
    assert.match(answer, /^HTTP\/1\.1 201 /, received());
    assert.match(answer, /^connection: close\r$/im);
    await stopped;
    assert.ok(Date.now() - started < 2000, `stopped after ${Date.now() - started} ms`);
  });

  test('does not wait for a connection that has sent nothing yet', async () => {
    const server = await startServer({ port: 0, dbPath: join(dir, 'stop-silent.sqlite') });
    const { closed } = await open(server.port);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 2000, `stopped after ${Date.now() - started} ms`);
    assert.equal(await within(closed, 1000, 'still open'), '');
  });
});

describe('configuration from the environment', () => {
  test('PORT: decimal digits from 0 (any free port) to 65535; blank is the default; anything else stops the start', () => {
    assert.equal(configFromEnv({}).port, 8080);
    assert.equal(configFromEnv({ PORT: ' ' }).port, 8080);
    assert.equal(configFromEnv({ PORT: ' 3000 ' }).port, 3000);
    assert.equal(configFromEnv({ PORT: '0' }).port, 0);
    for (const value of ['0x1FA0', '1e3', '80.0', '-1', '65536', '+80', 'http']) {
      assert.throws(
        () => configFromEnv({ PORT: value }),
        (error) => error.message.startsWith('PORT must be a port number') && error.message.endsWith(`not ${value}`),
        value,
      );
    }
    const started = spawnSync(process.execPath, ['demo/collector/server.js'], {
      env: { ...process.env, PORT: '1e3', LC_DB: join(dir, 'never.sqlite') },
      encoding: 'utf8',
    });
    assert.equal(started.status, 1);
    assert.match(started.stderr, /could not start: PORT must be a port number .*not 1e3/);
  });

  test('LC_MAX_BODY_KIB: blank is the default; hex or an exponent is refused', () => {
    assert.equal(configFromEnv({ LC_MAX_BODY_KIB: ' ' }).maxBodyBytes, MAX_BODY_BYTES);
    for (const value of ['0x10', '1e3']) {
      assert.throws(() => configFromEnv({ LC_MAX_BODY_KIB: value }), /LC_MAX_BODY_KIB must be a whole number/, value);
    }
  });
});

test('`npm start` stopped with SIGTERM, as a service manager stops it, closes the server', async () => {
  ensureBuild({ quiet: true });
  // npm runs the script through `sh -c`; a shell that does not exec its last command (dash) gets the
  // signal in the server's place, and ends leaving the server without a parent: it stops then too.
  const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent'], {
    env: { ...process.env, PORT: '0', LC_DB: join(dir, 'npm-start.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so that what is left of it can be ended whatever happens.
    detached: true,
  });
  let out = '';
  npm.stdout.setEncoding('utf8');
  npm.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => npm.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    npm.stdout.on('data', () => {
      const started = /demo: (http:\/\/\S+)\//.exec(out);
      if (started) resolve(started[1]);
    });
    exited.then((code) => reject(new Error(`npm start stopped (${code}): ${out}`)));
  });
  try {
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
    npm.kill('SIGTERM');
    await exited;
    // Told by the signal, or (a shell that passed it on to nobody) by its launcher's end.
    const closing = /closing the server and the database/;
    for (let waited = 0; !closing.test(out) && waited < 5000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    assert.match(out, closing);
    await new Promise((r) => setTimeout(r, 500));
    await assert.rejects(fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }), 'the port is free');
  } finally {
    try {
      process.kill(-npm.pid, 'SIGKILL');
    } catch {
      // Nothing of it is left.
    }
  }
});

test('the schemas bundle is built again when a source changed, even one whose file time is older than it', () => {
  // A copy of the sources and of demo/collector/schemas.js (with its hash), with a node_modules of its own (its entries
  // linked), so that its bundle is its own and the one the other tests use stays as it is.
  const copy = join(dir, 'upgrade');
  const modules = join(copy, 'node_modules');
  mkdirSync(join(copy, 'demo/collector'), { recursive: true });
  mkdirSync(modules);
  cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
  for (const file of ['schemas.js', 'sources-hash.js']) {
    copyFileSync(join(root, 'demo/collector', file), join(copy, 'demo/collector', file));
  }
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  const schemaName = () =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(join(copy, 'demo/collector/schemas.js'))}); console.log(m.schemas.ENVELOPE_SCHEMA);`,
      ],
      { encoding: 'utf8' },
    ).stdout.trim();
  assert.equal(schemaName(), 'lc-submission/1');
  // An upgrade unpacked from an archive: a changed source, its file time the release's, long before the bundle.
  const source = join(copy, 'src/core/build-envelope.ts');
  writeFileSync(source, readFileSync(source, 'utf8').replace("'lc-submission/1'", "'lc-submission/2'"));
  const released = new Date('2026-01-01T00:00:00Z');
  utimesSync(source, released, released);
  assert.equal(schemaName(), 'lc-submission/2');
});

test('npm start builds again when a source changed since its build, even one whose file time is older', () => {
  const copy = join(dir, 'package');
  mkdirSync(join(copy, 'src'), { recursive: true });
  mkdirSync(join(copy, 'dist/cdn'), { recursive: true });
  writeFileSync(join(copy, 'package.json'), '{}');
  writeFileSync(join(copy, 'src/index.ts'), 'export const version = 1;');
  const released = new Date('2026-01-01T00:00:00Z');
  utimesSync(join(copy, 'src/index.ts'), released, released);
  writeFileSync(join(copy, 'dist/cdn/lc-elements.min.js'), 'export {};');
  assert.equal(buildReason(copy), '', 'built after the sources, by file times');
  recordBuild(sourcesHash(copy), copy);
  assert.equal(buildReason(copy), '');
  // An upgrade unpacked from an archive: the source changed, its file time the release's, before the build.
  writeFileSync(join(copy, 'src/index.ts'), 'export const version = 2;');
  utimesSync(join(copy, 'src/index.ts'), released, released);
  assert.equal(buildReason(copy), 'the sources changed since the last build');
});
