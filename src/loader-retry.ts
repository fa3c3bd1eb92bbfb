/**
 * How long the drop-in loader waits before it searches the page again after the `attempt`-th
 * failed load in a row (0 first): 2 s, 10 s, then every 30 s for as long as a file still fails (a
 * connection that stays poor for minutes). It also tries again when the browser comes back online.
 */
export function retryDelay(attempt: number): number {
  return attempt < 1 ? 2_000 : attempt < 2 ? 10_000 : 30_000;
}

/**
 * True when a failed `import()` says its file (or one it imports) could not be fetched (Chromium,
 * Firefox, Safari words): worth trying again. Otherwise the file came and its code threw as it ran,
 * an error the browser keeps for that file: trying again cannot help.
 */
export function fetchFailed(message: string): boolean {
  return /dynamically imported module|Importing a module script failed|error loading|Failed to fetch/i.test(message);
}

/**
 * The file a failed `import()` could not fetch, as Chromium and Firefox name it; undefined when the
 * message names none (Safari). The loader imports it again under another name (see importAgain in
 * core/import-again.ts, of which this is the loader's own copy: the loader cannot import the core).
 */
export function unfetchedFile(message: string): string | undefined {
  // Without the fragment it was last tried under: the next try adds its own, not one more.
  return /imported module:?\s+((?:https?|file):\/\/\S+)/i.exec(message)?.[1]?.replace(/#.*$/, '');
}

/** What the browser's resource timing says of a fetch (Chromium's; other browsers leave these out). */
export interface FetchedFile {
  responseStatus?: number;
  contentType?: string;
}

/**
 * The first of `files` (URLs) that the browser fetched but could not take as a module, and why: no
 * answer or an error status, or another type than JavaScript (an HTML page served in its place).
 * Undefined when none did, or the browser does not say (Firefox and Safari give no status).
 * `fetches` gives the browser's fetches of a URL (`performance.getEntriesByName(url, 'resource')`).
 */
export function unusableFile(
  files: readonly string[],
  fetches: (url: string) => readonly FetchedFile[],
): { file: string; why: string } | undefined {
  for (const file of files) {
    for (const { responseStatus: status, contentType: type } of fetches(file)) {
      if (status === undefined) continue;
      if (status === 0 || status >= 400) return { file, why: status ? `HTTP ${status}` : 'no answer' };
      if (type && !/javascript|ecmascript/i.test(type)) return { file, why: `served as ${type}` };
    }
  }
  return undefined;
}
