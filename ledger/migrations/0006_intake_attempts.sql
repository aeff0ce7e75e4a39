-- 0006_intake_attempts: a marker for each received mail being judged, written and committed
-- before the mail is parsed. A mail whose judging began and never ended (the process crashed or
-- was killed for its memory) or ran out of its budget, twice, is quarantined unread: one mail can
-- never stop intake. The marker is done when the mail is recorded.
CREATE TABLE intake_attempts (
	sha256        TEXT PRIMARY KEY,           -- of the raw mail, as mails.sha256
	started       INTEGER NOT NULL,           -- tries that began
	ended         INTEGER NOT NULL DEFAULT 0, -- tries that ended without recording the mail
	out_of_budget INTEGER NOT NULL DEFAULT 0, -- of those, the tries that ran out of the mail's budget
	first_at      TEXT    NOT NULL,
	last_at       TEXT    NOT NULL,
	done_at       TEXT    NOT NULL DEFAULT '' -- when the mail was recorded; '' while it is not
);
