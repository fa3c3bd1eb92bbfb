import type * as z from './zod.js';
import { formatIssues, parseOptions } from './issues.js';

/**
 * A validated value, or a message saying what was wrong with the input; `passing` when the cause
 * may pass (no connection, no answer in time, a server error): then the same request may succeed
 * later, as a 404 or an invalid answer would not; `reload` when only a reload of the page can help
 * (a file of the library that came damaged: the browser keeps its error for the page).
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; passing?: boolean; reload?: boolean };

/** Validates `input` with a schema; the error names each path and problem. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input, parseOptions);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: formatIssues(result.error.issues) };
}

export interface FetchJsonOptions {
  signal?: AbortSignal;
  /** Defaults to `same-origin`. */
  credentials?: RequestCredentials;
  /** Extra request headers (`Accept: application/json` is always sent). */
  headers?: Record<string, string>;
  /** What the messages call the URL (a shortened one, say); the URL itself by default. */
  name?: string;
  /** How long to wait for the whole answer before giving up with an error (default 30 s). */
  timeoutMs?: number;
}

const TIMEOUT_MS = 30_000;

/**
 * GETs JSON and validates it with a schema (or a parse function, maybe async: for an answer of
 * more than one shape, or a parser that loads while the request is on its way). Never throws: an
 * unreachable URL, a server that does not answer in time, an HTTP error, an answer that is not JSON
 * and one that does not fit each give a message naming the URL, the status or the path at fault.
 * After an abort the result is an error too; callers that aborted ignore it.
 */
export async function fetchJson<T>(
  url: string,
  schema: z.ZodMiniType<T> | ((input: unknown) => ParseResult<T> | Promise<ParseResult<T>>),
  { signal, credentials = 'same-origin', headers, name = url, timeoutMs = TIMEOUT_MS }: FetchJsonOptions = {},
): Promise<ParseResult<T>> {
  // A server that never answers must not leave an element loading for good: give up in time.
  let json: unknown;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  const wait = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
  const late = () => ({ ok: false as const, error: `${name} did not answer within ${wait}`, passing: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        credentials,
        headers: { ...headers, Accept: 'application/json' },
      });
    } catch (error) {
      if (timedOut) return late();
      return { ok: false, error: `${name} could not be fetched (${(error as Error).message})`, passing: true };
    }
    if (!response.ok) {
      const passing = response.status >= 500 || response.status === 408 || response.status === 429;
      return { ok: false, error: `${name} answered HTTP ${response.status}`, ...(passing ? { passing } : {}) };
    }
    try {
      json = await response.json();
    } catch {
      if (timedOut) return late();
      return { ok: false, error: `${name} did not answer with JSON` };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  const parsed = typeof schema === 'function' ? await schema(json) : parseWith(schema, json);
  return parsed.ok ? parsed : { ...parsed, error: `${name}: ${parsed.error}` };
}
