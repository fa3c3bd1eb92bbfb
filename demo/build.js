// Builds the package (`npm run build`) when the drop-in bundle the demo serves is missing or
// older than the sources. Used by `npm start` and by the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './portal.js';

export const bundleFile = join(root, 'dist/cdn/lc-elements.min.js');

/** @param {string} path @returns {number} the newest modification time at or under `path` */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** Why a build is needed, or '' when dist/ is up to date. */
export function buildReason() {
  if (!existsSync(bundleFile)) return `${bundleFile} is missing`;
  const inputs = ['src', 'rollup.config.js', 'package.json'].map((p) => join(root, p)).filter((p) => existsSync(p));
  return newest(bundleFile) < Math.max(...inputs.map(newest)) ? 'the sources changed since the last build' : '';
}

/** Runs `npm run build` if needed. Throws when there is no bundle to serve afterwards. */
export function ensureBuild({ quiet = false } = {}) {
  const reason = buildReason();
  if (!reason) return false;
  if (!quiet) console.log(`Building the elements (${reason}): npm run build…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit' });
  if (run.status !== 0) {
    const output = quiet ? `\n${run.stdout}${run.stderr}` : '';
    if (!existsSync(bundleFile)) throw new Error(`npm run build failed (exit ${run.status}).${output}`);
    console.warn(`npm run build failed (exit ${run.status}); serving the previous build.${output}`);
  }
  return true;
}
