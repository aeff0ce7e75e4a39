-- A scheduled mail that is no longer needed is cancelled, not sent: a reminder whose unit has
-- sent its file meanwhile, or one superseded by a later step for the same unit. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with the new status allowed.
CREATE TABLE outbox_new (
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
	status      TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	last_error  TEXT    NOT NULL DEFAULT '',
	message_id  TEXT    NOT NULL DEFAULT '',
	created_at  TEXT    NOT NULL,
	sent_at     TEXT    NOT NULL DEFAULT ''
);
INSERT INTO outbox_new SELECT id, key, kind, to_addrs, cc_addrs, subject, body, attachments, in_reply_to,
	refs, not_before, status, attempts, last_error, message_id, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, not_before, id);
CREATE INDEX outbox_created ON outbox (created_at);
