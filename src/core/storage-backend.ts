/**
 * The bare operations a store kept on the device is built on: IndexedDB (through idb-keyval),
 * memory, or a test double.
 */
export interface StorageBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A backend in memory that copies values in and out, as IndexedDB does (a structured clone). */
export function memoryBackend(map = new Map<string, unknown>()): StorageBackend {
  return {
    get: async (key) => (map.has(key) ? structuredClone(map.get(key)) : undefined),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
  };
}
