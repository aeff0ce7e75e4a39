-- 0007_history_imports: figures of past periods brought in from files (tonghop import), so that
-- year to date and the same period last year are right from an office's first report. Both
-- tables are append-only: a figure imported again is a new row of a newer import, and the
-- figure in force is the one of the latest import that holds it (the older rows stay, for the
-- record of what was imported when).

-- One row per file imported.
CREATE TABLE history_imports (
	id          INTEGER PRIMARY KEY,
	at          TEXT    NOT NULL CHECK (at <> ''),
	-- past_workbook: a unit's own workbook of a past period, judged as the daemon judges mail;
	-- opening: the opening-figures workbook the office filled (unit × indicator × period).
	kind        TEXT    NOT NULL CHECK (kind IN ('past_workbook', 'opening')),
	file_name   TEXT    NOT NULL DEFAULT '',
	file_sha256 TEXT    NOT NULL CHECK (length(file_sha256) = 64), -- the file, kept as a blob
	imported_by TEXT    NOT NULL DEFAULT ''                        -- who or what imported it
);

-- One row per figure a file held: the same coordinates as a submission's data (table →
-- indicator → column), the value as the workbook reader normalised it.
CREATE TABLE history_figures (
	import_id INTEGER NOT NULL REFERENCES history_imports (id) ON DELETE RESTRICT,
	form      TEXT    NOT NULL CHECK (form <> ''),
	unit      TEXT    NOT NULL CHECK (unit <> ''),
	period    TEXT    NOT NULL CHECK (period <> ''),
	tbl       TEXT    NOT NULL CHECK (tbl <> ''),
	code      TEXT    NOT NULL CHECK (code <> ''),
	col       TEXT    NOT NULL CHECK (col <> ''),
	value     TEXT    NOT NULL,
	PRIMARY KEY (form, period, unit, tbl, code, col, import_id)
);

CREATE TRIGGER history_imports_no_update BEFORE UPDATE ON history_imports
BEGIN
	SELECT RAISE(ABORT, 'history imports are append-only: update refused');
END;

CREATE TRIGGER history_imports_no_delete BEFORE DELETE ON history_imports
BEGIN
	SELECT RAISE(ABORT, 'history imports are append-only: delete refused');
END;

CREATE TRIGGER history_figures_no_update BEFORE UPDATE ON history_figures
BEGIN
	SELECT RAISE(ABORT, 'imported figures are append-only: update refused');
END;

CREATE TRIGGER history_figures_no_delete BEFORE DELETE ON history_figures
BEGIN
	SELECT RAISE(ABORT, 'imported figures are append-only: delete refused');
END;
