-- ntm schema, version 3: "who changed this row last" is asked by every
-- task list, conflict check and undo; with this index it is one look-up
-- instead of a pass over the whole audit log (a million rows at a district).
CREATE INDEX audit_entity ON audit(entity, entity_id, seq);
