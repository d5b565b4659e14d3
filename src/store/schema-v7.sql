-- ntm schema, version 7: copies of a file that merge (doc/sync.md).
-- Every write of a person is captured by the SQLite session extension in
-- its own transaction and kept here with (origin replica, seq); changes
-- received from other copies are kept the same way, so they travel on.

-- Every change known here, in the order it was applied here (rowid).
CREATE TABLE sync_change (
	origin    TEXT NOT NULL,      -- the replica that made it
	seq       INTEGER NOT NULL,   -- its number there: 1, 2, …
	action_id TEXT NOT NULL,
	at        TEXT NOT NULL,      -- UTC, when it was made
	seen      TEXT NOT NULL,      -- the origin's vector then: "r:s,r:s"
	extra     TEXT,               -- JSON [[entity, id], …] declared deleted
	changes   BLOB NOT NULL,      -- the session changeset
	UNIQUE (origin, seq)
);
CREATE INDEX sync_change_action ON sync_change(action_id);

-- How far this copy has seen, and exported, every origin's changes.
CREATE TABLE sync_origin (
	replica  TEXT PRIMARY KEY,
	seen     INTEGER NOT NULL DEFAULT 0,
	exported INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- What another copy had seen (of every origin) when its file was applied
-- here, or when this file was copied from it.
CREATE TABLE sync_peer (
	replica  TEXT NOT NULL,
	origin   TEXT NOT NULL,
	seen     INTEGER NOT NULL,
	heard_at TEXT NOT NULL,
	PRIMARY KEY (replica, origin)
) WITHOUT ROWID;

-- The changes every row holds now, as dots "replica:seq,…" (one, the
-- last writer, unless two sides agreed): a change whose vector does not
-- cover them was made without seeing them. A deleted row keeps its dots.
CREATE TABLE sync_row (
	entity TEXT NOT NULL,
	row_id TEXT NOT NULL,
	dots   TEXT NOT NULL,
	PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

-- Conflicts: both sides changed a row since they last met. This copy kept
-- its row (ours_id, NULL when deleted here); theirs is the other side's
-- image (NULL: they deleted it).
CREATE TABLE sync_conflict (
	id            TEXT PRIMARY KEY,
	number        INTEGER NOT NULL,
	entity        TEXT NOT NULL,
	row_id        TEXT NOT NULL,   -- their row
	ours_id       TEXT,            -- our row (another id: a unique clash)
	kind          TEXT NOT NULL
	              CHECK (kind IN ('edit', 'delete', 'unique', 'parent')),
	theirs        TEXT,
	theirs_origin TEXT NOT NULL,
	theirs_seq    INTEGER NOT NULL,
	theirs_at     TEXT NOT NULL,
	theirs_who    TEXT,
	detected_at   TEXT NOT NULL,
	state         TEXT NOT NULL DEFAULT 'waiting'
	              CHECK (state IN ('waiting', 'resolved', 'closed')),
	resolved_by   TEXT,            -- the action that settled it
	version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sync_conflict_row ON sync_conflict(entity, row_id, state);

-- The copy an audit row came from (NULL: written before copies merged).
ALTER TABLE audit ADD COLUMN replica TEXT;

-- Two copies may both give #N to a new task while apart: the number is
-- unique within a plan once the copy that made the later task renumbers
-- it (doc/sync.md), not at every moment.
DROP INDEX task_number;
CREATE INDEX task_number ON task(plan_id, number);
