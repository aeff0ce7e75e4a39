-- 0019_sync_marks (issue 23): a counter that Durable and Probe increment, so that their commit
-- always writes a WAL frame. A column set to the value it holds is not written at all (SQLite
-- compares before it dirties the page, measured with SQLite 3.40), and a commit that writes no
-- frame syncs nothing; a counter always changes.
CREATE TABLE sync_marks (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	marks INTEGER NOT NULL
);
INSERT INTO sync_marks (id, marks) VALUES (1, 0);
