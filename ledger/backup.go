package ledger

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// Snapshot writes a consistent copy of the database in dir to dst with SQLite's VACUUM INTO,
// while a running daemon keeps reading and writing: the copy is one read transaction's view
// (WAL lets writers go on beside it), compacted and with no -wal file to carry along, which a
// plain copy of a live ledger.db cannot promise. dst must not exist; it is created 0600.
//
// The database is opened read-only and never migrated: a newer binary taking a backup before an
// upgrade must not change the ledger the old daemon is still running on. Snapshot returns the
// schema version the copy holds.
//
// Blobs are not copied here. A blob is written before any row names it, so blobs copied after
// Snapshot returns include every one the copy refers to.
func Snapshot(ctx context.Context, dir, dst string) (schema int, err error) {
	if _, err := os.Stat(filepath.Join(dir, dbFile)); err != nil {
		return 0, fmt.Errorf("snapshot ledger: %w", err)
	}
	// An empty file of the right mode first: VACUUM INTO accepts an empty target, and the copy
	// of every mail the office received never passes through the umask's mode.
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, dbMode)
	if err != nil {
		return 0, fmt.Errorf("snapshot ledger: %w", err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("snapshot ledger: %w", err)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(dir))
	if err != nil {
		return 0, fmt.Errorf("snapshot ledger: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return 0, fmt.Errorf("snapshot ledger: %w", err)
	}
	return snapshotSchema(ctx, dst)
}

// snapshotSchema reads the schema version of a copied database and checks the copy is whole.
func snapshotSchema(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()+"?mode=ro")
	if err != nil {
		return 0, fmt.Errorf("check snapshot: %w", err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return 0, fmt.Errorf("check snapshot: %w", err)
	}
	if result != "ok" {
		return 0, fmt.Errorf("check snapshot: %s", result)
	}
	v, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("check snapshot: %w", err)
	}
	return v, nil
}

// readOnlyDSN opens the ledger in dir for reading only, waiting for a writer's lock as the
// daemon's connections do.
func readOnlyDSN(dir string) string {
	path := filepath.ToSlash(filepath.Join(dir, dbFile))
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&_pragma=busy_timeout(5000)"
}
