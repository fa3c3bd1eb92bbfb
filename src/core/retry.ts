/** Capped exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog). */
export interface BackoffOptions {
  /** First delay in ms. */
  baseMs?: number;
  /** Largest delay in ms. */
  capMs?: number;
  /** A source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1000, capMs: 5 * 60_000 } as const;

/**
 * When a file or a set the page reads (criteria, their text) failed for a passing cause while
 * online, it is tried again after these waits, then only when the browser comes back online.
 */
export const LOAD_RETRY_MS = [2_000, 10_000, 30_000] as const;

/** Delay before retry number `attempt` (1 for the first retry). Never below half the exponential step. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const random = options.random ?? Math.random;
  const step = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jittered: spreads a crowd of clients without ever retrying at once.
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`.
 * Returns undefined for a missing or malformed value; a value in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The delay to wait before the next attempt: the server's `Retry-After` when it asks for longer
 * than the backoff would wait, within the cap. Never less than the backoff: a `Retry-After: 0`, or
 * a date gone by (a device clock ahead of the server's), must not make every client try again at
 * once, over and over.
 */
export function nextDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}): number {
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const backoff = backoffDelay(attempt, options);
  return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(cap, retryAfterMs));
}
