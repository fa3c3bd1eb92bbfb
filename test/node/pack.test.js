// The package as a user gets it: `npm pack`, installed from the tarball into a fresh project, then
// (1) every element rendered from the drop-in bundle in a plain page under a strict CSP in Chromium,
// (2) a TypeScript file that uses the classes, the events and the React wrappers, type-checked
// with moduleResolution "bundler" and "node16", (3) a small React app bundled with esbuild from
// the installed package, in Chromium: the wrappers' props and event callbacks at run time.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.js';
import { buildReason } from '../../demo/build.js';

const root = resolve(import.meta.dirname, '../..');
const repoPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const NAME = repoPkg.name;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/**
 * The strictest policy the elements need: scripts, style sheets and requests from the page's own
 * origin, nothing inline, and no images or fonts at all (`default-src 'none'`).
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  // Trusted Types: the only HTML sink is Lit's, through its own policy.
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
/**
 * Two copies of Lit on one page each create the "lit-html" policy: that needs 'allow-duplicates'.
 * (Without the require-trusted-types-for line here: the test itself adds the second script tag.)
 */
export const STRICT_CSP_TWO_COPIES = STRICT_CSP.replace(
  'trusted-types lit-html',
  "trusted-types lit-html 'allow-duplicates'",
).replace("; require-trusted-types-for 'script'", '');
/** Loaded first on the page: records every CSP violation, with the element it happened in. */
const CSP_PROBE = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({
    directive: e.effectiveDirective,
    blocked: e.blockedURI,
    element: e.target && e.target.localName,
  });
});`;

let dir;
let project;
let installed;
let packInfo;

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(async () => {
  // `npm run build` is assumed; build here only when dist/ or the manifest is missing or stale.
  const reason =
    buildReason() || (existsSync(join(root, 'custom-elements.json')) ? '' : 'custom-elements.json is missing');
  const t0 = Date.now();
  if (reason) {
    run(npm, ['run', 'build', '--silent'], { cwd: root });
    console.log(`# built first (${reason}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const t1 = Date.now();

  dir = mkdtempSync(join(tmpdir(), 'lc-pack-'));
  const packed = JSON.parse(
    run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root }).replace(/^[^[]*/, ''),
  );
  packInfo = packed[0];
  const tarball = join(dir, packInfo.filename);

  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'lc-pack-test', version: '1.0.0', private: true, type: 'module' }, null, 2),
  );
  // Offline first, from the packages this machine already has; online when the cache lacks one.
  const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball];
  const offline = spawnSync(npm, [...flags, '--offline'], { cwd: project, encoding: 'utf8' });
  if (offline.status !== 0) run(npm, [...flags, '--prefer-offline'], { cwd: project });
  installed = join(project, 'node_modules', ...NAME.split('/'));
  console.log(
    `# packed and installed ${offline.status === 0 ? 'offline' : 'online'} in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the built package and nothing of the repository', () => {
    const files = packInfo.files.map((f) => f.path);
    for (const f of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/all.js',
      'dist/react.js',
      'dist/react.d.ts',
      'dist/cdn/lc-elements.min.js',
      'dist/schemas/submission.schema.json',
    ]) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    const strays = files.filter(
      (f) => !/^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE|custom-elements\.json$)/.test(f),
    );
    assert.deepEqual(strays, [], 'only dist/, the manifest and the docs are packed');
    console.log(
      `# ${packInfo.filename}: ${(packInfo.size / 1024).toFixed(0)} KiB packed, ` +
        `${(packInfo.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${packInfo.entryCount} files`,
    );
  });

  test('installs with its dependencies, without React (an optional peer)', () => {
    for (const dep of Object.keys(repoPkg.dependencies)) {
      assert.ok(existsSync(join(project, 'node_modules', ...dep.split('/'), 'package.json')), `${dep} installed`);
    }
    assert.equal(existsSync(join(project, 'node_modules/react/package.json')), false, 'react is not installed');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(pkg.peerDependenciesMeta?.react?.optional, true);
    assert.equal(pkg.customElements, 'custom-elements.json');
  });

  test('every export points at a file (element entries once the element exists)', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (key.includes('*')) continue;
      const element = /^\.\/([a-z-]+)\.js$/.exec(key)?.[1];
      if (element && !['all', 'react'].includes(element) && !existsSync(join(root, 'src/components', element))) {
        continue; // an element still being written: its entry is declared ahead of it
      }
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        assert.ok(existsSync(join(installed, file)), `${key} → ${file} exists`);
      }
    }
    for (const schema of ['submission', 'criteria-set', 'results']) {
      assert.ok(existsSync(join(installed, `dist/schemas/${schema}.schema.json`)), `${schema} schema`);
    }
  });

  test('custom-elements.json names each module from the package root, and each is in the package', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
    const refs = [];
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (typeof node.module === 'string' && !node.package) refs.push(node.module);
      Object.values(node).forEach(visit);
    };
    visit(manifest.modules);
    const paths = [...manifest.modules.map((m) => m.path), ...refs];
    assert.ok(refs.length > 50, `module references found (${refs.length})`);
    const wrong = [...new Set(paths)].filter((p) => !p.startsWith('dist/') || !existsSync(join(installed, p)));
    assert.deepEqual(wrong, [], 'every module path is dist/… and a file of the package');
  });

  test('the drop-in bundle does not contain React', () => {
    const cdn = join(installed, 'dist/cdn');
    const js = readdirSync(cdn, { recursive: true }).filter((f) => String(f).endsWith('.js'));
    for (const f of js) {
      const code = readFileSync(join(cdn, f), 'utf8');
      assert.ok(
        !/react\.(production|development)|__SECRET_INTERNALS|ReactCurrentOwner/.test(code),
        `${f} has no React`,
      );
    }
  });
});

