// The collector's SQLite database: one file, WAL mode, schema migrations by `PRAGMA user_version`.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { payloadHash } from './store.js';

/**
 * Each entry moves the schema one version up; never edit one that has shipped, append a new one.
 * `submissions` holds every envelope as received (the source of truth); `answers` is derived
 * from it: one row per rated criterion, from `rating` and `assessment` envelopes alike, so the
 * results aggregate both kinds the same way. A database created by an older version is migrated
 * up on open.
 * @type {ReadonlyArray<(db: import('better-sqlite3').Database) => void>}
 */
export const migrations = [
  (db) =>
    db.exec(`
      CREATE TABLE submissions (
        id            TEXT PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('rating', 'assessment', 'partnerships', 'journal-entry')),
        community     TEXT NOT NULL,
        round         TEXT NOT NULL,
        perspective   TEXT,
        criterion     TEXT,
        criteria_set  TEXT NOT NULL,
        criteria_version TEXT NOT NULL,
        locale        TEXT NOT NULL,
        respondent    TEXT,
        created_at    TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        payload       TEXT NOT NULL CHECK (json_valid(payload)),
        payload_hash  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_by_round ON submissions (community, round, kind, created_at);

      CREATE TABLE answers (
        submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        criterion     TEXT NOT NULL,
        level         INTEGER CHECK (level BETWEEN 0 AND 4),
        community     TEXT NOT NULL,
        round         TEXT NOT NULL,
        perspective   TEXT,
        respondent    TEXT,
        created_at    TEXT NOT NULL,
        PRIMARY KEY (submission_id, criterion)
      ) STRICT;
      CREATE INDEX answers_by_round ON answers (community, round, criterion);
    `),
  // 2: `replaces`, the id of the same person's earlier submission that this one replaces ("change
  // my answer"), taken from the payloads already stored (the elements sent it before it had a column).
  (db) =>
    db.exec(`
      ALTER TABLE submissions ADD COLUMN replaces TEXT;
      UPDATE submissions SET replaces = lower(json_extract(payload, '$.replaces'))
        WHERE json_type(payload, '$.replaces') = 'text';
      CREATE INDEX submissions_by_replaces ON submissions (replaces) WHERE replaces IS NOT NULL;
    `),
  // 3: community, round and perspective in composed form (NFC), as the schema now stores them: a
  // name sent decomposed ("e" and an accent for "é") joins the group of the same name composed.
  // The payload is changed alike, and its hash, so that a retry of such a submission is still
  // answered as a duplicate.
  (db) => {
    db.function('lc_nfc', { deterministic: true }, (v) => (typeof v === 'string' ? v.normalize('NFC') : v));
    const changed = db.prepare(`
      SELECT id, payload FROM submissions
      WHERE community <> lc_nfc(community) OR round <> lc_nfc(round) OR perspective <> lc_nfc(perspective)`);
    const update = db.prepare(`
      UPDATE submissions SET community = lc_nfc(community), round = lc_nfc(round),
        perspective = lc_nfc(perspective), payload = ?, payload_hash = ? WHERE id = ?`);
    for (const { id, payload } of /** @type {Array<{ id: string; payload: string }>} */ (changed.all())) {
      const env = JSON.parse(payload);
      for (const key of ['community', 'round', 'perspective']) {
        if (typeof env[key] === 'string') env[key] = env[key].normalize('NFC');
      }
      update.run(JSON.stringify(env), payloadHash(env), id);
    }
    db.exec(`
      UPDATE answers SET community = lc_nfc(community), round = lc_nfc(round), perspective = lc_nfc(perspective)
      WHERE community <> lc_nfc(community) OR round <> lc_nfc(round) OR perspective <> lc_nfc(perspective);
    `);
  },
  // 4: the perspectives of a round, looked up by name, for the cap on how many a round takes
  // (store.js): whether one is new, and counting them, without reading every answer of the round.
  (db) =>
    db.exec(`
      CREATE INDEX answers_by_perspective ON answers (community, round, perspective) WHERE perspective IS NOT NULL;
    `),
  // 5: the journal and partnership lists of a community, newest first (store.js `latest`). They go
  // by row id, the order received; an index ends in the row id, so this one holds a community's
  // entries of a kind in that order, and a page (after `before`) is one seek and `limit` steps,
  // not a sort of every entry of the community.
  (db) =>
    db.exec(`
      CREATE INDEX submissions_listed ON submissions (kind, community);
    `),
];

/**
 * Opens (creating file and folder if needed) and migrates the database. A failure names the file
 * and what went wrong with it: SQLite's own words ("unable to open database file") name neither.
 * @param {string} file a path, or ':memory:'
 */
export function openDatabase(file) {
  const failed = (/** @type {string} */ why, /** @type {unknown} */ cause) =>
    new Error(`The database ${file} cannot be opened: ${why}`, { cause });
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw failed(`its folder cannot be created (${/** @type {Error} */ (error).message})`, error);
    }
  }
  /** @type {import('better-sqlite3').Database | undefined} */
  let db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode except on power loss; FULL also survives that, at little cost here.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // Statistics for the query planner, as SQLite advises for a connection that stays open: it
    // analyses the tables that have none or have grown much since, reading a sample of each (a
    // fraction of a second for 50,000 submissions). The results' look-ups name their index
    // anyway (store.js); the statistics keep the planner's other choices sound as a round grows.
    db.pragma('optimize = 0x10002');
    return db;
  } catch (error) {
    db?.close();
    const e = /** @type {{ code?: string; message: string }} */ (error);
    // SQLite's "unable to open database file" says neither which file nor why.
    const hint = e.code === 'SQLITE_CANTOPEN' ? ' (a folder, or a file in a folder this process cannot write to?)' : '';
    throw failed(`${e.message}${hint}`, error);
  }
}

/** @param {import('better-sqlite3').Database} db */
export function migrate(db) {
  const current = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(`The database is at schema version ${current}, newer than this collector (${migrations.length}).`);
  }
  for (let v = current; v < migrations.length; v++) {
    // Under the write lock (immediate), the version read again: two collectors starting at once on
    // one new file both saw version 0 above, and the second ran the first's migration again
    // ("table submissions already exists").
    db.transaction(() => {
      if (/** @type {number} */ (db.pragma('user_version', { simple: true })) > v) return;
      migrations[v](db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
