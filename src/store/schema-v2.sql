-- ntm schema, version 2: the search index.
-- search holds a folded copy of every searchable text (đ/Đ → d/D in SQL;
-- case and marks are removed by the unicode61 tokenizer with
-- remove_diacritics 2), so "duong" finds "Đường". search_doc says which
-- row and field each entry comes from. Both are kept current by triggers
-- that the store generates (store/search.c) in plain SQL, so a plain
-- sqlite3 shell can still write to the file.

CREATE TABLE search_doc (
    docid  INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    ref    TEXT NOT NULL,
    field  TEXT NOT NULL,
    UNIQUE (entity, ref, field)
);

CREATE VIRTUAL TABLE search USING fts5(
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
