-- 0014_register (issue 20, part R): the register of outgoing documents (sổ văn bản đi, Decree
-- 30/2020/NĐ-CP): one row per numbered document, recorded in the transaction of the issue it
-- numbers. A sequence counts from 1 on 1 January (the office's time zone) and is printed with
-- the form's symbol: "125/BC-BQL". A replacement issued after a correction is a new document
-- with a new number; `replaces` names the number it replaces.
--   how: auto (tonghop took the next number), registry (the registry clerk gave it by reply:
--   person is her id, mail_sha256 her reply).
CREATE TABLE register (
	year        INTEGER NOT NULL CHECK (year >= 2000),
	sequence    INTEGER NOT NULL CHECK (sequence >= 1),
	number      TEXT    NOT NULL,               -- as printed: "125/BC-BQL"
	symbol      TEXT    NOT NULL,
	form        TEXT    NOT NULL,
	period      TEXT    NOT NULL,
	issue       INTEGER NOT NULL,               -- issues.number of the form's period
	version     INTEGER NOT NULL,               -- the draft issued
	dated       TEXT    NOT NULL,               -- the document's date where the office is: "2026-12-08"
	how         TEXT    NOT NULL CHECK (how IN ('auto', 'registry')),
	person      TEXT    NOT NULL DEFAULT '',
	mail_sha256 TEXT    NOT NULL DEFAULT '',
	replaces    TEXT    NOT NULL DEFAULT '',
	numbered_at TEXT    NOT NULL,
	PRIMARY KEY (year, sequence),
	UNIQUE (year, number),
	UNIQUE (form, period, issue)
	-- No foreign key to issues: the register is kept when a period's records are purged (the
	-- decree keeps the sổ văn bản đi itself), and its rows say what each number was.
);

-- An approved report of a form numbered by the registry clerk waits here for her number: the
-- approval's issue action (JSON) is carried out when her reply gives one. asked counts the
-- letters that asked her (the first and each ask again), reminded the reminders sent.
CREATE TABLE register_waits (
	form       TEXT    NOT NULL,
	period     TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	action     TEXT    NOT NULL,
	since      TEXT    NOT NULL,
	asked      INTEGER NOT NULL DEFAULT 1,
	reminded   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (form, period)
);
