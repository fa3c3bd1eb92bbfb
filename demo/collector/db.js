// The collector's SQLite database: one file, WAL mode, schema migrations by `PRAGMA user_version`.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

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
];

/**
 * Opens (creating file and folder if needed) and migrates the database.
 * @param {string} file a path, or ':memory:'
 */
export function openDatabase(file) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable in WAL mode except on power loss; FULL also survives that, at little cost here.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** @param {import('better-sqlite3').Database} db */
export function migrate(db) {
  const current = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(`The database is at schema version ${current}, newer than this collector (${migrations.length}).`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      migrations[v](db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