/** The elements the manifest describes: `{ tag, className, module }`. */
function manifestElements() {
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  return manifest.modules.flatMap((m) =>
    (m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({ tag: d.tagName, className: d.name, module: m.path })),
  );
}

describe('the drop-in bundle from the installed package', () => {
  let server;
  let browser;
  let origin;
  const posted = [];

  before(async () => {
    const cdn = join(installed, 'dist/cdn');
    const page = pageHtml(manifestElements().map((e) => e.tag));
    const types = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json' };
    server = createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const policy = url.searchParams.has('two-copies') ? STRICT_CSP_TWO_COPIES : STRICT_CSP;
      const headers = { 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' };
      if (req.method === 'POST' && url.pathname === '/collect') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          posted.push(JSON.parse(body));
          res.writeHead(201, { ...headers, 'Content-Type': 'application/json' }).end('{"ok":true}');
        });
        return;
      }
      if (url.pathname === '/csp-probe.js') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(CSP_PROBE);
        return;
      }
      if (url.pathname === '/') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
        return;
      }
      if (url.pathname.startsWith('/fixtures/') && !url.pathname.includes('..')) {
        // Data for the elements, from the repository's test fixtures (not part of the package).
        const fixture = join(root, 'test', url.pathname);
        if (existsSync(fixture)) {
          res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(readFileSync(fixture));
          return;
        }
      }
      const file = join(cdn, url.pathname.replace(/^\/lc\//, ''));
      if (url.pathname.startsWith('/lc/') && !url.pathname.includes('..') && existsSync(file)) {
        res.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
      res.writeHead(404, headers).end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  /** Opens the test page (under the strict policy), recording errors, CSP reports and every request. */
  async function openPage(query = '') {
    const page = await browser.newPage();
    const trouble = [];
    const requests = [];
    page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // A failed request is reported below with its URL.
      if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
        trouble.push(`console error: ${m.text()}`);
    });
    page.on('response', (r) => r.status() >= 400 && trouble.push(`HTTP ${r.status()} for ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/${query}`);
    await page.waitForFunction(() => window.__cspViolations !== undefined);
    return { page, trouble, requests };
  }

  /** Waits for every element and describes what it rendered. */
  function inspect(page, tags) {
    return page.evaluate(async (tags) => {
      await Promise.all(tags.map((t) => customElements.whenDefined(t)));
      const out = [];
      for (const tag of tags) {
        const el = document.querySelector(tag);
        await el?.updateComplete;
        const shadow = el?.shadowRoot;
        out.push({
          tag,
          upgraded: !!el && el instanceof customElements.get(tag),
          children: shadow ? shadow.childElementCount : -1,
          adopted: shadow ? shadow.adoptedStyleSheets.length : 0,
          styleTags: shadow ? shadow.querySelectorAll('style').length : 0,
        });
      }
      return out;
    }, tags);
  }

  /** Sends a rating the way a host script would, and says how it ended. */
  function sendRating(page, level) {
    return page.evaluate(async (level) => {
      const rating = document.querySelector('lc-self-rating');
      const done = new Promise((resolve) => {
        document.addEventListener('lc-submitted', () => resolve('submitted'), { once: true });
        document.addEventListener('lc-submit-error', (e) => resolve(`error: ${e.message}`), { once: true });
      });
      rating.value = String(level);
      await rating.updateComplete;
      if (!(await rating.submit())) return 'not sent';
      return Promise.race([done, new Promise((r) => setTimeout(() => r('no answer in 10 s'), 10_000))]);
    }, level);
  }

  test('renders every element from one script under a strict CSP, sends, and makes no request elsewhere', async () => {
    const tags = manifestElements().map((e) => e.tag);
    assert.ok(tags.length >= 5, `the manifest lists the elements (${tags})`);
    for (const tag of ['lc-community', 'lc-self-rating', 'lc-results']) assert.ok(tags.includes(tag), tag);
    const { page, trouble, requests } = await openPage();

    for (const r of await inspect(page, tags)) {
      assert.ok(r.upgraded, `<${r.tag}> is defined and upgraded`);
      assert.ok(r.children > 0, `<${r.tag}> has a shadow root with content`);
      // Lit's styles are constructable stylesheets (adoptedStyleSheets): nothing for style-src to allow.
      assert.ok(r.adopted > 0, `<${r.tag}> styles are adopted stylesheets`);
      assert.equal(r.styleTags, 0, `<${r.tag}> renders no <style> element`);
    }

    // Values computed at run time (the results tooltip's and the matrix picker's positions, the
    // assessment's progress) are set through the CSSOM, which style-src does not restrict.
    const positioned = await page.evaluate(async () => {
      const results = document.querySelector('lc-results');
      await new Promise((r) => setTimeout(r, 200));
      await results.updateComplete;
      const point = results.shadowRoot.querySelector('.point[tabindex="0"]');
      point?.focus();
      await results.updateComplete;
      const tooltip = results.shadowRoot.querySelector('[part~="tooltip"]');
      const progress = document.querySelector('lc-assessment')?.shadowRoot.querySelector('[part~="progress-value"]');
      return {
        point: !!point,
        tooltip: tooltip ? tooltip.style.left : null,
        progress: progress ? progress.style.inlineSize : null,
      };
    });
    assert.ok(positioned.point, 'the results chart has a focusable point');
    assert.match(positioned.tooltip ?? '', /%$/, 'the tooltip is positioned');
    if (positioned.progress !== null) assert.match(positioned.progress, /%$/, 'the progress bar has its width');
    await page.evaluate(() =>
      document.querySelector('lc-partnership-matrix').shadowRoot.querySelector('[part~="cell"][tabindex="0"]').focus(),
    );
    await page.keyboard.press('Enter');
    const picker = await page.evaluate(async () => {
      const matrix = document.querySelector('lc-partnership-matrix');
      await matrix.updateComplete;
      return matrix.shadowRoot.querySelector('[part~="picker"]')?.style.top ?? null;
    });
    assert.match(picker ?? '', /px$/, 'the level picker is open and positioned');
    await page.keyboard.press('Escape');

    // The submission goes out under `connect-src 'self'`, to the configured endpoint only.
    posted.length = 0;
    assert.equal(await sendRating(page, 3), 'submitted');
    assert.equal(posted.length, 1);
    assert.equal(posted[0].schema, 'lc-submission/1');
    assert.equal(posted[0].kind, 'rating');
    assert.equal(posted[0].data.level, 3);
    assert.equal('respondent' in posted[0], false, 'no respondent id unless the host sets one');

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    assert.deepEqual(trouble, [], 'no error');
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(`${origin}/`)),
      [],
      'no request to another origin',
    );
    await page.close();
  });

  test('a second copy of the bundle on the same page changes nothing', async () => {
    const { page, trouble } = await openPage('?two-copies');
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.waitForFunction(() => customElements.get('lc-self-rating'));
    await page.evaluate(() => (window.__first = customElements.get('lc-self-rating')));
    await page.addScriptTag({ url: '/lc/lc-elements.min.js?copy=2', type: 'module' });
    assert.equal(await page.evaluate(() => customElements.get('lc-self-rating') === window.__first), true);
    assert.deepEqual(trouble, []);
    assert.deepEqual(warnings, []);
    await page.close();
  });
});

