-- 0005_outbox_about: what a scheduled mail asks for, in columns of its own, so that nobody reads
-- it back out of the key (a key is the mail's identity only). The scheduler fills them in for
-- templates (step 0), reminders and nags (step is their number); other mail leaves them empty.
ALTER TABLE outbox ADD COLUMN form   TEXT    NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN period TEXT    NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN unit   TEXT    NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN step   INTEGER NOT NULL DEFAULT 0;

-- Scheduled mail queued before this step gets its columns from its key, the last time a key is
-- read: "template:FORM:PERIOD:UNIT", "reminder:FORM:PERIOD:UNIT:N" and "nag:FORM:PERIOD:UNIT:N".
-- No part contains a colon (a unit code and a period cannot, and the configuration refuses one
-- in a form code), so each part is the text up to the next colon.
WITH
	k1 AS (SELECT id, kind, substr(key, length(kind) + 2) AS rest FROM outbox
		WHERE kind IN ('template', 'reminder', 'nag') AND substr(key, 1, length(kind) + 1) = kind || ':'),
	k2 AS (SELECT id, kind, substr(rest, 1, instr(rest, ':') - 1) AS form,
		substr(rest, instr(rest, ':') + 1) AS rest FROM k1 WHERE instr(rest, ':') > 0),
	k3 AS (SELECT id, kind, form, substr(rest, 1, instr(rest, ':') - 1) AS period,
		substr(rest, instr(rest, ':') + 1) AS rest FROM k2 WHERE instr(rest, ':') > 0),
	parts AS (
		SELECT id, form, period, rest AS unit, 0 AS step FROM k3
			WHERE kind = 'template' AND instr(rest, ':') = 0
		UNION ALL
		SELECT id, form, period, substr(rest, 1, instr(rest, ':') - 1) AS unit,
			CAST(substr(rest, instr(rest, ':') + 1) AS INTEGER) AS step FROM k3
			WHERE kind IN ('reminder', 'nag') AND instr(rest, ':') > 0)
UPDATE outbox SET form = parts.form, period = parts.period, unit = parts.unit, step = parts.step
	FROM parts WHERE outbox.id = parts.id;
