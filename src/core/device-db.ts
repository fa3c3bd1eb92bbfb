import type { UseStore } from 'idb-keyval';

/**
 * How long opening a database on the device may take before the device counts as failed: an open
 * held up by another tab (one deleting or upgrading the database, itself waiting for a page that
 * never lets go of it) never answers, and the person must not wait for it for ever. Long enough
 * for a slow device: ten tabs opening at once at a sixth of the CPU took up to 9 s (QA), and a
 * device taken for failed moves to memory for the page's life, where an answer an earlier visit
 * left waiting is out of reach (asked again, it would count twice).
 */
export const DEVICE_TIMEOUT_MS = 15_000;

export interface DeviceStoreOptions {
  /**
   * Told when the database was closed under the page: deleted or upgraded by another tab (this
   * page lets go of it at once), or the site's data cleared by the person. The next use opens it
   * afresh, empty if it was deleted.
   */
  onLost?: () => void;
  /** See DEVICE_TIMEOUT_MS. */
  timeoutMs?: number;
}

/**
 * An IndexedDB object store for idb-keyval's operations (`get`, `set`, `del`, `entries` take it as
 * their `customStore`), as its `createStore` opens one, and a good neighbour besides:
 * - it closes its connection when another tab deletes or upgrades the database (`versionchange`):
 *   a connection left open would hold that tab up for as long as this page stays open (a portal's
 *   "forget this device", a newer version of the library in another tab), and every page opened
 *   after it behind that one;
 * - an open that does not answer within `timeoutMs` fails, so the caller moves to memory rather
 *   than keeping the person waiting ("Sending…" for as long as another tab stays open);
 * - either closing, and the browser's own (the site's data cleared), is told to `onLost`.
 */
export function deviceStore(dbName: string, storeName: string, options: DeviceStoreOptions = {}): UseStore {
  const { onLost, timeoutMs = DEVICE_TIMEOUT_MS } = options;
  let db: Promise<IDBDatabase> | undefined;
  /** Connections closed under the page (see run). */
  const closed = new WeakSet<IDBDatabase>();
  const open = (): Promise<IDBDatabase> => {
    const opening: Promise<IDBDatabase> = new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName);
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the IndexedDB database "${dbName}" did not open within ${timeoutMs} ms (another tab may be holding it)`,
            ),
          ),
        timeoutMs,
      );
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => {
        clearTimeout(timer);
        const connection = request.result;
        // Opened after the page gave up waiting (it went on without the device): let go of it.
        if (db !== opening) return connection.close();
        const lost = () => {
          closed.add(connection);
          if (db === opening) db = undefined;
          onLost?.();
        };
        connection.onversionchange = () => {
          connection.close();
          lost();
        };
        // Closed by the browser (the site's data cleared): not after close() above.
        connection.onclose = lost;
        resolve(connection);
      };
      request.onerror = () => {
        clearTimeout(timer);
        reject(request.error ?? new Error(`the IndexedDB database "${dbName}" could not be opened`));
      };
    });
    // A failed open is tried afresh at the next use.
    opening.catch(() => {
      if (db === opening) db = undefined;
    });
    return opening;
  };
  // An operation on a connection closed under it (the site's data cleared as it ran, before the page
  // was told) is run once more, on the database opened afresh: a clear is no failure of the device.
  const run = async <T>(
    txMode: IDBTransactionMode,
    callback: (store: IDBObjectStore) => T | PromiseLike<T>,
    again: boolean,
  ): Promise<T> => {
    const opening = (db ??= open());
    let connection: IDBDatabase | undefined;
    try {
      connection = await opening;
      return await callback(connection.transaction(storeName, txMode).objectStore(storeName));
    } catch (error) {
      // Closing (InvalidStateError), or closed as it ran (AbortError, before its close event).
      const name = (error as DOMException | null)?.name;
      const closing = name === 'InvalidStateError' || name === 'AbortError';
      if (again || !((!!connection && closed.has(connection)) || closing)) throw error;
      if (db === opening) db = undefined;
      return run(txMode, callback, true);
    }
  };
  return (txMode, callback) => run(txMode, callback, false);
}
