package ledger

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFiles are the schema steps, named NNNN_what.sql. A shipped file is never edited: a
// database that already ran it would not run it again, so changes go in a new, higher file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// SchemaTooNewError says which versions clash; it wraps ErrSchemaTooNew for errors.Is.
type SchemaTooNewError struct {
	Database int // highest version recorded in the database
	Known    int // highest version this binary embeds
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("ledger schema version %d is newer than this tonghop binary knows (%d): upgrade tonghop",
		e.Database, e.Known)
}

// Unwrap makes errors.Is(err, ErrSchemaTooNew) true.
func (e *SchemaTooNewError) Unwrap() error { return ErrSchemaTooNew }

// loadMigrations reads the embedded steps in version order.
func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var out []migration
	for _, name := range names {
		base := path.Base(name)
		prefix, _, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(prefix)
		if err != nil || version < 1 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number", base)
		}
		text, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", base, err)
		}
		out = append(out, migration{version: version, name: base, sql: string(text)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a version", out[i-1].name, out[i].name)
		}
	}
	return out, nil
}

// migrate refuses a too-new schema and applies the missing steps, each in its own transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	steps, err := loadMigrations()
	if err != nil {
		return err
	}
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`
	if _, err := db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	current, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	known := 0
	if len(steps) > 0 {
		known = steps[len(steps)-1].version
	}
	if current > known {
		return &SchemaTooNewError{Database: current, Known: known}
	}
	for _, step := range steps {
		if step.version <= current {
			continue
		}
		if err := applyMigration(ctx, db, step); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one step unless another process applied it meanwhile (the transaction holds
// the write lock from BEGIN, so the check and the step cannot interleave with another Open).
func applyMigration(ctx context.Context, db *sql.DB, step migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: begin: %w", step.name, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var done int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`,
		step.version).Scan(&done)
	if err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, step.sql); err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	// The one place the ledger reads the clock: Open has no caller-supplied time, and this column
	// is only bookkeeping for operators.
	appliedAt := encodeTime(time.Now())
	_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		step.version, appliedAt)
	if err != nil {
		return fmt.Errorf("migration %s: record: %w", step.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", step.name, err)
	}
	return nil
}

// schemaVersion is the highest recorded migration, 0 for a fresh database.
func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema_migrations: %w", err)
	}
	return int(v.Int64), nil
}
