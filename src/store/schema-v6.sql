-- ntm schema, version 6: a task's difficulties (vướng mắc) and the
-- proposal that goes with them (đề xuất), fields of their own that the
-- written report lists by sector (parts II and IV of a periodic report).
ALTER TABLE task ADD COLUMN issue TEXT;
ALTER TABLE task ADD COLUMN proposal TEXT;
