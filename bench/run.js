// `npm run bench`: runs every bench/*.bench.js in turn (each prints its figures beside its
// budgets and exits non-zero when a budget is exceeded), then says which failed. Not part of
// `npm test`: timings belong here, never in assertions.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const failed = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [`bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(file);
}
console.log(
  failed.length ? `\nBUDGET EXCEEDED in: ${failed.join(', ')}` : `\nall ${files.length} benchmarks within budget`,
);
process.exit(failed.length ? 1 : 0);