/** A plain page: one script, every element once, inside one `<lc-community>`. */
function pageHtml(tags) {
  const attrs = {
    'lc-criterion-card': 'criterion="trust"',
    'lc-self-rating': 'criterion="trust"',
    'lc-reflection-journal': 'criterion="trust"',
    'lc-results': 'src="/fixtures/results-2026-spring.json"',
    'lc-partnership-matrix': 'src="/fixtures/partnerships-small.json"',
  };
  const body = tags
    .filter((t) => t !== 'lc-community')
    .map((t) => `    <${t} ${attrs[t] ?? ''}></${t}>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Packaging test</title>
    <script type="module" src="/csp-probe.js"></script>
    <script type="module" src="/lc/lc-elements.min.js"></script>
  </head>
  <body>
    <main>
    <h1>Packaging test</h1>
    <lc-community endpoint="/collect" community="pack-test" round="2026-autumn" perspective="citizen" locale="en" storage="none">
${body}
    </lc-community>
    </main>
  </body>
</html>
`;
}

describe('types for TypeScript users', () => {
  /** Writes the project's check file and tsconfig, and returns tsc's output (throws on errors). */
  function typecheck(moduleResolution) {
    const elements = manifestElements();
    const reactDts = readFileSync(join(installed, 'dist/react.d.ts'), 'utf8');
    const wrappers = [
      ...reactDts.matchAll(/export declare const (\w+): import\("@lit\/react"\)\.ReactWebComponent/g),
    ].map((m) => m[1]);
    const entries = elements
      .map((e) => ({ ...e, entry: /components\/([a-z-]+)\//.exec(e.module)?.[1] }))
      .filter((e) => e.entry);
    const src = `// Generated by test/node/pack.test.js
import * as React from 'react';
import {
  ${[...new Set(elements.map((e) => e.className))].join(',\n  ')},
  LcSubmitEvent,
  LcSubmittedEvent,
  LcSubmitErrorEvent,
  VERSION,
  defineElement,
  httpTransport,
  type Envelope,
  type Transport,
  type TransportResult,
} from '${NAME}';
${entries.map((e) => `import { ${e.className} as ${e.className}Entry } from '${NAME}/${e.entry}.js';`).join('\n')}
import { ${wrappers.join(', ')} } from '${NAME}/react.js';
import '${NAME}/all.js';
// The drop-in loader and its element files, typed as docs/developers.md uses them.
import { defineAll, discover, load } from '${NAME}/cdn/lc-elements.min.js';
import { LcSelfRating as LcSelfRatingCdn } from '${NAME}/cdn/elements/self-rating.js';
export const loaded: Promise<void> = defineAll().then(() => load('lc-self-rating'));
discover(document.body);
const _LcSelfRatingCdn: typeof LcSelfRating = LcSelfRatingCdn;

// Every class is the same from the main entry and from its element's entry.
${entries.map((e) => `const _${e.className}: typeof ${e.className} = ${e.className}Entry;`).join('\n')}
// Tags are in the DOM's maps.
${elements.map((e) => `const _${e.className}Tag: ${e.className} = document.createElement('${e.tag}');`).join('\n')}

export const version: string = VERSION;
export const define: (tag: string, ctor: CustomElementConstructor) => void = defineElement;

// The transport hook's type.
export const transport: Transport = async (envelope: Envelope, { endpoint, signal, keepalive }) => {
  void [endpoint, signal, keepalive, envelope.id];
  const result: TransportResult = { outcome: 'delivered', status: 201 };
  return result;
};
export const http: Transport = httpTransport({ headers: { 'X-Api-Key': 'k' }, credentials: 'include' });

// Events are typed on addEventListener.
document.addEventListener('lc-submit', (e) => {
  const event: LcSubmitEvent = e;
  const id: string = event.envelope.id;
  void id;
  event.preventDefault();
});
document.addEventListener('lc-submitted', (e) => void (e satisfies LcSubmittedEvent));
document.addEventListener('lc-submit-error', (e) => {
  const retrying: boolean = e.retrying;
  const message: string = e.message;
  void [retrying, message, e satisfies LcSubmitErrorEvent];
});

// React wrappers: typed props and event callbacks.
${wrappers.map((w) => `export const _${w} = React.createElement(${w}, {});`).join('\n')}
export const rating = React.createElement(SelfRating, {
  criterion: 'trust',
  required: true,
  onLcSubmit: (e) => void (e.envelope.kind satisfies string),
  onLcSubmitted: (e) => void (e satisfies LcSubmittedEvent),
  onLcSubmitError: (e) => void (e.retrying satisfies boolean),
  onChange: (e) => void (e satisfies Event),
  onInput: (e) => void (e satisfies Event),
});
export const community = React.createElement(Community, {
  endpoint: '/api/submissions',
  transport,
  onLcSubmitted: (e) => void e.envelope,
});
// @ts-expect-error: a wrong property type is caught
export const wrongProp = React.createElement(SelfRating, { required: 'yes' });
// @ts-expect-error: the event callback gets the event class, not a number
export const wrongEvent = React.createElement(SelfRating, { onLcSubmit: (e: number) => e });
// @ts-expect-error: the envelope is typed
export const wrongField = (e: LcSubmitEvent) => e.envelope.nope;
`;
    writeFileSync(join(project, 'check.ts'), src);
    // The tags themselves in TSX, declared as docs/developers.md tells (its block, as written).
    const declared = /```ts\n(\/\/ lc-elements\.d\.ts\n[\s\S]*?)```/.exec(
      readFileSync(join(root, 'docs/developers.md'), 'utf8'),
    )?.[1];
    assert.ok(declared, 'docs/developers.md declares the tags for TSX in a block starting "// lc-elements.d.ts"');
    writeFileSync(join(project, 'lc-elements.d.ts'), declared);
    const tsx = `// Generated by test/node/pack.test.js
import '${NAME}/all.js';
import { transport } from './check.js';
export const page = (
  <lc-community endpoint="/api/submissions" community="aarhus" transport={transport}>
${elements
  .filter((e) => e.tag !== 'lc-community')
  .map((e) => `    <${e.tag} heading-level="3" />`)
  .join('\n')}
    <lc-self-rating criterion="trust" required comment onChange={(e) => void e.currentTarget.value} />
  </lc-community>
);
// @ts-expect-error: a property's type is checked
export const wrongType = <lc-self-rating required="yes" />;
// @ts-expect-error: so is its name
export const wrongName = <lc-self-rating criterium="trust" />;
`;
    writeFileSync(join(project, 'check-tags.tsx'), tsx);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: moduleResolution === 'node16' ? 'node16' : 'ES2022',
            moduleResolution,
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
            jsx: 'react-jsx',
          },
          files: ['check.ts', 'check-tags.tsx', 'lc-elements.d.ts'],
        },
        null,
        2,
      ),
    );
    try {
      return execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      throw new Error(
        `tsc (moduleResolution ${moduleResolution}) failed:\n${error.stdout}${error.stderr}\n${src}\n${tsx}`,
      );
    }
  }

  test('classes, events, React wrappers and the tags in TSX (declared as the docs say) type-check with moduleResolution "bundler"', () => {
    // React's types come with the package (through @lit/react); React itself is not needed to type-check.
    typecheck('bundler');
  });

  test('… and with moduleResolution "node16"', () => {
    typecheck('node16');
  });

  test('each element entry imported alone types the submission events it fires (docs/developers.md, "TypeScript")', () => {
    // A partner's page imports one entry, not the main one: its events are typed all the same.
    const entries = ['community', 'criterion-card', 'self-rating', 'partnership-matrix', 'reflection-journal'];
    entries.push('assessment');
    const failures = [];
    for (const entry of entries) {
      const file = `entry-${entry}.ts`;
      writeFileSync(
        join(project, file),
        `// Generated by test/node/pack.test.js: only ${NAME}/${entry}.js is imported.
import '${NAME}/${entry}.js';
import type { LcSubmittedEvent } from '${NAME}/${entry}.js';
document.addEventListener('lc-submit', (e) => void (e.envelope.id satisfies string));
document.addEventListener('lc-submitted', (e) => void (e satisfies LcSubmittedEvent));
document.addEventListener('lc-submit-error', (e) => void [e.retrying satisfies boolean, e.message satisfies string]);
`,
      );
      const config = `tsconfig.${entry}.json`;
      const compilerOptions = { target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', strict: true };
      Object.assign(compilerOptions, { lib: ['ES2022', 'DOM'], noEmit: true, skipLibCheck: true, types: [] });
      writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files: [file] }));
      try {
        execFileSync(process.execPath, [tsc, '-p', config], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        failures.push(`${entry}.js alone:\n${error.stdout}${error.stderr}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('the React wrappers at run time', () => {
  let server;
  let browser;
  let origin;
  let appMeta;

  before(async () => {
    // The host's React: the versions this repository has, so the machine's npm cache serves them.
    const version = (name) =>
      JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    const wanted = [`react@${version('react')}`, `react-dom@${version('react-dom')}`];
    const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...wanted];
    const offline = spawnSync(npm, [...flags, '--offline'], { cwd: project, encoding: 'utf8' });
    if (offline.status !== 0) run(npm, [...flags, '--prefer-offline'], { cwd: project });

    writeFileSync(
      join(project, 'app.js'),
      `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { Community, SelfRating } from '${NAME}/react.js';

const log = (window.__log = []);
/** A host transport, passed as a property through the wrapper. */
const transport = async (envelope) => {
  log.push(['transport', envelope.kind, envelope.data.level]);
  return { outcome: 'delivered', status: 201 };
};

function App() {
  return h(
    Community,
    {
      endpoint: '/nowhere',
      community: 'react-app',
      round: '2026-autumn',
      storage: 'none',
      transport,
      onLcSubmitted: (e) => log.push(['submitted', e.envelope.kind]),
    },
    h(SelfRating, {
      criterion: 'trust',
      onChange: (e) => log.push(['change', e.target.value]),
      onLcSubmit: (e) => log.push(['submit', e.envelope.criterion]),
    }),
  );
}
createRoot(document.getElementById('root')).render(h(App));
`,
    );
    const esbuild = await import('esbuild');
    ({ metafile: appMeta } = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ['app.js'],
      metafile: true,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      outfile: join(project, 'app.bundle.js'),
      define: { 'process.env.NODE_ENV': '"production"' },
      conditions: ['production'],
      logLevel: 'error',
    }));
    const page =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title>' +
      '<script type="module" src="/app.bundle.js"></script></head><body><main id="root"></main></body></html>';
    server = createServer((req, res) => {
      const headers = { 'Content-Security-Policy': STRICT_CSP };
      if (req.url === '/') return void res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
      if (req.url === '/app.bundle.js') {
        return void res
          .writeHead(200, { ...headers, 'Content-Type': 'text/javascript' })
          .end(readFileSync(join(project, 'app.bundle.js')));
      }
      res.writeHead(404, headers).end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch(launchOptions());
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  test("the app's bundle keeps the library's English messages, and leaves zod's settings alone", () => {
    // src/core/zod.ts registers the parse options with the English messages when it is imported: a
    // bundler that took it for free of side effects would drop that, and the zod-free checks would
    // speak the app's language. It never calls zod's config() (an app shares zod with it).
    const inputs = Object.values(appMeta.outputs).find((o) => o.entryPoint).inputs;
    const kept = (re) => Object.entries(inputs).some(([file, { bytesInOutput }]) => re.test(file) && bytesInOutput > 0);
    assert.ok(kept(/elements\/dist\/core\/zod\.js$/), 'dist/core/zod.js is in the bundle');
    assert.ok(kept(/zod\/v4\/locales\/en\.js$/), "zod's English messages are in the bundle");
    const bundle = readFileSync(join(project, 'app.bundle.js'), 'utf8');
    assert.doesNotMatch(bundle, /jitless:\s*(!0|true)/);
  });

  test("all.js leaves the criteria's full English text out of the app's own file (loaded when shown)", async () => {
    const esbuild = await import('esbuild');
    writeFileSync(join(project, 'all-app.js'), `import '${NAME}/all.js';\n`);
    const { metafile } = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ['all-app.js'],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'all-out',
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    // (esbuild names a file loaded by import() an entry point too: the app's is all-app.js.)
    const outputs = Object.values(metafile.outputs);
    const entry = outputs.find((o) => o.entryPoint === 'all-app.js');
    const full = /criteria\/common-criteria\.en\.js$/;
    assert.deepEqual(
      Object.keys(entry.inputs).filter((file) => full.test(file)),
      [],
      'not in the entry file',
    );
    const own = outputs.find((o) => full.test(o.entryPoint ?? ''));
    assert.ok(own && Object.keys(own.inputs).some((file) => full.test(file)), 'a file of its own, loaded on demand');
  });

  test("… and of zod's messages only the English ones, not its forty other languages", () => {
    // `locales.en()` from zod/mini's namespace object brought every locale into an app's bundle
    // (about 40 KB gzip); the English file alone is imported now.
    const inputs = Object.entries(Object.values(appMeta.outputs).find((o) => o.entryPoint).inputs);
    const locales = inputs.filter(
      ([file, { bytesInOutput }]) => /zod\/v4\/locales\/(?!index\.js)/.test(file) && bytesInOutput > 0,
    );
    assert.deepEqual(
      locales.map(([file]) => file.replace(/.*zod\/v4\/locales\//, '')),
      ['en.js'],
    );
  });

  test('props become properties (a transport function too) and events reach the callbacks', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/`);
    const rating = page.locator('lc-self-rating');
    await rating.locator('[part~="option"]').nth(3).click(); // level 3, as a person would
    await rating.locator('[part~="submit"]').click();
    await page.waitForFunction(() => window.__log.some(([what]) => what === 'submitted'), null, { timeout: 10_000 });
    assert.deepEqual(await page.evaluate(() => window.__log), [
      ['change', '3'],
      ['submit', 'trust'],
      ['transport', 'rating', 3],
      ['submitted', 'rating'],
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
