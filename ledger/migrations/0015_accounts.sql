-- 0015_accounts (issue 22, part B): the board's accounts, their sessions and failed log-ins.
-- A password is kept only as its bcrypt hash; a session only as the sha256 of its random token,
-- so a copy of the database opens no session and reveals no password.
CREATE TABLE accounts (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL UNIQUE,
	role          TEXT    NOT NULL CHECK (role IN ('clerk', 'leader', 'viewer')),
	password_hash TEXT    NOT NULL,
	created_at    TEXT    NOT NULL
);
CREATE TABLE sessions (
	token_sha256 TEXT    PRIMARY KEY,                -- sha256 of the cookie's token, hex
	account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	csrf         TEXT    NOT NULL,                   -- the token every form of the session carries
	created_at   TEXT    NOT NULL,
	expires_at   TEXT    NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
-- One row per refused log-in, by the name typed and the client's address: the lock-out counts
-- them over a window. Kept apart from the audit trail (which records them too) so that old rows
-- can be dropped.
CREATE TABLE login_failures (
	id   INTEGER PRIMARY KEY,
	at   TEXT NOT NULL,
	name TEXT NOT NULL,
	addr TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures (name, at);
CREATE INDEX login_failures_addr ON login_failures (addr, at);
