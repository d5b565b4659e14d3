-- ntm schema, version 6: a task's difficulties (vướng mắc) and the
-- proposal that goes with them (đề xuất), fields of their own that the
-- written report lists by sector (parts II and IV of a periodic report).
ALTER TABLE task ADD COLUMN issue TEXT;
ALTER TABLE task ADD COLUMN proposal TEXT;
-- The report lists the changes of a period by the time they were written
-- (not by seq: a laptop's clock set wrong writes times out of order).
CREATE INDEX audit_at ON audit(at);
-- Which commune an audit row is about (NULL: shared data, every commune's),
-- so a file of many communes lists one commune's changes without working it
-- out again for every row read: written by a trigger as the row is written
-- (store_schema6_install), and for the rows already there by the migration.
ALTER TABLE audit ADD COLUMN unit_id TEXT;
