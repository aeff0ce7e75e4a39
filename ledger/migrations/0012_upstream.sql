-- 0012_upstream (issue 19, part 3): an upper office's template received in the shared mailbox,
-- to be filled from this office's issued report of the same period and sent back to it. One row
-- per upper office, its form and period; a template received again replaces the blob it keeps.
--   state: waiting (our report not issued yet), ready (filled from issue `issue`, goes at
--   send_after), held (the clerks held it back), sent (queued to the upper office), failed (it
--   could not be filled: note says why, the clerks were told).
CREATE TABLE upstream_requests (
	upstream        TEXT    NOT NULL,               -- [[upstream]] name
	form            TEXT    NOT NULL,               -- the upper office's form code
	period          TEXT    NOT NULL,               -- canonical: "2026-11"
	unit            TEXT    NOT NULL,               -- our unit code in the upper office
	reply_to        TEXT    NOT NULL,               -- the upper address the template came from
	template_sha256 TEXT    NOT NULL,
	mail_id         INTEGER NOT NULL REFERENCES mails (id),
	received_at     TEXT    NOT NULL,
	state           TEXT    NOT NULL CHECK (state IN ('waiting', 'ready', 'held', 'sent', 'failed')),
	issue           INTEGER NOT NULL DEFAULT 0,     -- the issue of ours last filled in (0: none)
	filled_sha256   TEXT    NOT NULL DEFAULT '',
	send_after      TEXT    NOT NULL DEFAULT '',
	note            TEXT    NOT NULL DEFAULT '',
	updated_at      TEXT    NOT NULL,
	PRIMARY KEY (upstream, form, period)
);
