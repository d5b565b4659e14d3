-- ntm built-in default content: the commune of Việt Hưng, its villages and
-- their checklists. Its 2024 NTM plan (Kế hoạch số 32/KH-UBND, 12/3/2024,
-- signed by Đặng Hồng Quân) is share/ntm/plan-2024.txt, in the plan text
-- format (man 5 ntm-plan), imported right after this file.
-- The plan file holds exactly what `ntm plan export` writes, so it has no
-- comments of its own; its editorial choices are kept here: targets' notes
-- are the plan's wording, with the one typo "trực chính" read as "trục
-- chính" for 2.4; 18.KH3's "ít nhất mô hình" (the count is missing) is read
-- as 1; a task's detail is the plan's full sentence(s), verbatim (page breaks
-- joined with one space), shared by the tasks that come from one sentence.
-- Loaded only by the default `ntm init`, after base.sql, in the same
-- transaction, with foreign_keys ON. Every id comes from ntm_id(); rows refer
-- to each other through names, numbers and codes. Foreign keys are scalar
-- subselects, so a misspelt code fails on a NOT NULL column instead of
-- silently dropping a row.
-- Facts come from shared/domain/ and the plan itself. All text is UTF-8 NFC.

-- Units. Districts are being abolished and communes merged, so names and
-- parents are data. Only the two villages named by the plan are known; the
-- officials add the others.
INSERT INTO unit(id, parent_id, level, name, info, ord)
VALUES (ntm_id(), NULL, 'xa', 'Việt Hưng', 'huyện Văn Lâm, tỉnh Hưng Yên', 0);

WITH v(ord, name) AS (VALUES
  (1, 'Cự Đình'),
  (2, 'Thục Cầu')
)
INSERT INTO unit(id, parent_id, level, name, info, ord)
SELECT ntm_id(),
       (SELECT id FROM unit WHERE level = 'xa' AND name = 'Việt Hưng'),
       'thon', name, NULL, ord
FROM v;

-- Spelling variants found in the sources ("Cự Đinh" in part 2.3 of the plan).
WITH v(unit_name, alias) AS (VALUES
  ('Cự Đình', 'Cự Đinh')
)
INSERT INTO unit_alias(id, unit_id, name)
SELECT ntm_id(),
       (SELECT u.id FROM unit u JOIN unit p ON p.id = u.parent_id
         WHERE u.level = 'thon' AND u.name = v.unit_name
           AND p.level = 'xa' AND p.name = 'Việt Hưng'),
       alias
FROM v;

-- Village checklists: the whole 'kdc_km' template copied to each village of
-- Việt Hưng. From here on the items belong to the village (edited per village).
INSERT INTO checklist_item(id, unit_id, template_id, title, done, ord)
SELECT ntm_id(), u.id, t.id, t.title, 0, t.ord
FROM unit u
JOIN unit p ON p.id = u.parent_id AND p.level = 'xa' AND p.name = 'Việt Hưng'
JOIN checklist_template t
  ON t.set_id = (SELECT id FROM criteria_set WHERE code = 'kdc_km')
WHERE u.level = 'thon' AND u.name IN ('Cự Đình', 'Thục Cầu')
ORDER BY u.ord, t.ord;
