-- ntm schema, version 9: the money of the plan's works (doc/money.md).
-- Amounts are whole đồng (INTEGER). A task's total cost (dự toán, tổng
-- mức) is its column budget_planned, there since schema 1 and unused
-- until now (kept a column of the task so that it travels and is undone
-- with it; budget_spent stays unused: what was paid is the sum of the
-- entries below).

-- Where the money comes from: data people extend (ntm fund source add).
-- The built-in sources have the same id in every file, so entries naming
-- them travel between copies that were migrated separately.
CREATE TABLE fund_source (
	id      TEXT PRIMARY KEY,
	code    TEXT NOT NULL UNIQUE,   -- folded name, as a sector's code
	name    TEXT NOT NULL,
	ord     INTEGER NOT NULL DEFAULT 0,
	version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO fund_source(id, code, name, ord) VALUES
  ('00000000000000000000000000f00001', 'ns_trung_uong', 'Ngân sách Trung ương', 1),
  ('00000000000000000000000000f00002', 'ns_tinh',       'Ngân sách tỉnh', 2),
  ('00000000000000000000000000f00003', 'ns_huyen',      'Ngân sách huyện', 3),
  ('00000000000000000000000000f00004', 'ns_xa',         'Ngân sách xã (cả tiền đấu giá quyền sử dụng đất)', 4),
  ('00000000000000000000000000f00005', 'long_ghep',     'Vốn lồng ghép', 5),
  ('00000000000000000000000000f00006', 'tin_dung',      'Vốn tín dụng', 6),
  ('00000000000000000000000000f00007', 'doanh_nghiep',  'Doanh nghiệp', 7),
  ('00000000000000000000000000f00008', 'nhan_dan',      'Nhân dân đóng góp', 8),
  ('00000000000000000000000000f00009', 'con_em',        'Con em xa quê', 9),
  ('00000000000000000000000000f0000a', 'khac',          'Nguồn khác', 10);

-- The capital a task plans from one source (kế hoạch vốn).
CREATE TABLE fund_plan (
	id        TEXT PRIMARY KEY,
	task_id   TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	source_id TEXT NOT NULL REFERENCES fund_source(id),
	amount    INTEGER NOT NULL CHECK (amount >= 0),
	version   INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX fund_plan_key ON fund_plan(task_id, source_id);

-- Money received, paid out (giải ngân) and work completed (giá trị khối
-- lượng hoàn thành), dated. Never edited: a mistake is undone, or
-- corrected by a reversing entry (amount negative, `reverses` naming the
-- entry, the reason in its note). No foreign key on `reverses`, so that
-- rows never need an order among themselves.
CREATE TABLE fund_entry (
	id          TEXT PRIMARY KEY,
	task_id     TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	kind        TEXT NOT NULL CHECK (kind IN ('received', 'paid', 'completed')),
	source_id   TEXT REFERENCES fund_source(id),
	amount      INTEGER NOT NULL CHECK (amount <> 0),
	on_date     TEXT NOT NULL,         -- calendar date
	doc         TEXT,                  -- số chứng từ
	note        TEXT,
	reverses    TEXT,                  -- fund_entry(id) it corrects
	recorded_by TEXT,
	recorded_at TEXT,                  -- UTC, ISO 8601
	version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX fund_entry_task ON fund_entry(task_id, kind, source_id);
-- Whether an entry was reversed, read for every entry listed.
CREATE INDEX fund_entry_reverses ON fund_entry(reverses) WHERE reverses IS NOT NULL;
