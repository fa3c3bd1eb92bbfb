// Reads and writes of the collector, over a migrated database (see db.js). Synchronous, like
// better-sqlite3: a write has been committed when `record` returns.
import { createHash } from 'node:crypto';

/**
 * @typedef {import('better-sqlite3').Database} Db
 * @typedef {{ id: string; kind: string; community: string; round: string; perspective?: string;
 *   criterion?: string; criteriaSet: { id: string; version: string }; locale: string; respondent?: string;
 *   createdAt: string; data: any }} Envelope
 * @typedef {{ id: string; receivedAt: string }} Receipt
 * @typedef {{ outcome: 'created' | 'duplicate'; receipt: Receipt } | { outcome: 'conflict'; receipt: Receipt }} RecordResult
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

/** The criterion answers an envelope carries: one for a rating, many for an assessment. */
function answersOf(/** @type {Envelope} */ env) {
  if (env.kind === 'rating') return [{ criterion: env.criterion, level: env.data.level }];
  if (env.kind !== 'assessment') return [];
  // An assessment that answers a criterion twice counts its last answer.
  const byCriterion = new Map();
  for (const a of env.data.answers) byCriterion.set(a.criterion, a.level);
  return [...byCriterion].map(([criterion, level]) => ({ criterion, level }));
}

/** @param {Db} db */
export function createStore(db) {
  const find = db.prepare('SELECT id, received_at, payload_hash FROM submissions WHERE id = ?');
  const insert = db.prepare(`
    INSERT INTO submissions (id, kind, community, round, perspective, criterion, criteria_set, criteria_version,
                             locale, respondent, created_at, received_at, payload, payload_hash)
    VALUES (@id, @kind, @community, @round, @perspective, @criterion, @criteriaSet, @criteriaVersion,
            @locale, @respondent, @createdAt, @receivedAt, @payload, @hash)`);
  const insertAnswer = db.prepare(`
    INSERT INTO answers (submission_id, criterion, level, community, round, perspective, respondent, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  /**
   * Stores an envelope once. The same id with the same payload is a duplicate (answered like
   * the first time); the same id with another payload is a conflict. One transaction.
   */
  const record = db.transaction(
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
      const receivedAt = new Date().toISOString();
      insert.run({
        id: env.id,
        kind: env.kind,
        community: env.community,
        round: env.round,
        perspective: env.perspective ?? null,
        criterion: env.criterion ?? null,
        criteriaSet: env.criteriaSet.id,
        criteriaVersion: env.criteriaSet.version,
        locale: env.locale,
        respondent: env.respondent ?? null,
        createdAt: env.createdAt,
        receivedAt,
        payload: JSON.stringify(env),
        hash,
      });
      for (const a of answersOf(env)) {
        insertAnswer.run(
          env.id,
          a.criterion,
          a.level,
          env.community,
          env.round,
          env.perspective ?? null,
          env.respondent ?? null,
          env.createdAt,
        );
      }
      return { outcome: 'created', receipt: { id: env.id, receivedAt } };
    },
  );

  // Every answer counts once; when the host passes a respondent id, only that respondent's
  // latest answer to each criterion counts (a changed answer replaces the earlier one).
  const answersStmt = db.prepare(`
    SELECT criterion, perspective, level FROM (
      SELECT criterion, perspective, level,
             ROW_NUMBER() OVER (
               PARTITION BY COALESCE('r:' || respondent, 's:' || submission_id), criterion
               ORDER BY created_at DESC, submission_id DESC) AS nth
      FROM answers WHERE community = ? AND round = ?)
    WHERE nth = 1`);
  const roundsStmt = db
    .prepare('SELECT round FROM submissions WHERE community = ? GROUP BY round ORDER BY MIN(created_at), round')
    .pluck();
  const setStmt = db.prepare(`
    SELECT criteria_set AS id, criteria_version AS version FROM submissions
    WHERE community = ? AND round = ? AND kind IN ('rating', 'assessment')
    ORDER BY created_at DESC LIMIT 1`);

  /**
   * @param {{ community?: string; round?: string; criterion?: string; limit: number }} filter
   * @param {string} kind
   */
  function latest(filter, kind) {
    const where = ['kind = @kind'];
    /** @type {Record<string, string | number>} */
    const params = { kind, limit: filter.limit };
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
    return /** @type {Array<{ payload: string; received_at: string }>} */ (
      db
        .prepare(
          `SELECT payload, received_at FROM submissions WHERE ${where.join(' AND ')}
           ORDER BY created_at DESC, received_at DESC LIMIT @limit`,
        )
        .all(params)
    ).map((r) => ({ ...JSON.parse(r.payload), receivedAt: r.received_at }));
  }

  return {
    record,
    /** @returns {Array<{ criterion: string; perspective: string | null; level: number | null }>} */
    answers: (/** @type {string} */ community, /** @type {string} */ round) =>
      /** @type {any[]} */ (answersStmt.all(community, round)),
    /** @returns {string[]} */
    rounds: (/** @type {string} */ community) => /** @type {string[]} */ (roundsStmt.all(community)),
    /** @returns {{ id: string; version: string } | undefined} */
    criteriaSet: (/** @type {string} */ community, /** @type {string} */ round) =>
      /** @type {any} */ (setStmt.get(community, round)),
    latest,
    count: () => /** @type {number} */ (db.prepare('SELECT COUNT(*) FROM submissions').pluck().get()),
  };
}
