// `npm test`: the browser suite (@web/test-runner in headless Chromium), then the Node suite
// (collector and end-to-end tests), then one closing line `N passed, N failed` over both, and under
// it each failed test by name.
// Arguments are passed to the test runner, e.g. `npm test -- --files test/outbox.test.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });
const args = process.argv.slice(2);
const onlyNode = args.includes('--node-only');
const onlyBrowser = args.includes('--browser-only') || args.includes('--files');
const wtrArgs = args.filter((a) => a !== '--browser-only' && a !== '--node-only');

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Each failed test, named with its file and its error's first line. */
const failures = [];
let failedRun = false;

if (!onlyNode) {
  const r = spawnSync('npx', ['web-test-runner', ...wtrArgs], { stdio: 'inherit' });
  const file = '.test-results/browser.json';
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed + c.errors;
    totals.skipped += c.skipped;
    failures.push(...(c.failures ?? []));
  }
  if (r.status !== 0) {
    failedRun = true;
    if (!existsSync(file)) totals.failed += 1;
  }
}

const nodeTests = existsSync('test/node')
  ? readdirSync('test/node')
      .filter((f) => f.endsWith('.test.js'))
      .map((f) => `test/node/${f}`)
  : [];
if (!onlyBrowser && nodeTests.length) {
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./test/support/node-summary-reporter.js',
      '--test-reporter-destination=.test-results/node.json',
      ...nodeTests,
    ],
    { stdio: 'inherit' },
  );
  const file = '.test-results/node.json';
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    failures.push(...(c.failures ?? []));
  }
  if (r.status !== 0) {
    failedRun = true;
    if (!existsSync(file)) totals.failed += 1;
  }
}

if (failedRun && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
// Under the closing line, where the end of a long (CI) log shows them.
for (const f of failures) console.log(`  failed: ${f}`);
process.exit(failedRun || totals.failed ? 1 : 0);
