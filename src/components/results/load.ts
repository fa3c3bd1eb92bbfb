import { parseWith, type ParseResult } from '../../core/fetch-json.js';
import { resultsSchema, type Results } from '../../core/results.js';

// What checks results against the `lc-results/1` schema. `<lc-results>` loads this module (and
// the schema library with it) when it has results to read, not with the element: the data arrives
// asynchronously anyway, and the module loads while it is on its way.

export type LoadResult = ParseResult<Results>;

/** Validates results with the `lc-results/1` schema; the error names each path and problem. */
export function parseResults(input: unknown): LoadResult {
  return parseWith(resultsSchema, input);
}
