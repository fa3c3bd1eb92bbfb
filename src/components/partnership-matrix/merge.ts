import type { Actor, Tie } from '../../core/envelope.js';
import { actorIdFor, nameKey, type MatrixData } from './matrix-model.js';

/** Both maps in one (see mergeMaps), and how many actors the other map added. */
export interface MergedMap {
  data: MatrixData;
  added: number;
}

/**
 * Adds `other` to `mine`, keeping all of `mine` as it is: its actors first, then those of `other`
 * that `mine` does not have (an actor with the same name is the same actor; an id `mine` already
 * uses gets a new one), then the ties of `other` between pairs that `mine` leaves without one.
 * Where both maps rate a pair, `mine` wins. The direction is `mine`'s.
 */
export function mergeMaps(mine: MatrixData, other: MatrixData): MergedMap {
  const actors: Actor[] = mine.actors.map((a) => ({ ...a }));
  const byName = new Map(actors.map((a) => [nameKey(a.name), a.id]));
  const taken = new Set(actors.map((a) => a.id));
  /** An actor of `other`, by its id there: its id in the merged map. */
  const idOf = new Map<string, string>();
  let added = 0;
  for (const actor of other.actors) {
    const key = nameKey(actor.name);
    const same = byName.get(key);
    if (same !== undefined) {
      idOf.set(actor.id, same);
      continue;
    }
    const id = taken.has(actor.id) ? actorIdFor(actor.name, taken) : actor.id;
    taken.add(id);
    byName.set(key, id);
    idOf.set(actor.id, id);
    actors.push({ ...actor, id });
    added++;
  }
  const pair = (source: string, target: string) =>
    mine.directed || source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
  const rated = new Set(mine.ties.map((t) => pair(t.source, t.target)));
  const ties: Tie[] = mine.ties.map((t) => ({ ...t }));
  for (const tie of other.ties) {
    const source = idOf.get(tie.source);
    const target = idOf.get(tie.target);
    if (source === undefined || target === undefined || source === target || rated.has(pair(source, target))) {
      continue;
    }
    ties.push({ ...tie, source, target });
  }
  return { data: { directed: mine.directed, actors, ties }, added };
}
