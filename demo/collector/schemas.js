// The collector validates with the very zod schemas the elements use: src/core/envelope.ts and
// src/core/results.ts (and the criteria they import), and writes CSV cells with src/core/csv.ts.
// Node 20 cannot import TypeScript, and the package's dist/index.js pulls in Lit, which needs a DOM; so at start-up esbuild bundles just
// those modules for Node into node_modules/.cache/lc-collector/schemas.mjs (where git, Prettier
// and ESLint do not look), again whenever a source has changed.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hashOfSources } from './sources-hash.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = [join(root, 'src/core'), join(root, 'src/criteria')];
export const bundlePath = join(root, 'node_modules/.cache/lc-collector/schemas.mjs');

const entry = `
// zod/mini ships without messages ("Invalid input"); the collector answers in English.
import { config, locales } from 'zod/mini';
config(locales.en());
export {
  ENVELOPE_SCHEMA, SUBMISSION_KINDS, envelopeSchema, formatIssues, formatPath,
} from './src/core/envelope.ts';
export { groupStats, resultsSchema } from './src/core/results.ts';
export { csvCell, fixed, toCsv } from './src/core/csv.ts';
export { resultsFileName } from './src/core/download.ts';
export { commonCriteriaEn } from './src/criteria/common-criteria.en.ts';
export * as z from './src/core/zod.ts';
`;

/**
 * A hash of what the bundle is built from: the entry and every file under `sources` (see
 * hashOfSources). Several git worktrees may share one node_modules, so one bundle, built from
 * other sources. Reading them all takes a few milliseconds.
 */
const sourcesHash = () => hashOfSources(sources, root, entry);

/** The bundle's first line names the hash of the sources it was built from. */
const stamp = (hash) => `// lc-collector schemas from sources ${hash}`;

/** Builds the bundle when it is missing or was built from other sources; returns its path. */
export async function ensureSchemaBundle() {
  const hash = sourcesHash();
  let first = '';
  try {
    first = readFileSync(bundlePath, 'utf8').slice(0, 200).split('\n', 1)[0];
  } catch {
    /* not built yet */
  }
  if (first === stamp(hash)) return bundlePath;
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Written aside and renamed, so a second process starting at the same time never reads half a file.
  const tmp = `${bundlePath}.${process.pid}.tmp`;
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'collector-schemas.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // zod stays a bare import, resolved from node_modules like any dependency.
    packages: 'external',
    outfile: tmp,
    // In the bundle itself rather than in a file beside it: the rename below replaces both at once.
    banner: { js: stamp(hash) },
    logLevel: 'warning',
  });
  renameSync(tmp, bundlePath);
  return bundlePath;
}

/**
 * @typedef {object} SchemaModule
 * @property {string} ENVELOPE_SCHEMA
 * @property {readonly string[]} SUBMISSION_KINDS
 * @property {import('zod/mini').ZodMiniType} envelopeSchema
 * @property {import('zod/mini').ZodMiniType} resultsSchema
 * @property {(value: unknown) => string} csvCell one CSV cell, formula starts neutralised
 * @property {(rows: ReadonlyArray<ReadonlyArray<unknown>>) => string} toCsv
 * @property {(community: string, round: string, extension: string) => string} resultsFileName a results export's file name, as <lc-results> names its own
 * @property {(value: number | null, digits: number) => number | null} fixed a figure to `digits` decimals, as <lc-results>'s export rounds it
 * @property {(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) => string} formatIssues
 * @property {(path: ReadonlyArray<PropertyKey>) => string} formatPath
 * @property {(answers: ReadonlyArray<number | null>) => { n: number; levels: number[]; dontKnow: number; mean: number | null; median: number | null }} groupStats
 * @property {{ id: string; version: string; criteria: Array<{ id: string }> }} commonCriteriaEn
 * @property {typeof import('zod/mini')} z the library's zod, for the collector's own query schemas
 */

/** @type {SchemaModule} */
export const schemas = await import(pathToFileURL(await ensureSchemaBundle()).href);
