import * as z from '../../core/zod.js';
import type { DraftStore } from '../../core/draft-store.js';
import { validateMatrixData } from './json.js';
import { MatrixModel, type MatrixData } from './matrix-model.js';

/**
 * Where `<lc-partnership-matrix>` keeps the map being built (storage policy `device`): the
 * journal's database, `lc-elements-drafts`, object store `drafts`, under the key
 * `matrix:<community>/<round>` (each part URI-encoded), or `matrix:<draft-key>`, as `{ v: 1, savedAt, map }` with `map`
 * `{ directed, actors, ties }`. A map of 60 actors is half an hour of someone's work: it is written
 * as it is edited, read back on the next load, and deleted once the outbox holds it.
 */
export function matrixDraftKey(community: string, round: string, own?: string): string {
  // A host's own key (`draft-key`) as it is: it names one map, whatever the community and round.
  if (own) return `matrix:${own}`;
  return `matrix:${encodeURIComponent(community)}/${encodeURIComponent(round)}`;
}

const storedSchema = z.object({ v: z.literal(1), savedAt: z.number(), map: z.unknown() });

export interface StoredMap {
  savedAt: number;
  map: MatrixData;
}

/**
 * Reads the stored map. One that does not check out (another version wrote it, the store was
 * edited by hand) is ignored and said so in the console: it is left in place, never half-loaded.
 */
export async function readMatrixDraft(store: DraftStore, key: string): Promise<StoredMap | undefined> {
  const value = await store.get(key);
  if (value === undefined) return undefined;
  const stored = storedSchema.safeParse(value);
  // Two actors of one name, which an earlier version let a person add, are theirs: shown as they are.
  const map = stored.success ? validateMatrixData(stored.data.map, { sameNames: true }) : undefined;
  if (stored.success && map?.ok) return { savedAt: stored.data.savedAt, map: map.value };
  console.warn(`[lc-elements] <lc-partnership-matrix>: the stored map "${key}" is not readable and was ignored.`);
  return undefined;
}

export async function writeMatrixDraft(store: DraftStore, key: string, map: MatrixData, savedAt: number) {
  await store.set(key, { v: 1, savedAt, map });
}

/** The same actors (in order) and ties, whichever order or duplicate forms the ties were given in. */
export function sameMap(a: Partial<MatrixData>, b: Partial<MatrixData>): boolean {
  const canonical = (data: Partial<MatrixData>) => JSON.stringify(new MatrixModel(data).toData());
  return canonical(a) === canonical(b);
}
