-- ntm schema, version 5: plans are the user's data. A commune has plans
-- of any year; each follows a criteria set; its tasks carry a short
-- number (#12) that is never given twice within the plan, and a task
-- carried over into next year's plan names the task it came from.

-- The criteria set a plan follows (the national set of its period).
ALTER TABLE plan ADD COLUMN set_id TEXT;   -- criteria_set(id)
UPDATE plan SET set_id = (SELECT id FROM criteria_set WHERE code = 'ntm');

-- #N within the plan; numbered for existing plans in the order shown.
ALTER TABLE task ADD COLUMN number INTEGER;
-- The id of the task of an earlier plan this one was carried over from
-- (ntm plan copy). No foreign key: removing the earlier plan leaves the
-- link dangling, shown as nothing, and a sync never has to order rows.
ALTER TABLE task ADD COLUMN carried_from TEXT;
WITH n AS (
  SELECT t.id, row_number() OVER (PARTITION BY t.plan_id
                                  ORDER BY s.ord, t.ord, t.rowid) AS k
  FROM task t JOIN sector s ON s.id = t.sector_id)
UPDATE task SET number = (SELECT k FROM n WHERE n.id = task.id);
CREATE UNIQUE INDEX task_number ON task(plan_id, number);

-- The last number given in each plan: not audited, so neither an undo
-- nor a delete gives a number twice.
CREATE TABLE task_counter (
	plan_id TEXT PRIMARY KEY,
	last    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO task_counter(plan_id, last)
SELECT plan_id, max(number) FROM task GROUP BY plan_id;

-- A plan is one (year, number) in its commune.
CREATE UNIQUE INDEX plan_year_number ON plan(unit_id, year, number);

-- The plan a commune shows by default when it is not the newest
-- (ntm plan use): a preference of the file, not audited, not undone.
CREATE TABLE plan_choice (
	unit_id TEXT PRIMARY KEY REFERENCES unit(id) ON DELETE CASCADE,
	plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Where a national target entered by an official comes from
-- ("QĐ 318/QĐ-TTg", a province's decision): shown beside the target.
ALTER TABLE indicator ADD COLUMN target_source TEXT;

-- A code is once per criterion among the national indicators and once
-- per plan among a plan's own: 2024's 12.KH1 and 2025's 12.KH1 are two
-- rows (their measurements stay with the one they were recorded for).
DROP INDEX indicator_code;
CREATE UNIQUE INDEX indicator_code ON indicator(criterion_id, code,
                                                coalesce(plan_id, ''));

-- Where a carried-over task came from when the earlier plan is not in
-- this file (a plan imported from plan text into a fresh file):
-- "32/KH-UBND #5", the plan's number and the task's number there, kept
-- as words so that nothing the file said is lost; NULL when carried_from
-- links the task itself or the task was not carried over.
ALTER TABLE task ADD COLUMN carried_from_text TEXT;
