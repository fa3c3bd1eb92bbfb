// Before `npm test`: builds the package when dist/ is missing or older than the sources. A few
// browser tests load what ships (the drop-in loader in dist/cdn/, its minified styles), so a
// fresh clone's `npm test` builds first instead of failing on files it has not made yet.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const built = 'dist/cdn/manifest.json';
const sources = ['src', 'package.json', 'rollup.config.js', 'scripts/build.js'];
if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);

console.log(existsSync(built) ? 'dist/ is older than the sources: building…' : 'dist/ is missing: building…');
const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
