// Reads and writes of the collector, over a migrated database (see db.js). Synchronous, like
// better-sqlite3: a write has been committed when `record` returns.
import { createHash } from 'node:crypto';

/**
 * @typedef {import('better-sqlite3').Database} Db
 * @typedef {{ id: string; kind: string; community: string; round: string; perspective?: string;
 *   criterion?: string; criteriaSet: { id: string; version: string }; locale: string; respondent?: string;
 *   createdAt: string; replaces?: string; data: any }} Envelope
 * @typedef {{ id: string; receivedAt: string }} Receipt
 * @typedef {{ outcome: 'created' | 'duplicate' | 'conflict'; receipt: Receipt }
 *   | { outcome: 'loop' | 'too-many-perspectives' }} RecordResult
 */

/** JSON with object keys sorted at every depth: the same envelope always hashes the same. */
export function canonicalJson(/** @type {unknown} */ value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const payloadHash = (/** @type {unknown} */ envelope) =>
  createHash('sha256').update(canonicalJson(envelope)).digest('hex');

/** The name of the group of answers without a perspective; an envelope that names it joins that group. */
export const UNSPECIFIED = 'unspecified';

/** The criterion answers an envelope carries: one for a rating, many for an assessment. */
function answersOf(/** @type {Envelope} */ env) {
  if (env.kind === 'rating') return [{ criterion: env.criterion, level: env.data.level }];
  if (env.kind !== 'assessment') return [];
  // An assessment that answers a criterion twice counts its last answer.
  const byCriterion = new Map();
  for (const a of env.data.answers) byCriterion.set(a.criterion, a.level);
  return [...byCriterion].map(([criterion, level]) => ({ criterion, level }));
}

/**
 * @param {Db} db
 * @param {{ maxPerspectives?: number }} [options] `maxPerspectives`: the most named perspectives a
 *   community's round takes in ratings and assessments (default: no limit)
 */
export function createStore(db, { maxPerspectives = Infinity } = {}) {
  const find = db.prepare('SELECT id, received_at, payload_hash FROM submissions WHERE id = ?');
  const replacedBy = db.prepare('SELECT replaces FROM submissions WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO submissions (id, kind, community, round, perspective, criterion, criteria_set, criteria_version,
                             locale, respondent, created_at, received_at, payload, payload_hash, replaces)
    VALUES (@id, @kind, @community, @round, @perspective, @criterion, @criteriaSet, @criteriaVersion,
            @locale, @respondent, @createdAt, @receivedAt, @payload, @hash, @replaces)`);
  const insertAnswer = db.prepare(`
    INSERT INTO answers (submission_id, criterion, level, community, round, perspective, respondent, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const knownPerspective = db.prepare(`
    SELECT 1 FROM answers INDEXED BY answers_by_perspective
    WHERE community = ? AND round = ? AND perspective = ? LIMIT 1`);
  // The round's named perspectives, counted up to @max: one seek in the index per perspective
  // (the next name after the last one), not a read of every answer of the round.
  const countPerspectives = db
    .prepare(
      `WITH RECURSIVE seen (perspective, n) AS (
         SELECT (SELECT MIN(perspective) FROM answers INDEXED BY answers_by_perspective
                 WHERE community = @community AND round = @round AND perspective IS NOT NULL), 1
         UNION ALL
         SELECT (SELECT MIN(perspective) FROM answers INDEXED BY answers_by_perspective
                 WHERE community = @community AND round = @round AND perspective > seen.perspective), n + 1
         FROM seen WHERE seen.perspective IS NOT NULL AND n < @max)
       SELECT COUNT(perspective) FROM seen`,
    )
    .pluck();

  /**
   * Stores an envelope once. The same id with the same payload is a duplicate (answered like
   * the first time); the same id with another payload is a conflict; a `replaces` that names the
   * envelope itself, or one that (through its own `replaces`) names it, is a loop, not stored.
   * One transaction, which takes the write lock before it looks (`immediate`), so two processes
   * never both insert an id, nor each one half of a loop (each seeing the other not yet stored).
   */
  const recordOnce = db.transaction(
    /** @param {Envelope} env @returns {RecordResult} */
    (env) => {
      const hash = payloadHash(env);
      const existing = /** @type {{ id: string; received_at: string; payload_hash: string } | undefined} */ (
        find.get(env.id)
      );
      if (existing) {
        const receipt = { id: existing.id, receivedAt: existing.received_at };
        return { outcome: existing.payload_hash === hash ? 'duplicate' : 'conflict', receipt };
      }
      if (env.replaces !== undefined && replacesLeadsTo(env.replaces, env.id)) return { outcome: 'loop' };
      const receivedAt = new Date().toISOString();
      const perspective = env.perspective === UNSPECIFIED ? null : (env.perspective ?? null);
      if (
        perspective !== null &&
        (env.kind === 'rating' || env.kind === 'assessment') &&
        isNewPerspectiveTooMany(env, perspective)
      ) {
        return { outcome: 'too-many-perspectives' };
      }
      insert.run({
        id: env.id,
        kind: env.kind,
        community: env.community,
        round: env.round,
        perspective,
        criterion: env.criterion ?? null,
        criteriaSet: env.criteriaSet.id,
        criteriaVersion: env.criteriaSet.version,
        locale: env.locale,
        respondent: env.respondent ?? null,
        createdAt: env.createdAt,
        receivedAt,
        payload: JSON.stringify(env),
        hash,
        replaces: env.replaces ?? null,
      });
      for (const a of answersOf(env)) {
        insertAnswer.run(
          env.id,
          a.criterion,
          a.level,
          env.community,
          env.round,
          perspective,
          env.respondent ?? null,
          env.createdAt,
        );
      }
      return { outcome: 'created', receipt: { id: env.id, receivedAt } };
    },
  );

  /**
   * True when `perspective` is not yet one of the round's (in its counted answers or not) and the
   * round already has `maxPerspectives`. Checked inside the write transaction: two collectors on
   * one database cannot each add the last one.
   */
  function isNewPerspectiveTooMany(/** @type {Envelope} */ env, /** @type {string} */ perspective) {
    if (!Number.isFinite(maxPerspectives)) return false;
    if (knownPerspective.get(env.community, env.round, perspective)) return false;
    const n = /** @type {number} */ (
      countPerspectives.get({ community: env.community, round: env.round, max: maxPerspectives })
    );
    return n >= maxPerspectives;
  }

  /**
   * True when the chain of `replaces` from submission `start` (itself, then the one it replaces,
   * and so on, as stored) reaches `id`: a submission `id` replacing `start` would close a loop.
   */
  function replacesLeadsTo(/** @type {string} */ start, /** @type {string} */ id) {
    const seen = new Set();
    for (let at = start; at && !seen.has(at);) {
      if (at === id) return true;
      seen.add(at);
      at = /** @type {{ replaces: string | null } | undefined} */ (replacedBy.get(at))?.replaces ?? '';
    }
    return false;
  }

  // The rating and assessment submissions of a round that count: not replaced by another
  // submission of the same community, round and kind (and criterion, for a rating) from the same
  // respondent (or both without one). A `replaces` that names no such submission changes nothing.
  // Two that replace the same submission (the person changed the answer in two tabs, each from
  // the answer it showed) are one person: only the one received last counts.
  // Both look-ups by `replaces` name their index: without statistics, SQLite judges the round's
  // index (three equal columns) the better one and then reads the whole round for each
  // submission of it, a round of 5,000 taking seconds and one of 50,000 never finishing, while
  // the synchronous database holds every other request. `INDEXED BY` also fails at start-up, not
  // in a slow request, should the index ever be dropped.
  const same = (a, b) =>
    `${a}.community = ${b}.community AND ${a}.round = ${b}.round AND ${a}.kind = ${b}.kind
     AND (${b}.kind <> 'rating' OR ${a}.criterion = ${b}.criterion) AND ${a}.respondent IS ${b}.respondent`;
  const live = `
    live AS (
      SELECT s.id, s.rowid AS seq, s.received_at, s.criteria_set, s.criteria_version FROM submissions s
      WHERE s.community = @community AND s.round = @round AND s.kind IN ('rating', 'assessment')
        AND NOT EXISTS (SELECT 1 FROM submissions r INDEXED BY submissions_by_replaces WHERE r.replaces = s.id AND ${same('r', 's')})
        AND NOT EXISTS (
          SELECT 1 FROM submissions t INDEXED BY submissions_by_replaces JOIN submissions x ON x.id = s.replaces
          WHERE t.replaces = s.replaces AND t.rowid > s.rowid AND ${same('t', 's')} AND ${same('x', 's')}))`;
  // Every answer of the round's criteria set counts once; when the host passes a respondent id,
  // only that respondent's latest answer to each criterion counts. "Latest" is the order the
  // collector received them in: the row id, which SQLite gives each new row above every row the
  // database holds, inside the write lock, so it also orders the submissions of two collectors
  // sharing one database. Never a clock: not the client's, and not `received_at` either, which
  // goes back when the server's clock is corrected, and is the other collector's clock for half
  // the rows when two share the database.
  const answersStmt = db.prepare(`
    WITH ${live}
    SELECT criterion, perspective, level FROM (
      SELECT a.criterion, a.perspective, a.level,
             ROW_NUMBER() OVER (
               PARTITION BY COALESCE('r:' || a.respondent, 's:' || a.submission_id), a.criterion
               ORDER BY live.seq DESC) AS nth
      FROM answers a JOIN live ON live.id = a.submission_id
      WHERE live.criteria_set = @set)
    WHERE nth = 1`);
  // The rounds with answers to count (ratings and assessments, as in `live`): a round of journal
  // entries or partnership maps alone has no figures, and <lc-results> would offer it to compare
  // with. Oldest first, by when the collector first received an answer of the round (its first row
  // id, which the round's index holds, kind included: no row is read).
  const roundsStmt = db
    .prepare(
      `SELECT round FROM submissions WHERE community = ? AND kind IN ('rating', 'assessment')
       GROUP BY round ORDER BY MIN(rowid), round`,
    )
    .pluck();
  // The set most of the round's counted submissions answer (the built-in one on a tie, then by
  // id), in its most used version (the latest received on a tie): one odd submission cannot
  // change how a round is listed.
  const setStmt = db.prepare(`
    WITH ${live}, sets AS (
      SELECT criteria_set, COUNT(*) AS n FROM live GROUP BY criteria_set
      ORDER BY n DESC, criteria_set = @builtIn DESC, criteria_set LIMIT 1)
    SELECT live.criteria_set AS id, live.criteria_version AS version FROM live JOIN sets USING (criteria_set)
    GROUP BY live.criteria_version ORDER BY COUNT(*) DESC, MAX(live.seq) DESC LIMIT 1`);

  const cursor = db.prepare('SELECT rowid FROM submissions WHERE id = ? AND kind = ?').pluck();
  const payloadOf = db.prepare('SELECT id, payload, received_at FROM submissions WHERE rowid = ?');

  /**
   * The newest submissions of a kind (in the order received: by row id, see `answersStmt`, never
   * by `received_at`), from after the one `before` names:
   * at most `limit`, and no more than `maxBytes` of stored JSON in all, though at least one. Only
   * their sizes are read first (`octet_length` needs no payload read), then the payloads that fit:
   * a list of big maps never holds more than the limit in memory. `next` is the id of the last entry
   * when more follow (`truncated` when the size stopped it short of `limit`); undefined when
   * `before` is no submission of that kind.
   * @param {{ community?: string; round?: string; criterion?: string; limit: number; maxBytes: number; before?: string }} filter
   * @param {string} kind
   * @returns {{ entries: any[]; next?: string; truncated?: boolean } | undefined}
   */
  function latest(filter, kind) {
    const where = ['kind = @kind'];
    /** @type {Record<string, string | number>} */
    const params = { kind, limit: filter.limit + 1 };
    if (filter.community) {
      where.push('community = @community');
      params.community = filter.community;
    }
    if (filter.round) {
      where.push('round = @round');
      params.round = filter.round;
    }
    if (filter.criterion) {
      where.push(`(criterion = @criterion OR EXISTS (
        SELECT 1 FROM json_each(payload, '$.data.criteria') WHERE value = @criterion))`);
      params.criterion = filter.criterion;
    }
    if (filter.before !== undefined) {
      const from = /** @type {number | undefined} */ (cursor.get(filter.before, kind));
      if (from === undefined) return undefined;
      where.push('rowid < @beforeSeq');
      params.beforeSeq = from;
    }
    const sizes = /** @type {Array<{ seq: number; bytes: number }>} */ (
      db
        .prepare(
          `SELECT rowid AS seq, octet_length(payload) AS bytes FROM submissions WHERE ${where.join(' AND ')}
           ORDER BY rowid DESC LIMIT @limit`,
        )
        .all(params)
    );
    let total = 0;
    let taken = 0;
    while (taken < Math.min(filter.limit, sizes.length)) {
      total += sizes[taken].bytes;
      if (taken > 0 && total > filter.maxBytes) break;
      taken++;
    }
    const rows = sizes
      .slice(0, taken)
      .map(({ seq }) => /** @type {{ id: string; payload: string; received_at: string }} */ (payloadOf.get(seq)));
    const entries = rows.map((r) => ({ ...JSON.parse(r.payload), receivedAt: r.received_at }));
    if (taken === sizes.length) return { entries };
    return { entries, next: rows[taken - 1].id, truncated: taken < filter.limit };
  }

  return {
    /** @returns {RecordResult} */
    record: (/** @type {Envelope} */ env) => recordOnce.immediate(env),
    /**
     * The counted answers of a round, in the given criteria set.
     * @returns {Array<{ criterion: string; perspective: string | null; level: number | null }>}
     */
    answers: (/** @type {string} */ community, /** @type {string} */ round, /** @type {string} */ set) =>
      /** @type {any[]} */ (answersStmt.all({ community, round, set })),
    /** @returns {string[]} */
    rounds: (/** @type {string} */ community) => /** @type {string[]} */ (roundsStmt.all(community)),
    /**
     * The criteria set a round is listed in; undefined before anyone answered.
     * @param {string} community @param {string} round @param {string} builtIn the built-in set's id
     * @returns {{ id: string; version: string } | undefined}
     */
    criteriaSet: (community, round, builtIn) => /** @type {any} */ (setStmt.get({ community, round, builtIn })),
    latest,
    count: () => /** @type {number} */ (db.prepare('SELECT COUNT(*) FROM submissions').pluck().get()),
  };
}
