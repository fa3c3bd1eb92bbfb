import * as z from '../../core/zod.js';
import type { Actor, Tie } from '../../core/envelope.js';
import { formatPath } from '../../core/issues.js';
import { computeFigures, type MatrixFigures } from './figures.js';
import { nameKey, type MatrixData } from './matrix-model.js';

/** The tag on an exported file, so an import can tell it from other JSON. */
export const MATRIX_EXPORT_SCHEMA = 'lc-partnerships/1';
export const MAX_ACTORS = 500;
export const MAX_TIES = 250_000;

/** What an export holds: the data and the figures derived from it. */
export interface MatrixExport extends MatrixData {
  schema: typeof MATRIX_EXPORT_SCHEMA;
  figures: MatrixFigures;
}

export type ProblemCode =
  'json' | 'shape' | 'duplicate-id' | 'duplicate-name' | 'unknown-actor' | 'self-tie' | 'duplicate-tie' | 'level';

/**
 * One problem with input data, with the path it is at (`ties[3].level`). The element turns it
 * into a localized sentence; `describeProblem` gives the English one for the console.
 */
export interface DataProblem {
  code: ProblemCode;
  path: string;
  /** The id concerned (duplicate id, unknown actor, the pair of a duplicate tie), or the name repeated. */
  id?: string;
  /** The offending value, as JSON; for a name repeated, the name it repeats, as first given. */
  value?: string;
  /** Another path (where a duplicate was first seen) or a parser's message. */
  detail?: string;
}

export type DataResult<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

export interface CheckOptions {
  /**
   * Accept two actors with the same name (letter case, spacing and Unicode forms aside, see
   * nameKey). Only for a map an earlier version kept on the device, which could hold them: it is
   * the person's work, and is shown as it is. Default: such a name is a problem.
   */
  sameNames?: boolean;
}

const idText = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters'));
const actorInput = z.object({
  id: idText,
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
  sector: idText,
});
const tieInput = z.object({
  source: idText,
  target: idText,
  level: z.number().check(z.int(), z.gte(0), z.lte(4)),
  independent: z.optional(z.boolean()),
});
/** The envelope of a data set; its lists are checked item by item, so every problem is named at once. */
const dataInput = z.object({
  schema: z.optional(z.string()),
  directed: z.optional(z.boolean()),
  actors: z.array(z.unknown()).check(z.maxLength(MAX_ACTORS, `must hold at most ${MAX_ACTORS} actors`)),
  ties: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_TIES, `must hold at most ${MAX_TIES} ties`))),
});

const MAX_PROBLEMS = 20;

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return (text ?? String(value)).slice(0, 40);
}

function schemaProblems(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  input: unknown,
  prefix: ReadonlyArray<PropertyKey> = [],
): DataProblem[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = [...prefix, ...issue.path];
    const key = path[path.length - 1];
    if (key === 'level' && path.includes('ties')) {
      return { code: 'level', path: formatPath(path), value: show(valueAt(input, issue.path)) };
    }
    return { code: 'shape', path: formatPath(path) || '(root)', detail: issue.message };
  });
}

/** The problems of a value that must be a list of at most `max` items (none when it is one). */
function listProblems(input: unknown, max: number, path: PropertyKey[]): DataProblem[] {
  if (!Array.isArray(input)) return [{ code: 'shape', path: formatPath(path) || '(root)', detail: 'must be a list' }];
  if (input.length > max) {
    return [{ code: 'shape', path: formatPath(path) || '(root)', detail: `must hold at most ${max} items` }];
  }
  return [];
}

function done<T>(problems: DataProblem[], value: T): DataResult<T> {
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, value };
}

/**
 * Checks a list of actors: each one's shape, and that ids and names are unique (two names that
 * differ only in letter case, spacing or Unicode form are one actor's). Every problem is reported at once.
 */
export function validateActors(
  input: unknown,
  path: PropertyKey[] = ['actors'],
  options: CheckOptions = {},
): DataResult<Actor[]> {
  const listed = listProblems(input, MAX_ACTORS, path);
  if (listed.length) return { ok: false, problems: listed };
  const problems: DataProblem[] = [];
  const actors: Actor[] = [];
  const seen = new Map<string, number>();
  /** Each name (see nameKey), as first given, and where. */
  const names = new Map<string, { at: number; name: string }>();
  (input as unknown[]).forEach((item, i) => {
    const parsed = actorInput.safeParse(item, z.EN);
    if (!parsed.success) {
      problems.push(...schemaProblems(parsed.error.issues, item, [...path, i]));
      return;
    }
    const actor = parsed.data;
    const first = seen.get(actor.id);
    if (first === undefined) seen.set(actor.id, i);
    else {
      problems.push({
        code: 'duplicate-id',
        path: formatPath([...path, i, 'id']),
        id: actor.id,
        detail: formatPath([...path, first, 'id']),
      });
    }
    const key = nameKey(actor.name);
    const named = names.get(key);
    if (named === undefined) names.set(key, { at: i, name: actor.name });
    else if (!options.sameNames) {
      problems.push({
        code: 'duplicate-name',
        path: formatPath([...path, i, 'name']),
        id: actor.name,
        value: named.name,
        detail: formatPath([...path, named.at, 'name']),
      });
    }
    actors.push(actor);
  });
  return done(problems, actors);
}

