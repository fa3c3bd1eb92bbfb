import * as z from '../../core/zod.js';
import type { DraftStore } from '../../core/draft-store.js';
import { validateMatrixData } from './json.js';
import { MatrixModel, type MatrixData } from './matrix-model.js';

/**
 * Where `<lc-partnership-matrix>` keeps the map being built (storage policy `device`): the
 * journal's database, `lc-elements-drafts`, object store `drafts`, under the key
 * `matrix:<community>/<round>` (each part URI-encoded and composed (NFC), as sent; the round as the host sets it, empty when
 * it sets none, never the year a round defaults to), or `matrix:<draft-key>`, as `{ v: 1, savedAt, hostRound: true, map, pending? }` with `map`
 * `{ directed, actors, ties }`. A map of 60 actors is half an hour of someone's work: it is written
 * as it is edited, read back on the next load, and deleted once the outbox holds it. While the
 * outbox holds it, `pending` notes its submission's id (without `map`, unless edited since), so a
 * reload finds it even when its delivery beat the element to it; the note goes once it arrived.
 * With a `respondent` on the community, the key is that person's (see personalKey):
 * `matrix@<respondent>/<perspective>:<community>/<round>`, or `…:<draft-key>`. `hostRound` says this
 * build wrote it, under the round the host set: an earlier build kept the map under the year a
 * round defaulted to, without it, and only such a map is taken up from that year's key.
 */
export function matrixDraftKey(community: string, round: string, own?: string): string {
  // A host's own key (`draft-key`) as it is: it names one map, whatever the community and round.
  if (own) return `matrix:${own}`;
  return `matrix:${encodeURIComponent(community)}/${encodeURIComponent(round)}`;
}

const storedSchema = z.object({
  v: z.literal(1),
  savedAt: z.number(),
  map: z.optional(z.unknown()),
  pending: z.optional(z.string()),
});

export interface StoredMap {
  savedAt: number;
  /** The map being built; none when all there is is the note of one sent (`pending`). */
  map?: MatrixData;
  /** The id of the map's submission the outbox held when this was written. */
  pending?: string;
}

/**
 * Reads the stored map. One that does not check out (another version wrote it, the store was
 * edited by hand) is ignored and said so in the console: it is left in place, never half-loaded.
 */
export async function readMatrixDraft(store: DraftStore, key: string): Promise<StoredMap | undefined> {
  const value = await store.get(key);
  if (value === undefined) return undefined;
  const stored = storedSchema.safeParse(value, z.EN);
  if (stored.success) {
    const { savedAt, map, pending } = stored.data;
    const noted = pending ? { pending } : {};
    if (map === undefined && pending) return { savedAt, ...noted };
    // Two actors of one name, which an earlier version let a person add, are theirs: shown as they are.
    const checked = validateMatrixData(map, { sameNames: true });
    if (checked.ok) return { savedAt, map: checked.value, ...noted };
  }
  console.warn(`[lc-elements] <lc-partnership-matrix>: the stored map "${key}" is not readable and was ignored.`);
  return undefined;
}

/** Writes the map (if any) and the id of its submission the outbox holds (if any). */
export async function writeMatrixDraft(
  store: DraftStore,
  key: string,
  map: MatrixData | undefined,
  savedAt: number,
  pending?: string,
) {
  // Marked as kept under the round the host set: a page without a round never takes it up (see keyedByHostRound).
  await store.set(key, { v: 1, savedAt, hostRound: true, ...(map ? { map } : {}), ...(pending ? { pending } : {}) });
}

/** The same actors (in order) and ties, whichever order or duplicate forms the ties were given in. */
export function sameMap(a: Partial<MatrixData>, b: Partial<MatrixData>): boolean {
  const canonical = (data: Partial<MatrixData>) => JSON.stringify(new MatrixModel(data).toData());
  return canonical(a) === canonical(b);
}
