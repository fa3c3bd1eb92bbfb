import type { Actor, Tie } from '../../core/envelope.js';

/** A level of partnership: 0 none · 1 occasional contact · 2 joint activity · 3 lasting partnership · 4 shared governance. */
export type TieLevel = 0 | 1 | 2 | 3 | 4;
export const TIE_LEVELS: readonly TieLevel[] = [0, 1, 2, 3, 4];

/** The default sectors, in display order. Labels are localized in the element's strings (`sector.<id>`). */
export const DEFAULT_SECTORS = [
  'public-authority',
  'education',
  'business-finance',
  'civil-society-sport',
  'culture',
  'health-social-care',
  'citizens-group',
] as const;

/** The sector whose actors count as public authorities in the figures. */
export const PUBLIC_AUTHORITY = 'public-authority';

/** The actors and ties of a matrix, as they are exported, imported and submitted. */
export interface MatrixData {
  directed: boolean;
  actors: Actor[];
  ties: Tie[];
}

/** What a removal took away, so it can be undone exactly. */
export interface RemovedActor {
  actor: Actor;
  index: number;
  ties: Tie[];
}

/**
 * The matrix as flat typed arrays indexed by actor position: reading or writing one cell is O(1),
 * and a 500-actor matrix is 250 000 bytes per layer. Mutable on purpose: the element owns one and
 * re-renders from a revision counter. Symmetric by default: writing a→b writes b→a; a diagonal
 * cell (an actor with itself) never holds a tie.
 */
export class MatrixModel {
  actors: Actor[] = [];
  directed: boolean;
  private n = 0;
  private levels = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private index = new Map<string, number>();

  constructor(data: Partial<MatrixData> = {}) {
    this.directed = data.directed ?? false;
    this.load(data.actors ?? [], data.ties ?? []);
  }

  get size(): number {
    return this.n;
  }

  /**
   * Replaces everything. A second actor with an id already listed, ties to unknown actors and
   * self-ties are skipped (validate first to report them): the data is always what the
   * `partnerships` envelope accepts.
   */
  load(actors: readonly Actor[], ties: readonly Tie[]): void {
    const ids = new Set<string>();
    this.actors = actors.filter((a) => !ids.has(a.id) && ids.add(a.id)).map((a) => ({ ...a }));
    this.reindex();
    this.levels = new Uint8Array(this.n * this.n);
    this.flags = new Uint8Array(this.n * this.n);
    this.addTies(ties);
  }

  /** Replaces the actors, keeping every tie between actors (by id) that remain. */
  setActors(actors: readonly Actor[]): void {
    this.load(actors, this.ties());
  }

  /** Replaces the ties, keeping the actors. */
  setTies(ties: readonly Tie[]): void {
    this.levels.fill(0);
    this.flags.fill(0);
    this.addTies(ties);
  }

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  level(row: number, col: number): TieLevel {
    return (this.levels[row * this.n + col] ?? 0) as TieLevel;
  }

  independent(row: number, col: number): boolean {
    return this.flags[row * this.n + col] === 1;
  }

  /** True when the cell can hold a tie (not the diagonal, inside the matrix). */
  editable(row: number, col: number): boolean {
    return row !== col && row >= 0 && col >= 0 && row < this.n && col < this.n;
  }

  /** Sets a level; level 0 removes the tie and its flag. Returns whether anything changed. */
  setLevel(row: number, col: number, level: TieLevel): boolean {
    if (!this.editable(row, col) || this.level(row, col) === level) return false;
    this.write(row, col, level, level === 0 ? false : this.independent(row, col));
    return true;
  }

  /** Sets the "works without a public authority" flag; only a tie (level ≥ 1) can carry it. */
  setIndependent(row: number, col: number, independent: boolean): boolean {
    if (!this.editable(row, col) || this.level(row, col) === 0 || this.independent(row, col) === independent) {
      return false;
    }
    this.write(row, col, this.level(row, col), independent);
    return true;
  }

  addActor(actor: Actor, at = this.n): void {
    const ties = this.ties();
    const actors = [...this.actors];
    actors.splice(Math.max(0, Math.min(at, actors.length)), 0, { ...actor });
    this.load(actors, ties);
  }

  removeActor(index: number): RemovedActor | undefined {
    const actor = this.actors[index];
    if (!actor) return undefined;
    const all = this.ties();
    const ties = all.filter((t) => t.source === actor.id || t.target === actor.id);
    this.load(
      this.actors.filter((_, i) => i !== index),
      all.filter((t) => t.source !== actor.id && t.target !== actor.id),
    );
    return { actor: { ...actor }, index, ties };
  }

  /** Puts a removed actor back where it was, with its ties. */
  restore(removed: RemovedActor): void {
    if (this.index.has(removed.actor.id)) return;
    const ties = [...this.ties(), ...removed.ties];
    const actors = [...this.actors];
    actors.splice(Math.min(removed.index, actors.length), 0, { ...removed.actor });
    this.load(actors, ties);
  }

  updateActor(index: number, changes: Partial<Pick<Actor, 'name' | 'sector'>>): boolean {
    const actor = this.actors[index];
    if (!actor) return false;
    const next = { ...actor, ...changes };
    if (next.name === actor.name && next.sector === actor.sector) return false;
    this.actors[index] = next;
    return true;
  }

