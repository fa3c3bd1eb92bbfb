import { executeServerCommand } from '@web/test-runner-commands';

/** A fresh bucket on the test collector; each test gets its own. */
export function newBucket(prefix = 't'): { name: string; endpoint: string } {
  const name = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  return { name, endpoint: `/__lc/collect/${name}` };
}

export interface Fault {
  status?: number;
  retryAfter?: number | string;
  message?: string;
  drop?: boolean;
  /** Store the submission, then drop the connection before answering. */
  dropAfterStore?: boolean;
  stallMs?: number;
  /** `/__lc/serve` only: the answer waits until `release(bucket)`. */
  hold?: boolean;
  /** With `status`: the answer's `Content-Language` header. */
  contentLanguage?: string;
  /** With a 3xx `status`: where the answer redirects to. */
  location?: string;
  /** With `status`: an answer with no body, so no reason. */
  empty?: boolean;
}

/** Tells the test collector how to answer the next requests of a bucket (one fault per request). */
export async function setFaults(bucket: string, faults: Fault[], extra: Record<string, unknown> = {}): Promise<void> {
  await fetch(`/__lc/control/${bucket}`, { method: 'POST', body: JSON.stringify({ faults, ...extra }) });
}

/** Lets the answers a bucket holds back (a `hold` fault) go. */
export async function release(bucket: string): Promise<void> {
  await fetch(`/__lc/control/${bucket}`, { method: 'POST', body: JSON.stringify({ release: true }) });
}

export interface CollectorState {
  records: Array<Record<string, unknown> & { id: string }>;
  requests: Array<{
    n: number;
    key: string;
    id: string;
    contentType: string;
    acceptLanguage: string;
    fault: string | null;
  }>;
  /** CORS preflights (requests from another origin), with the request headers each asked to send. */
  preflights: Array<{ origin: string; method: string; headers: string }>;
  /** Requests `/__lc/serve` received for the bucket, counted as they arrive (a held one too). */
  served: number;
}

export async function collectorState(bucket: string): Promise<CollectorState> {
  return (await fetch(`/__lc/state/${bucket}`)).json();
}

/**
 * Waits until the server has had the last try of a page that left with submission `id` waiting:
 * the outbox sends what waits on `pagehide` (with `keepalive`), and that request may arrive after
 * the page is gone. A test that then changes the server's answers (`setFaults`) waits for it
 * first, or the faults meant for the next page's try may go to it. `tries`: the page's tries
 * before it left, that one included.
 */
export async function lastTryArrived(bucket: string, id: string, tries = 2): Promise<void> {
  const sent = async () => (await collectorState(bucket)).requests.filter((r) => r.id === id).length;
  await waitFor(async () => (await sent()) >= tries, `the last try (on pagehide) of the page that left`);
}

/**
 * Takes Chromium itself offline (navigator.onLine, the `offline`/`online` events, failing
 * requests) for `ms` milliseconds, then online again. Resolves once the page is offline; await
 * `waitForOnline()` to continue after it. (While offline the page cannot talk to the test runner,
 * so the way back is scheduled before leaving.)
 */
export async function goOfflineFor(ms: number): Promise<void> {
  await executeServerCommand('lc-network', { offlineAfterMs: 50, onlineAfterMs: ms });
  await waitFor(() => navigator.onLine === false, 'the browser to go offline');
}

export async function waitForOnline(timeout = 30_000): Promise<void> {
  await waitFor(() => navigator.onLine, 'the browser to be online again', timeout);
}

/** Polls until `check` returns a truthy value, or fails with `what` after `timeout` ms. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeout = 10_000): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every element matching `selector` in `root` and in the shadow roots inside it (its own too), at any depth. */
export function deepQueryAll(root: Document | Element | ShadowRoot, selector: string): Element[] {
  const scopes: ParentNode[] = [root];
  if (root instanceof Element && root.shadowRoot) scopes.push(root.shadowRoot);
  const found: Element[] = [];
  for (const scope of scopes) {
    found.push(...scope.querySelectorAll(selector));
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
    }
  }
  return found;
}

