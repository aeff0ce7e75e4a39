-- 0004_drafts_approvals: the consolidated reports tonghop builds and the approval of each period.

-- One row per consolidated workbook built for a form and period. Versions count up per (form,
-- period); a draft is never changed, a newer version replaces it.
CREATE TABLE drafts (
	id          INTEGER PRIMARY KEY,
	form        TEXT    NOT NULL,
	period      TEXT    NOT NULL,
	version     INTEGER NOT NULL CHECK (version >= 1),
	file_name   TEXT    NOT NULL,
	file_sha256 TEXT    NOT NULL CHECK (length(file_sha256) = 64),
	-- The submissions counted, as a JSON object {unit: submission version}: a draft is stale when
	-- the ledger's latest valid versions no longer match it.
	basis       TEXT    NOT NULL DEFAULT '{}',
	trigger     TEXT    NOT NULL CHECK (trigger IN ('all_in', 'deadline', 'demand', 'resubmission', 'edited')),
	author      TEXT    NOT NULL DEFAULT '', -- '' when tonghop built it, else the person id (an edited workbook)
	mail_id     INTEGER REFERENCES mails (id) ON DELETE RESTRICT, -- the mail carrying an edited workbook
	built_at    TEXT    NOT NULL,
	UNIQUE (form, period, version)
);

-- The approval of one form's period: the state machine of package approval, as JSON. Revision
-- counts updates, so two writers cannot overwrite each other's step unnoticed.
CREATE TABLE approvals (
	form       TEXT    NOT NULL,
	period     TEXT    NOT NULL,
	state      TEXT    NOT NULL,
	revision   INTEGER NOT NULL CHECK (revision >= 1),
	updated_at TEXT    NOT NULL,
	PRIMARY KEY (form, period)
);
