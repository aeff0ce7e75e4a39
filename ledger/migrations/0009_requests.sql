-- 0009_requests: one-off requests (tonghop request): a numbered period of a form, asked of some
-- units by a date. Its period row (deadline, status) is in periods, written in the same
-- transaction.
CREATE TABLE requests (
	form       TEXT    NOT NULL,
	period     TEXT    NOT NULL,                              -- "2026-R03"
	year       INTEGER NOT NULL,
	number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
	title      TEXT    NOT NULL DEFAULT '',
	covers     TEXT    NOT NULL DEFAULT '',
	units      TEXT    NOT NULL,                              -- JSON array of unit codes, config order
	created_at TEXT    NOT NULL,
	created_by TEXT    NOT NULL,
	PRIMARY KEY (form, period),
	UNIQUE (form, year, number),
	FOREIGN KEY (form, period) REFERENCES periods (form, period)
);
