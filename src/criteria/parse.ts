// Parsing a host's own criteria set (zod): loaded by `<lc-community>` only when a page gives one.
// Apart from the index, so that loading it loads no built-in content.
import { fetchJson, parseWith, type ParseResult } from '../core/fetch-json.js';
import { criteriaSetSchema, type CriteriaSet } from './schema.js';

export type { ParseResult };

/** Validates a host's criteria set; the error names each path and problem. */
export function parseCriteriaSet(input: unknown): ParseResult<CriteriaSet> {
  return parseWith(criteriaSetSchema, input);
}

/** Fetches a criteria set from a URL and validates it. */
export function fetchCriteriaSet(url: string, signal?: AbortSignal): Promise<ParseResult<CriteriaSet>> {
  return fetchJson(url, criteriaSetSchema, { signal });
}
