-- 0019_sync_marks (issue 23): a counter that Durable and Probe increment. A write that stores a
-- value equal to the one on the page is not written at all (SQLite compares before it dirties the
-- page), so a commit of it writes no WAL frame and syncs nothing; a counter always changes.
CREATE TABLE sync_marks (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	marks INTEGER NOT NULL
);
INSERT INTO sync_marks (id, marks) VALUES (1, 0);
