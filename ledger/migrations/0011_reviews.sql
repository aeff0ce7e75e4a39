-- 0011_reviews (issue 19, part V): the unit's supervising leader. One row per valid file of a
-- form whose units' supervisor gets a copy (mode copy) or must give a view first (review, or
-- approve for a unit's own plan). A file under review or approval counts only once agreed.
CREATE TABLE reviews (
	submission_id   INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE RESTRICT,
	mode            TEXT    NOT NULL CHECK (mode IN ('copy', 'review', 'approve')),
	state           TEXT    NOT NULL DEFAULT 'pending'
		CHECK (state IN ('pending', 'copied', 'agreed', 'returned', 'superseded')),
	supervisor      TEXT    NOT NULL,            -- the person id the file goes to
	due             TEXT    NOT NULL DEFAULT '', -- when the supervisor's view is due; '' none
	request_key     TEXT    NOT NULL DEFAULT '', -- outbox key of the request (or the copy)
	requested_at    TEXT    NOT NULL DEFAULT '', -- '' while not sent
	reminders       INTEGER NOT NULL DEFAULT 0,
	asked           INTEGER NOT NULL DEFAULT 0,  -- unreadable answers the supervisor was asked again about
	overdue_told    INTEGER NOT NULL DEFAULT 0,  -- the clerks were told the view is overdue
	superseded_told INTEGER NOT NULL DEFAULT 0,  -- the supervisor was told a newer file replaced it
	comment         TEXT    NOT NULL DEFAULT '', -- the supervisor's words, verbatim
	decided_by      TEXT    NOT NULL DEFAULT '',
	decided_at      TEXT    NOT NULL DEFAULT '',
	answer_sha256   TEXT    NOT NULL DEFAULT '', -- the mail that carried the decision
	revision        INTEGER NOT NULL DEFAULT 0   -- bumped by every save: a stale save is refused
);
CREATE INDEX reviews_state ON reviews (state);
