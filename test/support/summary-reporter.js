import { mkdirSync, writeFileSync } from 'node:fs';

/** The first line of a test's error, short enough for the closing list. */
const firstLine = (error) =>
  String(error?.message ?? error ?? '')
    .split('\n')[0]
    .slice(0, 300);

function count(suite, path, file, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else {
      acc.failed += 1;
      acc.failures.push(`${file}: ${[...path, t.name].join(' › ')}: ${firstLine(t.error)}`);
    }
  }
  for (const s of suite?.suites ?? []) count(s, [...path, s.name], file, acc);
  return acc;
}

/**
 * Writes the browser suite's counts, and the name and first error line of each failure, for
 * scripts/test.js, which prints the closing line (and the failures under it: the end of a long CI
 * log is what a reader sees first).
 */
export function summaryReporter({ file = '.test-results/browser.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, errors: 0, failures: [] };
      for (const s of sessions) {
        const name = s.testFile.replace(`${process.cwd()}/`, '');
        count(s.testResults, [], name, acc);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && (s.errors?.length || !s.testResults)) {
          acc.errors += 1;
          acc.failures.push(`${name}: ${firstLine(s.errors?.[0]) || 'the file did not run'}`);
        }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
