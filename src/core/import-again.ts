/**
 * A module's URL in a failed import's message: Chromium and Firefox name the file ("Failed to
 * fetch dynamically imported module: <url>", "error loading dynamically imported module: <url>").
 */
const FAILED_FETCH = /imported module:?\s+((?:https?|file):\/\/\S+)/i;

const failedFiles = new WeakMap<() => Promise<unknown>, string>();
let tries = 0;

/**
 * Runs `load` (a dynamic import). Once it failed to fetch its file, the next call imports that
 * file under another name: its URL with a fragment, which is never sent (the same request, the
 * same HTTP cache). A browser that keeps a failed import's error for the page (whatwg/html#6768:
 * Chromium before its fix of whatwg/html#10327, and Firefox and Safari as of this writing) fails
 * every later import of that URL without asking the network: a file lost to a dropped connection
 * would never load until a reload. Safari names no file: there, a try once back online still
 * fails. A file that came and threw as it ran is not fetched again (its error is its own).
 * `load` must be the same function at every call (one per file).
 */
export function importAgain<T>(load: () => Promise<T>): Promise<T> {
  const file = failedFiles.get(load);
  const attempt = file ? (import(/* @vite-ignore */ `${file}#retry-${++tries}`) as Promise<T>) : load();
  return attempt.catch((error: unknown) => {
    const message = String((error as Error)?.message ?? '');
    const found = FAILED_FETCH.exec(message);
    if (!found) throw error;
    // The file, without the name it was last tried under: the next try names it afresh (not
    // `#retry-1#retry-2`), and the console names the file the page loads.
    const url = found[1]!.replace(/#.*$/, '');
    failedFiles.set(load, url);
    if (url === found[1]) throw error;
    throw new TypeError(message.replace(found[1]!, url), { cause: error });
  });
}