  /**
   * Switches between one-way and mutual ties. Going from directed to symmetric merges each pair:
   * the stronger direction wins, with its flag (on a tie, the pair is independent if either is).
   */
  setDirected(directed: boolean): void {
    if (directed === this.directed) return;
    this.directed = directed;
    if (directed) return;
    for (let i = 0; i < this.n; i++) {
      for (let j = i + 1; j < this.n; j++) {
        const a = this.level(i, j);
        const b = this.level(j, i);
        const level = Math.max(a, b) as TieLevel;
        const flag =
          a === b
            ? this.independent(i, j) || this.independent(j, i)
            : a > b
              ? this.independent(i, j)
              : this.independent(j, i);
        this.write(i, j, level, level > 0 && flag);
      }
    }
  }

  /** How many ties an actor has (outgoing and incoming, each pair once when symmetric). */
  degree(index: number): number {
    let count = 0;
    for (let k = 0; k < this.n; k++) {
      if (k === index) continue;
      if (this.levels[index * this.n + k]! > 0 || (this.directed && this.levels[k * this.n + index]! > 0)) count++;
    }
    return count;
  }

  /** The ties as a list: each pair once when symmetric (source is the earlier actor), in actor order. */
  ties(): Tie[] {
    const out: Tie[] = [];
    const n = this.n;
    for (let i = 0; i < n; i++) {
      for (let j = this.directed ? 0 : i + 1; j < n; j++) {
        const level = this.levels[i * n + j]!;
        if (level > 0) {
          out.push({
            source: this.actors[i]!.id,
            target: this.actors[j]!.id,
            level: level as Tie['level'],
            independent: this.flags[i * n + j] === 1,
          });
        }
      }
    }
    return out;
  }

  toData(): MatrixData {
    return { directed: this.directed, actors: this.actors.map((a) => ({ ...a })), ties: this.ties() };
  }

  private reindex(): void {
    this.n = this.actors.length;
    this.index = new Map(this.actors.map((a, i) => [a.id, i]));
  }

  private addTies(ties: readonly Tie[]): void {
    for (const tie of ties) {
      const row = this.indexOf(tie.source);
      const col = this.indexOf(tie.target);
      if (!this.editable(row, col) || tie.level < 1 || tie.level > 4) continue;
      // A pair listed in both directions of a symmetric matrix keeps its stronger level, with its
      // flag; at equal levels it is independent if either is (as setDirected merges them).
      const had = this.directed ? 0 : this.level(row, col);
      if (had > tie.level) continue;
      this.write(row, col, tie.level as TieLevel, tie.independent || (had === tie.level && this.independent(row, col)));
    }
  }

  private write(row: number, col: number, level: TieLevel, independent: boolean): void {
    const n = this.n;
    this.levels[row * n + col] = level;
    this.flags[row * n + col] = independent ? 1 : 0;
    if (!this.directed) {
      this.levels[col * n + row] = level;
      this.flags[col * n + row] = independent ? 1 : 0;
    }
  }
}

/**
 * The pairs that `data` rates differently in each direction (a→b and b→a with another level or
 * flag), as `[a, b]` ids in the order first met: what making it symmetric merges into one tie (the
 * stronger level wins, see MatrixModel.setDirected), so the person can be told.
 */
export function opposedPairs(data: MatrixData): Array<[string, string]> {
  const given = new Map<string, Tie>();
  for (const tie of data.ties) if (tie.level > 0) given.set(`${tie.source}\u0000${tie.target}`, tie);
  const out: Array<[string, string]> = [];
  const told = new Set<string>();
  for (const tie of given.values()) {
    const back = given.get(`${tie.target}\u0000${tie.source}`);
    const pair = [tie.source, tie.target].sort().join('\u0000');
    if (!back || told.has(pair)) continue;
    told.add(pair);
    if (back.level !== tie.level || !back.independent !== !tie.independent) out.push([tie.source, tie.target]);
  }
  return out;
}

/**
 * A name as a person tells two actors apart, for comparing names: letter case, white space (around
 * and inside), invisible characters (a soft hyphen, a zero-width space, bidi marks) and Unicode
 * forms (NFKC: "ﬁ" is "fi", a full-width "Ａ" is "A") aside. "Alpha" and " ALPHA " name one actor.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The most UTF-16 code units of an id made from a name, leaving room for a "-2" within the schema's 64. */
const ACTOR_ID_BASE_MAX = 48;

/** A readable, unique id for a new actor: "City College" → "city-college", then "city-college-2"… */
export function actorIdFor(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+/, '');
  // Cut between characters, never inside one: half of "𠮷" (two code units) is not text, and
  // a collector refuses the whole map that holds it. Nor ending in a hyphen, where a word was cut.
  let base = '';
  for (const char of words) {
    if (base.length + char.length > ACTOR_ID_BASE_MAX) break;
    base += char;
  }
  base = base.replace(/-+$/, '') || 'actor';
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const id = `${base}-${k}`;
    if (!taken.has(id)) return id;
  }
}
