// Parsing a host's own criteria set (zod): loaded by `<lc-community>` only when a page gives one.
// Apart from the index, so that loading it loads no built-in content.
import { fetchJson, parseWith, type ParseResult } from '../core/fetch-json.js';
import { CRITERIA_SET_FIELDS, CRITERION_FIELDS, criteriaSetSchema, type CriteriaSet } from './schema.js';

export type { ParseResult };

/**
 * Validates a host's criteria set; the error names each path and problem. A field the elements do
 * not know (a newer set's, a typo such as "promts", a field of the author's own) is ignored, so a
 * set made for a later version still loads; the console names each one, once per set read.
 */
export function parseCriteriaSet(input: unknown, name = 'the criteria set'): ParseResult<CriteriaSet> {
  const parsed = parseWith(criteriaSetSchema, input);
  if (parsed.ok) {
    const unknown = unknownFields(input);
    if (unknown.length) {
      console.warn(
        `[lc-elements] <lc-community> criteria: ${name} has fields the elements do not know, ignored: ${unknown.join(', ')}`,
      );
    }
  }
  return parsed;
}

/** Fetches a criteria set from a URL and validates it. */
export function fetchCriteriaSet(url: string, signal?: AbortSignal): Promise<ParseResult<CriteriaSet>> {
  return fetchJson(url, (input) => parseCriteriaSet(input, url), { signal });
}

/** The paths of the fields of a (valid) set that the schema does not have, at most 10. */
function unknownFields(input: unknown): string[] {
  const set = input as Record<string, unknown> & { criteria: Array<Record<string, unknown>> };
  const extra = (object: Record<string, unknown>, known: string[], at: string) =>
    Object.keys(object)
      .filter((key) => !known.includes(key))
      .map((key) => `${at}${at ? '.' : ''}${key}`);
  const paths = [
    ...extra(set, CRITERIA_SET_FIELDS, ''),
    ...set.criteria.flatMap((c, i) => extra(c, CRITERION_FIELDS, `criteria[${i}]`)),
  ];
  return paths.length > 10 ? [...paths.slice(0, 10), `and ${paths.length - 10} more`] : paths;
}
