// A node:test reporter that writes `{ passed, failed, skipped, failures }` as JSON, counting tests,
// not suites; `failures` names each failed test (file, suites and test) with its error's first line.
import { relative } from 'node:path';

export default async function* summary(source) {
  const acc = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const path = [];
  for await (const event of source) {
    if (event.type === 'test:start') path[event.data.nesting] = event.data.name;
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) acc.skipped += 1;
    else if (event.type === 'test:pass') acc.passed += 1;
    else {
      acc.failed += 1;
      const error = event.data.details?.error;
      const cause = error?.cause ?? error;
      const where = event.data.file ? `${relative(process.cwd(), event.data.file)}: ` : '';
      const name = [...path.slice(0, event.data.nesting), event.data.name].join(' › ');
      acc.failures.push(
        `${where}${name}: ${String(cause?.message ?? cause ?? '')
          .split('\n')[0]
          .slice(0, 300)}`,
      );
    }
  }
  yield JSON.stringify(acc);
}
