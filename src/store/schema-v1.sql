-- ntm schema, version 1.
-- Every table edited by people has a random 128-bit text id (ntm_id()) and a
-- version counter; audit rows are written by the triggers that the store
-- generates from this schema (see store/audit.c), never by hand.
-- No column declares a custom collation: a plain sqlite3 shell must be able
-- to read and check this file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE unit (
    id        TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES unit(id),
    level     TEXT NOT NULL CHECK (level IN ('tinh', 'huyen', 'xa', 'thon')),
    name      TEXT NOT NULL,
    info      TEXT,                      -- e.g. "huyện Văn Lâm, tỉnh Hưng Yên"
    ord       INTEGER NOT NULL DEFAULT 0,
    version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE unit_alias (
    id      TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (unit_id, name)
);

CREATE TABLE plan (
    id        TEXT PRIMARY KEY,
    unit_id   TEXT NOT NULL REFERENCES unit(id),
    year      INTEGER NOT NULL,
    number    TEXT NOT NULL,             -- "32/KH-UBND"
    issued_on TEXT,                      -- calendar date YYYY-MM-DD
    title     TEXT NOT NULL,
    signer    TEXT,
    version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_unit ON plan(unit_id, year);

CREATE TABLE sector (
    id         TEXT PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,     -- ASCII, stable: 'giao_thong'
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL,            -- the tab's label
    ord        INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE criteria_set (
    id      TEXT PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,        -- 'ntm', 'ntm_nc', 'kdc_km'
    name    TEXT NOT NULL,
    level   TEXT NOT NULL,               -- unit level it applies to
    source  TEXT,                        -- legal basis
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE criterion (
    id        TEXT PRIMARY KEY,
    set_id    TEXT NOT NULL REFERENCES criteria_set(id),
    sector_id TEXT REFERENCES sector(id),
    number    INTEGER NOT NULL,
    name      TEXT NOT NULL,
    grp       TEXT,                      -- group, e.g. 'II Hạ tầng KT–XH'
    version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (set_id, number)
);

CREATE TABLE indicator (
    id           TEXT PRIMARY KEY,
    criterion_id TEXT NOT NULL REFERENCES criterion(id),
    code         TEXT NOT NULL,          -- '12.2', or '12.KH1' for a plan's own
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('bool', 'percent', 'number')),
    comparator   TEXT NOT NULL CHECK (comparator IN ('>=', '<=', '=', '>', '<')),
    target       REAL,                   -- national target; NULL = unknown
    unit_label   TEXT,                   -- '%', 'triệu đồng/người/năm', 'm²/người'
    source       TEXT NOT NULL,          -- where wording and target come from
    verified     INTEGER NOT NULL DEFAULT 0,
    plan_id      TEXT REFERENCES plan(id) ON DELETE CASCADE, -- set for a plan's own
    ord          INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX indicator_code ON indicator(criterion_id, code);
CREATE INDEX indicator_plan ON indicator(plan_id);

CREATE TABLE plan_target (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    comparator   TEXT NOT NULL CHECK (comparator IN ('>=', '<=', '=', '>', '<')),
    value        REAL NOT NULL,
    note         TEXT,                   -- the plan's own wording
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (plan_id, indicator_id)
);

CREATE TABLE measurement (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    unit_id      TEXT NOT NULL REFERENCES unit(id),
    value        REAL NOT NULL,
    as_of        TEXT NOT NULL,          -- calendar date YYYY-MM-DD
    note         TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,          -- UTC, ISO 8601
    seq          INTEGER NOT NULL,       -- order of recording, not the clock
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX measurement_latest ON measurement(indicator_id, unit_id, as_of, seq);

CREATE TABLE task (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    sector_id      TEXT NOT NULL REFERENCES sector(id),
    title          TEXT NOT NULL,
    detail         TEXT,
    responsible    TEXT,
    due            TEXT,                 -- calendar date
    status         TEXT NOT NULL DEFAULT 'chua_bat_dau'
                   CHECK (status IN ('chua_bat_dau', 'dang_thuc_hien', 'hoan_thanh', 'tam_dung')),
    progress       INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    budget_planned REAL,
    budget_spent   REAL,
    note           TEXT,
    ord            INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX task_plan ON task(plan_id, sector_id, ord);

CREATE TABLE checklist_template (
    id      TEXT PRIMARY KEY,
    set_id  TEXT REFERENCES criteria_set(id),
    title   TEXT NOT NULL,
    ord     INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE checklist_item (
    id          TEXT PRIMARY KEY,
    unit_id     TEXT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    template_id TEXT REFERENCES checklist_template(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_on     TEXT,                    -- calendar date
    done_by     TEXT,
    note        TEXT,
    ord         INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (unit_id, title)
);
CREATE INDEX checklist_item_unit ON checklist_item(unit_id, ord);

CREATE TABLE audit (
    id        TEXT PRIMARY KEY,
    seq       INTEGER NOT NULL,          -- local order of writing
    action_id TEXT NOT NULL,             -- rows of one user action share it
    verb      TEXT NOT NULL,             -- what the user did: 'set', 'target', …
    at        TEXT NOT NULL,             -- UTC, ISO 8601
    os_user   TEXT NOT NULL,
    person    TEXT,                      -- configured name (NTM_USER / config)
    entity    TEXT NOT NULL,             -- table name
    entity_id TEXT NOT NULL,
    before    TEXT,                      -- JSON image of the whole row, NULL on insert
    after     TEXT                       -- JSON image of the whole row, NULL on delete
);
CREATE INDEX audit_seq ON audit(seq);
CREATE INDEX audit_action ON audit(action_id);

-- The context of the user action under way: one row, written at the start
-- of the action's transaction and deleted before it commits. The audit
-- triggers copy it into every audit row (so a plain sqlite3 shell, which
-- never writes it, leaves no half-made audit rows).
CREATE TABLE action_ctx (
    action_id TEXT NOT NULL,
    verb      TEXT NOT NULL,
    os_user   TEXT NOT NULL,
    person    TEXT
);
