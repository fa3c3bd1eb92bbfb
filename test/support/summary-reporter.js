import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

/** Writes the browser suite's counts for scripts/test.js, which prints the closing line. */
export function summaryReporter({ file = '.test-results/browser.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && (s.errors?.length || !s.testResults)) acc.errors += 1;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
