// A hash of sources by path and content, for what is built from them and must be built again when
// they change: the collector's schemas bundle (schemas.js) and the demo's dist/ (../build.js). Not
// their modification times: unpacking a release (tar, rsync -a) keeps the release's times, older
// than what the previous version built.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hash of `seed` and of every file at or under `paths`, folders walked in name order, each file
 * named by its path relative to `base`.
 * @param {readonly string[]} paths
 * @param {string} base
 * @param {string} [seed]
 */
export function hashOfSources(paths, base, seed = '') {
  const hash = createHash('sha256').update(seed);
  /** @param {string} path */
  const add = (path) => {
    if (!statSync(path).isDirectory()) {
      hash.update(`\0${path.slice(base.length)}\0`).update(readFileSync(path));
      return;
    }
    for (const name of readdirSync(path).sort()) add(join(path, name));
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}