/**
 * Checks a list of ties: each one's shape and level, that both ends are known actors (by id),
 * no self-ties and no pair twice. Level-0 entries are accepted and dropped (no tie).
 */
export function validateTies(
  input: unknown,
  actors: readonly Pick<Actor, 'id'>[],
  path: PropertyKey[] = ['ties'],
): DataResult<Tie[]> {
  const listed = listProblems(input, MAX_TIES, path);
  if (listed.length) return { ok: false, problems: listed };
  const ids = new Set(actors.map((a) => a.id));
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const ties: Tie[] = [];
  (input as unknown[]).forEach((item, i) => {
    const parsed = tieInput.safeParse(item, z.EN);
    if (!parsed.success) {
      problems.push(...schemaProblems(parsed.error.issues, item, [...path, i]));
    }
    // The ends are checked even when the level is wrong, so one pass names every problem.
    const ends = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    for (const end of ['source', 'target'] as const) {
      const id = ends[end];
      if (typeof id === 'string' && id && !ids.has(id)) {
        problems.push({ code: 'unknown-actor', path: formatPath([...path, i, end]), id });
      }
    }
    if (!parsed.success) return;
    const tie = parsed.data;
    if (tie.source === tie.target) {
      problems.push({ code: 'self-tie', path: formatPath([...path, i]), id: tie.source });
    }
    const pair = `${tie.source} → ${tie.target}`;
    const first = seen.get(pair);
    if (first !== undefined) {
      problems.push({
        code: 'duplicate-tie',
        path: formatPath([...path, i]),
        id: pair,
        detail: formatPath([...path, first]),
      });
    } else seen.set(pair, i);
    if (tie.level > 0) {
      ties.push({
        source: tie.source,
        target: tie.target,
        level: tie.level as Tie['level'],
        independent: tie.independent ?? false,
      });
    }
  });
  problems.sort((x, y) => x.path.localeCompare(y.path, 'en', { numeric: true }));
  return done(problems, ties);
}

/**
 * Checks a whole data set: an export of this element, the `data` of a `partnerships` envelope,
 * or the envelope itself. `directed` is the data's own flag when it has one.
 */
export function validateMatrixData(input: unknown, options: CheckOptions = {}): DataResult<MatrixData> {
  let prefix: PropertyKey[] = [];
  let body = input;
  if (body && typeof body === 'object' && 'data' in body && (body as { kind?: unknown }).kind === 'partnerships') {
    body = (body as { data: unknown }).data;
    prefix = ['data'];
  }
  const parsed = dataInput.safeParse(body, z.EN);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues, body, prefix) };
  const actors = validateActors(parsed.data.actors, [...prefix, 'actors'], options);
  // Ties are checked against every id that was given, so a bad name does not make its ties "unknown".
  const given = (parsed.data.actors as unknown[]).flatMap((a) =>
    a && typeof a === 'object' && typeof (a as { id?: unknown }).id === 'string'
      ? [{ id: (a as { id: string }).id }]
      : [],
  );
  const ties = validateTies(parsed.data.ties ?? [], given, [...prefix, 'ties']);
  if (!actors.ok || !ties.ok) {
    return {
      ok: false,
      problems: [...(actors.ok ? [] : actors.problems), ...(ties.ok ? [] : ties.problems)].slice(0, MAX_PROBLEMS),
    };
  }
  return { ok: true, value: { directed: parsed.data.directed ?? false, actors: actors.value, ties: ties.value } };
}

/** Parses JSON text and checks it; a syntax error is reported as a problem, never thrown. */
export function parseMatrixJson(text: string): DataResult<MatrixData> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ code: 'json', path: '(root)', detail: (error as Error).message }] };
  }
  return validateMatrixData(input);
}

/** The export: data plus figures, pretty-printed JSON. */
export function matrixToJson(data: MatrixData, figures: MatrixFigures = computeFigures(data)): string {
  const out: MatrixExport = {
    schema: MATRIX_EXPORT_SCHEMA,
    directed: data.directed,
    actors: data.actors,
    ties: data.ties,
    figures,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** An English sentence for a problem, for the console and for logs. */
export function describeProblem(p: DataProblem): string {
  switch (p.code) {
    case 'json':
      return `not valid JSON (${p.detail})`;
    case 'duplicate-id':
      return `${p.path}: the actor id "${p.id}" is used twice (first at ${p.detail})`;
    case 'duplicate-name':
      return `${p.path}: the name "${p.id}" is the same as "${p.value}" at ${p.detail} (letter case, spacing and Unicode forms aside)`;
    case 'unknown-actor':
      return `${p.path}: there is no actor "${p.id}"`;
    case 'self-tie':
      return `${p.path}: a tie from "${p.id}" to itself is not possible`;
    case 'duplicate-tie':
      return `${p.path}: the tie ${p.id} is listed twice (first at ${p.detail})`;
    case 'level':
      return `${p.path}: the level must be a whole number from 0 to 4, not ${p.value}`;
    default:
      return `${p.path}: ${p.detail}`;
  }
}
