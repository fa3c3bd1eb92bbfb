import { PUBLIC_AUTHORITY, type MatrixData } from './matrix-model.js';

/** How strongly two sectors are tied: the ties between their actors, and their levels. */
export interface SectorLink {
  /** The first sector (for a symmetric matrix, the one listed first). */
  source: string;
  target: string;
  /** Pairs of actors that could be tied across the two sectors (ordered pairs when directed). */
  pairs: number;
  ties: number;
  levelSum: number;
  /** `levelSum / (4 × pairs)`: 0 when no pair is tied, 1 when every pair shares governance. */
  strength: number;
}

/**
 * The figures derived from a matrix. Shares are fractions (0–1) rounded to 4 places, `null` when
 * there is nothing to take a share of (no tie; for the density, no pair). Exported and submitted
 * with the data.
 */
export interface MatrixFigures {
  actors: number;
  /** Pairs that could be tied: n(n−1)/2, or n(n−1) when directed. */
  pairs: number;
  ties: number;
  /** ties / pairs; `null` with fewer than two actors, when no pair could be tied. */
  density: number | null;
  /** The mean level (1–4) of the ties. */
  meanLevel: number | null;
  /** Share of ties between actors of different sectors. */
  crossSectorShare: number | null;
  /** Share of ties flagged "works without a public authority". */
  independentShare: number | null;
  /** Share of ties in which neither actor is a public authority. */
  outsidePublicShare: number | null;
  /** Ids of actors with no tie at all. */
  isolated: string[];
  /** Every pair of sectors present, strongest first (then by ties, then in sector order). */
  sectorLinks: SectorLink[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const share = (part: number, whole: number) => (whole ? round(part / whole) : null);

/**
 * Computes the figures of a matrix. `sectorOrder` orders the sector pairs (sectors not in it
 * follow in order of first appearance); `publicSector` names the public-authority sector (null:
 * none is known, a host's was not valid, and the share outside it is not computed).
 */
export function computeFigures(
  data: MatrixData,
  options: { sectorOrder?: readonly string[]; publicSector?: string | null } = {},
): MatrixFigures {
  const { actors, ties, directed } = data;
  const publicSector = options.publicSector === undefined ? PUBLIC_AUTHORITY : options.publicSector;
  const n = actors.length;
  const pairs = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  const sectorOf = new Map(actors.map((a) => [a.id, a.sector]));
  const sectors = orderSectors(
    actors.map((a) => a.sector),
    options.sectorOrder ?? [],
  );
  const rank = new Map(sectors.map((s, i) => [s, i]));

  const counts = new Map<string, number>();
  for (const a of actors) counts.set(a.sector, (counts.get(a.sector) ?? 0) + 1);
  const links = new Map<string, SectorLink>();
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  for (let i = 0; i < sectors.length; i++) {
    for (let j = directed ? 0 : i; j < sectors.length; j++) {
      const a = sectors[i]!;
      const b = sectors[j]!;
      const ca = counts.get(a)!;
      const cb = counts.get(b)!;
      const possible = a === b ? (directed ? ca * (ca - 1) : (ca * (ca - 1)) / 2) : ca * cb;
      if (possible > 0)
        links.set(key(a, b), { source: a, target: b, pairs: possible, ties: 0, levelSum: 0, strength: 0 });
    }
  }

  let counted = 0;
  let levelSum = 0;
  let cross = 0;
  let independent = 0;
  let outsidePublic = 0;
  const tied = new Set<string>();
  for (const tie of ties) {
    const sa = sectorOf.get(tie.source);
    const sb = sectorOf.get(tie.target);
    if (sa === undefined || sb === undefined || tie.source === tie.target || tie.level < 1) continue;
    counted++;
    levelSum += tie.level;
    if (sa !== sb) cross++;
    if (tie.independent) independent++;
    if (sa !== publicSector && sb !== publicSector) outsidePublic++;
    tied.add(tie.source);
    tied.add(tie.target);
    const [first, second] = directed || rank.get(sa)! <= rank.get(sb)! ? [sa, sb] : [sb, sa];
    const link = links.get(key(first, second));
    if (link) {
      link.ties++;
      link.levelSum += tie.level;
    }
  }

  const sectorLinks = [...links.values()]
    .map((link) => ({ ...link, strength: round(link.levelSum / (4 * link.pairs)) }))
    .sort(
      (x, y) =>
        y.strength - x.strength ||
        y.ties - x.ties ||
        rank.get(x.source)! - rank.get(y.source)! ||
        rank.get(x.target)! - rank.get(y.target)!,
    );

  return {
    actors: n,
    pairs,
    ties: counted,
    density: share(counted, pairs),
    meanLevel: counted ? round(levelSum / counted) : null,
    crossSectorShare: share(cross, counted),
    independentShare: share(independent, counted),
    outsidePublicShare: publicSector === null ? null : share(outsidePublic, counted),
    isolated: actors.filter((a) => !tied.has(a.id)).map((a) => a.id),
    sectorLinks,
  };
}

/** The sectors in use: those in `order` first (in that order), then the others as they appear. */
export function orderSectors(used: readonly string[], order: readonly string[]): string[] {
  const present = new Set(used);
  const out = order.filter((s) => present.has(s));
  for (const s of used) if (!out.includes(s)) out.push(s);
  return out;
}
