/**
 * How long the drop-in loader waits before it searches the page again after the `attempt`-th
 * failed load in a row (0 first): 2 s, 10 s, then every 30 s for as long as a file still fails (a
 * connection that stays poor for minutes). It also tries again when the browser comes back online.
 */
export function retryDelay(attempt: number): number {
  return attempt < 1 ? 2_000 : attempt < 2 ? 10_000 : 30_000;
}
