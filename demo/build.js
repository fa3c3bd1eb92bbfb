// Builds the package (`npm run build`) when the drop-in bundle the demo serves is missing or
// was built from other sources. Used by `npm start` and by the end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashOfSources } from './collector/sources-hash.js';
import { root } from './portal.js';

export const bundleFile = join(root, 'dist/cdn/lc-elements.min.js');

/** What the build is made from, under `at`. */
const inputs = (at) => ['src', 'rollup.config.js', 'package.json'].map((p) => join(at, p)).filter((p) => existsSync(p));

/** Where ensureBuild records the hash of the sources it built; `npm run build` empties dist/, and it with it. */
const hashFile = (at) => join(at, 'dist/.sources-hash');

/** @param {string} path @returns {number} the newest modification time at or under `path` */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/**
 * A hash of the build's sources under `at`, by path and content (see hashOfSources).
 * @param {string} [at]
 */
export function sourcesHash(at = root) {
  return hashOfSources(inputs(at), at);
}

/** Records that dist/ under `at` was built from `hash`. @param {string} hash @param {string} [at] */
export function recordBuild(hash, at = root) {
  writeFileSync(hashFile(at), `${hash}\n`);
}

/**
 * Why a build is needed, or '' when dist/ is up to date: built from the sources as they are, by the hash
 * ensureBuild recorded; when dist/ was built otherwise (`npm run build`), newer than the sources.
 * @param {string} [at] the package folder
 */
export function buildReason(at = root) {
  const bundle = join(at, 'dist/cdn/lc-elements.min.js');
  if (!existsSync(bundle)) return `${bundle} is missing`;
  const changed = 'the sources changed since the last build';
  if (existsSync(hashFile(at))) return readFileSync(hashFile(at), 'utf8').trim() === sourcesHash(at) ? '' : changed;
  return newest(bundle) < Math.max(...inputs(at).map(newest)) ? changed : '';
}

/** Runs `npm run build` if needed. Throws when there is no bundle to serve afterwards. */
export function ensureBuild({ quiet = false } = {}) {
  const reason = buildReason();
  if (!reason) return false;
  if (!quiet) console.log(`Building the elements (${reason}): npm run build…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Taken before the build reads the sources: one changed meanwhile is built again next time.
  const hash = sourcesHash();
  const run = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit' });
  if (run.status === 0) recordBuild(hash);
  else {
    const output = quiet ? `\n${run.stdout}${run.stderr}` : '';
    if (!existsSync(bundleFile)) throw new Error(`npm run build failed (exit ${run.status}).${output}`);
    console.warn(`npm run build failed (exit ${run.status}); serving the previous build.${output}`);
  }
  return true;
}
