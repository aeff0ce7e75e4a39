-- 0008_corrections: what was issued, the corrections of an issued report, and the units' files
-- received after the issue with the Planning Office's decision on each.

-- One row per issue of a form's period: the first (number 1) and each replacement issued after a
-- correction. The report in force is the one with the highest number.
CREATE TABLE issues (
	form        TEXT    NOT NULL,
	period      TEXT    NOT NULL,
	number      INTEGER NOT NULL CHECK (number >= 1),
	version     INTEGER NOT NULL CHECK (version >= 1), -- the draft issued
	file_sha256 TEXT    NOT NULL DEFAULT '',            -- the stamped workbook sent
	issued_at   TEXT    NOT NULL,
	PRIMARY KEY (form, period, number)
);

-- Reports issued before this step, from their audit event: "v3 sha256=… approvals=…".
INSERT INTO issues (form, period, number, version, file_sha256, issued_at)
	SELECT a.form, a.period, 1,
		CAST(substr(e.detail, 2, instr(e.detail, ' ') - 2) AS INTEGER),
		CASE WHEN instr(e.detail, 'sha256=') > 0 THEN substr(e.detail, instr(e.detail, 'sha256=') + 7, 64) ELSE '' END,
		e.at
	FROM approvals a JOIN events e ON e.id = (SELECT min(id) FROM events
		WHERE action = 'report.issued' AND object = 'form:' || a.form || '/' || a.period)
	WHERE e.detail LIKE 'v%' AND CAST(substr(e.detail, 2, instr(e.detail, ' ') - 2) AS INTEGER) >= 1;

-- A correction of an issued report: opened by a leader's request for changes or by the clerks
-- taking in a file received after the issue; closed by the replacement it leads to. At most one
-- is open per form and period.
CREATE TABLE corrections (
	id        INTEGER PRIMARY KEY,
	form      TEXT    NOT NULL,
	period    TEXT    NOT NULL,
	replaces  INTEGER NOT NULL CHECK (replaces >= 1), -- the number of the issue corrected
	cause     TEXT    NOT NULL CHECK (cause IN ('leader', 'late_file')),
	opened_by TEXT    NOT NULL,                       -- the person id who asked or decided
	words     TEXT    NOT NULL DEFAULT '',            -- what they wrote, verbatim
	mail_id   INTEGER REFERENCES mails (id) ON DELETE RESTRICT,
	opened_at TEXT    NOT NULL,
	issued    INTEGER NOT NULL DEFAULT 0              -- the replacement's issue number; 0 while open
);
CREATE UNIQUE INDEX corrections_open ON corrections (form, period) WHERE issued = 0;

-- A unit's file recorded while its period was closed (the report issued): counted only once the
-- Planning Office decides to take it in. notice_key is the clerks' notice asking them to decide.
CREATE TABLE late_files (
	submission_id  INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE RESTRICT,
	after_issue    INTEGER NOT NULL DEFAULT 0, -- the number of the issue in force when it arrived
	notice_key     TEXT    NOT NULL,
	decision       TEXT    NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'taken', 'left_out')),
	asked          INTEGER NOT NULL DEFAULT 0, -- unclear answers the clerks were asked again about
	decided_by     TEXT    NOT NULL DEFAULT '',
	decided_at     TEXT    NOT NULL DEFAULT '',
	answer_mail_id INTEGER REFERENCES mails (id) ON DELETE RESTRICT
);
CREATE INDEX late_files_notice ON late_files (notice_key);

-- Files recorded after the close before this step carry the period_closed warning: they wait for
-- a decision, as a new one would.
INSERT INTO late_files (submission_id, after_issue, notice_key)
	SELECT s.id, coalesce((SELECT max(number) FROM issues i WHERE i.form = s.form AND i.period = s.period), 0),
		'notice:after-close:' || s.form || ':' || s.period || ':' || s.unit || ':v' || s.version
	FROM submissions s
	WHERE s.problems IS NOT NULL AND json_valid(s.problems) AND EXISTS (
		SELECT 1 FROM json_each(s.problems, '$.warnings') w WHERE json_extract(w.value, '$.code') = 'period_closed');

-- Issue mails say which form and period they carry, as scheduled mail does, so that a reply to
-- one is placed without reading its key: "issue:FORM:PERIOD" (no part contains a colon).
UPDATE outbox SET
	form = substr(key, 7, instr(substr(key, 7), ':') - 1),
	period = substr(substr(key, 7), instr(substr(key, 7), ':') + 1)
	WHERE kind = 'issue' AND substr(key, 1, 6) = 'issue:' AND instr(substr(key, 7), ':') > 0 AND form = '';
