-- 0018_outbox_recipients (issue 23, part D): the reply limit counts the automatic answers an
-- address got in the last hour (CountMailTo). Reading the recipients of every answer of the hour
-- made a drain of n mails cost n² / 2 row reads; this table finds the few with the address's
-- local part through an index. It is a prefilter: CountMailTo still compares every address it
-- returns by address.Key.
--
-- local is the part before the first '@' of each To and Cc address, with what Go's
-- strings.TrimSpace removes taken from its front and its ASCII letters lower-cased (SQLite's
-- lower() folds ASCII only): for an address with a canonical form (one '@', a plain ASCII local
-- part) that is its canonical local part. An address without '@' has no row.
CREATE TABLE outbox_recipients (
	outbox_id  INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
	local      TEXT    NOT NULL,
	created_at TEXT    NOT NULL
);
CREATE INDEX outbox_recipients_local ON outbox_recipients (local, created_at);
CREATE INDEX outbox_recipients_outbox ON outbox_recipients (outbox_id);

CREATE TRIGGER outbox_recipients_insert AFTER INSERT ON outbox BEGIN
	INSERT INTO outbox_recipients (outbox_id, local, created_at)
	SELECT NEW.id, lower(substr(a, 1, instr(a, '@') - 1)), NEW.created_at FROM (
		SELECT ltrim(value, char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198,
			8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS a
		FROM (SELECT value FROM json_each(NEW.to_addrs) UNION ALL SELECT value FROM json_each(NEW.cc_addrs))
	) WHERE instr(a, '@') > 1;
END;

INSERT INTO outbox_recipients (outbox_id, local, created_at)
SELECT id, lower(substr(a, 1, instr(a, '@') - 1)), created_at FROM (
	SELECT o.id, o.created_at, ltrim(r.value, char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195,
		8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS a
	FROM outbox o, json_each(o.to_addrs) r
	UNION ALL
	SELECT o.id, o.created_at, ltrim(r.value, char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195,
		8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS a
	FROM outbox o, json_each(o.cc_addrs) r
) WHERE instr(a, '@') > 1;
