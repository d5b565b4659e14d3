-- ntm schema, version 8: the level above keeps many communes in one file
-- (doc/district.md). Communes made by separate `ntm init`s give the rows
-- every file shares (sectors, criteria sets, criteria, national
-- indicators, checklist templates) ids of their own; when a commune joins
-- a file (its first `ntm sync export --all`), each of its shared rows is
-- matched to this file's by its code, and every later change it sends is
-- read through this map.
CREATE TABLE sync_idmap (
	foreign_id TEXT PRIMARY KEY,  -- the id in the commune's own file
	local_id   TEXT NOT NULL      -- the same row's id here
) WITHOUT ROWID;

-- A national target as each commune entered it (ntm criteria target in its
-- own file): in the level above's file one indicator row serves every
-- commune, so each commune's target is kept here and read for it
-- (SQL_NATIONAL in internal.h); a commune not listed reads the file's.
CREATE TABLE sync_target (
	unit_id       TEXT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
	indicator_id  TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
	comparator    TEXT NOT NULL,
	target        REAL,
	target_source TEXT,
	PRIMARY KEY (unit_id, indicator_id)
) WITHOUT ROWID;

-- When the level above last applied a file of each commune (and from
-- which copy): the date shown for a commune whose data never changed
-- since the file it joined with (a plan imported with the file made).
CREATE TABLE sync_heard (
	unit_id  TEXT PRIMARY KEY,
	heard_at TEXT NOT NULL,       -- UTC, ISO 8601
	replica  TEXT NOT NULL
) WITHOUT ROWID;

-- The level above reads every commune's latest value of every indicator
-- at once (store_district_load): the value in the index spares a look-up
-- of the row for each of them.
DROP INDEX measurement_latest;
CREATE INDEX measurement_latest ON measurement(indicator_id, unit_id, as_of,
	seq, value);
