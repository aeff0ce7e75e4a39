-- 0001_init: the first ledger schema. A shipped migration is never edited; add 0002_… instead.
-- Times are UTC text in a fixed-width RFC 3339 form ('' when unknown), so text order is time order.

-- One row per message read from the shared mailbox, whatever became of it.
CREATE TABLE mails (
	id           INTEGER PRIMARY KEY,
	sha256       TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
	message_id   TEXT    NOT NULL DEFAULT '',
	from_addr    TEXT    NOT NULL DEFAULT '',
	subject      TEXT    NOT NULL DEFAULT '',
	date         TEXT    NOT NULL DEFAULT '',
	size         INTEGER NOT NULL DEFAULT 0,
	mailbox      TEXT    NOT NULL DEFAULT '',
	uid_validity INTEGER NOT NULL DEFAULT 0,
	uid          INTEGER NOT NULL DEFAULT 0,
	received_at  TEXT    NOT NULL,
	outcome      TEXT    NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'ignored', 'quarantined', 'error')),
	note         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mails_message_id ON mails (message_id);

-- One row per workbook a unit sent for a form and period; versions count up per (form, period, unit).
CREATE TABLE submissions (
	id          INTEGER PRIMARY KEY,
	mail_id     INTEGER NOT NULL REFERENCES mails (id) ON DELETE RESTRICT,
	form        TEXT    NOT NULL,
	unit        TEXT    NOT NULL,
	period      TEXT    NOT NULL,
	version     INTEGER NOT NULL CHECK (version >= 1),
	file_name   TEXT    NOT NULL DEFAULT '',
	file_sha256 TEXT    NOT NULL DEFAULT '',
	valid       INTEGER NOT NULL CHECK (valid IN (0, 1)),
	late        INTEGER NOT NULL CHECK (late IN (0, 1)),
	data        TEXT,
	problems    TEXT,
	received_at TEXT    NOT NULL,
	UNIQUE (form, period, unit, version)
);
CREATE INDEX submissions_mail ON submissions (mail_id);

-- Reporting periods of each form, created once and then only closed.
CREATE TABLE periods (
	form      TEXT NOT NULL,
	period    TEXT NOT NULL,
	start_at  TEXT NOT NULL,
	end_at    TEXT NOT NULL,
	deadline  TEXT NOT NULL,
	status    TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	opened_at TEXT NOT NULL,
	PRIMARY KEY (form, period)
);

-- Mail to send. The key makes enqueueing idempotent: a retried decision never mails twice.
CREATE TABLE outbox (
	id          INTEGER PRIMARY KEY,
	key         TEXT    NOT NULL UNIQUE CHECK (key <> ''),
	kind        TEXT    NOT NULL,
	to_addrs    TEXT    NOT NULL DEFAULT '[]',
	cc_addrs    TEXT    NOT NULL DEFAULT '[]',
	subject     TEXT    NOT NULL DEFAULT '',
	body        TEXT    NOT NULL DEFAULT '',
	attachments TEXT    NOT NULL DEFAULT '[]',
	in_reply_to TEXT    NOT NULL DEFAULT '',
	refs        TEXT    NOT NULL DEFAULT '[]',
	not_before  TEXT    NOT NULL DEFAULT '',
	status      TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	last_error  TEXT    NOT NULL DEFAULT '',
	message_id  TEXT    NOT NULL DEFAULT '',
	created_at  TEXT    NOT NULL,
	sent_at     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (status, not_before, id);

-- The audit trail. Append-only: the triggers below refuse any change to a recorded event.
CREATE TABLE events (
	id     INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	actor  TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL CHECK (action <> ''),
	object TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_object ON events (object);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
	SELECT RAISE(ABORT, 'ledger events are append-only: update refused');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
	SELECT RAISE(ABORT, 'ledger events are append-only: delete refused');
END;

-- How far each mailbox folder has been read.
CREATE TABLE cursors (
	mailbox      TEXT    PRIMARY KEY,
	uid_validity INTEGER NOT NULL,
	last_uid     INTEGER NOT NULL
);