/** Captures the console's `level` calls while `fn` runs (and lets none through), each as one line. */
async function captureConsole(level: 'error' | 'warn', fn: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const original = console[level];
  console[level] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console[level] = original;
  }
  return lines;
}

/** Captures console.error calls while `fn` runs. */
export const captureConsoleErrors = (fn: () => Promise<void> | void): Promise<string[]> => captureConsole('error', fn);

/** Captures console.warn calls while `fn` runs. */
export const captureConsoleWarnings = (fn: () => unknown): Promise<string[]> => captureConsole('warn', fn);

/**
 * `setOffline(true)` takes the browser offline for 3 s (see goOfflineFor); `setOffline(false)`
 * waits until it is online again. Do not talk to the test runner in between.
 */
export async function setOffline(offline: boolean): Promise<void> {
  if (offline) await goOfflineFor(3000);
  else await waitForOnline();
}

/**
 * Posts ratings to the reference collector mounted on the test server (demo/collector, its own
 * SQLite file), as `npm start`'s /api/submissions would take them; resolves once all are stored.
 * `criteriaSet`: the set a page answering them has (the built-in one unless given).
 */
export async function seedReference(
  community: string,
  round: string,
  answers: ReadonlyArray<readonly [criterion: string, level: number | null]>,
  criteriaSet: { id: string; version: string } = { id: 'common-criteria', version: '1.0' },
): Promise<void> {
  for (const [criterion, level] of answers) {
    const response = await fetch('/__lc/reference/api/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        schema: 'lc-submission/1',
        id: crypto.randomUUID(),
        kind: 'rating',
        community,
        round,
        perspective: 'citizen',
        criteriaSet,
        criterion,
        locale: 'en',
        createdAt: new Date().toISOString(),
        data: { level },
      }),
    });
    if (response.status !== 201) throw new Error(`the reference collector answered ${response.status}`);
  }
}

/** The records a collector counts: those no other record names in `replaces` (one per person). */
export function counted<R extends Record<string, unknown> & { id: string }>(records: readonly R[]): R[] {
  return records.filter((r) => !records.some((o) => o['replaces'] === r.id));
}

/**
 * Turns forced colours (Windows High Contrast) on or off for this test page, in Chromium itself.
 * `colorScheme: 'dark'`: a dark contrast theme (a black Canvas), as Windows' "Night sky".
 */
export async function forcedColors(active: boolean, colorScheme?: 'light' | 'dark'): Promise<void> {
  await executeServerCommand('lc-forced-colors', { active, colorScheme });
  await waitFor(
    () => matchMedia('(forced-colors: active)').matches === active,
    `forced colours ${active ? 'on' : 'off'}`,
  );
}

export type AxNode = { role: string; name?: string; description?: string; focused?: boolean; children?: AxNode[] };

/** Chromium's whole accessibility tree of the page (a table's cells too), each node with its children. */
export async function axTree(): Promise<AxNode> {
  return (await executeServerCommand('lc-ax-tree')) as AxNode;
}

export type AxLiveRegion = { role: string; text: string; live: 'polite' | 'assertive' | null };

/** Each live region of Chromium's accessibility tree, with its text and its politeness (null: not live). */
export async function axLiveRegions(): Promise<AxLiveRegion[]> {
  return (await executeServerCommand('lc-ax-live')) as AxLiveRegion[];
}

/** Every node of an accessibility tree, depth first. */
export const axNodes = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(axNodes)];

export type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Every Lit element under `root`, through shadow roots. */
export function litElements(root: ParentNode): Updating[] {
  const found: Updating[] = [];
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el) found.push(el as Updating);
    if (el.shadowRoot) found.push(...litElements(el.shadowRoot));
  }
  return found;
}

/** Waits for every Lit element under `root` (through shadow roots) to finish updating, three rounds deep. */
export async function settle(root: ParentNode): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.all(litElements(root).map((el) => el.updateComplete));
}

/** Counts what is written into `target`: each message said is one node added. */
export function countMessages(target: Element): { count: number } {
  const said = { count: 0 };
  new MutationObserver((records) => {
    for (const record of records) said.count += record.addedNodes.length;
  }).observe(target, { childList: true, subtree: true, characterData: true });
  return said;
}
