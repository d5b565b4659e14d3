-- ntm schema, version 4: which action an undo (or a redo) undid, written
-- in the undo's own transaction, so the log and the full-screen program
-- can say "hoàn tác: thêm mục “Sân chơi” ở thôn Cự Đình" instead of the
-- rows the undo happened to write first. Not audited: like the audit
-- table itself, it only grows, and rows go with nothing but their action.
CREATE TABLE action_undo (
	action_id TEXT PRIMARY KEY,   -- the undo (or redo) action
	undoes    TEXT NOT NULL       -- the action it undid
) WITHOUT ROWID;
