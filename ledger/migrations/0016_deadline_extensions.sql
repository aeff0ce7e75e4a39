-- 0016_deadline_extensions (issue 22, part A): the clerk's actions on the board.

-- One unit's deadline moved later for one period of a form, by a clerk (the account's name).
-- Reminders, nags and lateness count from the latest extension; a later one replaces it.
CREATE TABLE deadline_extensions (
	id         INTEGER PRIMARY KEY,
	form       TEXT NOT NULL,
	period     TEXT NOT NULL,
	unit       TEXT NOT NULL,
	deadline   TEXT NOT NULL, -- the new deadline
	granted_by TEXT NOT NULL, -- the account that extended it
	reason     TEXT NOT NULL DEFAULT '',
	granted_at TEXT NOT NULL
);
CREATE INDEX deadline_extensions_period ON deadline_extensions (form, period, unit, id);

-- A clerk may start a correction of an issued report from the board: a third cause. SQLite cannot
-- change a CHECK, so the table is rebuilt with its rows and index.
CREATE TABLE corrections_new (
	id        INTEGER PRIMARY KEY,
	form      TEXT    NOT NULL,
	period    TEXT    NOT NULL,
	replaces  INTEGER NOT NULL CHECK (replaces >= 1),
	cause     TEXT    NOT NULL CHECK (cause IN ('leader', 'late_file', 'clerk')),
	opened_by TEXT    NOT NULL,
	words     TEXT    NOT NULL DEFAULT '',
	mail_id   INTEGER REFERENCES mails (id) ON DELETE RESTRICT,
	opened_at TEXT    NOT NULL,
	issued    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO corrections_new SELECT id, form, period, replaces, cause, opened_by, words, mail_id, opened_at, issued FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections_new RENAME TO corrections;
CREATE UNIQUE INDEX corrections_open ON corrections (form, period) WHERE issued = 0;
