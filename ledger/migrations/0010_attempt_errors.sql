-- 0010_attempt_errors: how the last try to take in a mail failed, and how many tries in a row
-- failed that same way, so that a mail whose handling fails the same way again and again is set
-- aside (the mailbox's Failed folder, the clerks told) instead of holding up the mail behind it.
ALTER TABLE intake_attempts ADD COLUMN last_error  TEXT    NOT NULL DEFAULT '';
ALTER TABLE intake_attempts ADD COLUMN same_errors INTEGER NOT NULL DEFAULT 0;
