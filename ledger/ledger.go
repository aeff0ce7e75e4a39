// Package ledger is tonghop's memory: a SQLite database (plus a directory of content-addressed
// blobs) that records every mail read from the shared mailbox, every submission a unit made with
// its version and validation result, the reporting periods, the outbox of mail still to send and an
// append-only audit trail of events.
//
// It is the only package that speaks SQL. Each exported method is one transaction, so a decision
// taken about a received mail (its row, the submissions found in it, the replies to send and the
// events to log) is stored all at once or not at all; a crash between two steps never leaves a
// receipt without its submission or the other way round. The outbox is keyed by an idempotency
// key, so enqueueing the same reply twice stores and sends it once.
//
// Layout of a ledger directory: ledger.db (with its -wal and -shm files while open),
// ledger.open.lock (held while opening) and blobs/ab/cdef… (raw mails and attachments by sha256,
// see PutBlob). Back it up with Snapshot (a consistent copy of the live database) and then the
// blobs; a plain copy of ledger.db beside its -wal file is not safe while the ledger is open.
//
// The ledger does not read the clock (except to stamp applied migrations): callers pass times in,
// and they come back in UTC.
package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/gofrs/flock"
)

// ErrSchemaTooNew is wrapped by Open when the database was migrated by a newer tonghop than this
// one; running an old binary on it could misread or damage it.
var ErrSchemaTooNew = errors.New("ledger schema is newer than this binary")

// ErrNotFound is returned (wrapped) when a looked-up row or blob does not exist.
var ErrNotFound = errors.New("not found")

// ErrBlobCorrupt is returned (wrapped) by Blob when a file's content no longer matches the
// sha256 in its name.
var ErrBlobCorrupt = errors.New("blob content does not match its sha256")

// ErrNotClaimed is returned (wrapped) by MarkSent, MarkRetry and MarkFailed when the outbox mail is
// not in status "sending", that is it was not handed out by ClaimDue (or was already settled).
var ErrNotClaimed = errors.New("outbox mail is not claimed for sending")

// Ledger is an open ledger directory. It is safe for concurrent use.
type Ledger struct {
	dir  string
	root *os.Root // dir: every blob is written and read through it
	db   *sql.DB
}

// dsnParams are on every pooled connection, applied in order. busy_timeout comes first so that
// switching a fresh database to WAL waits for a concurrent opener instead of failing at once.
// _txlock=immediate makes every transaction take the write lock at BEGIN: a deferred transaction
// that reads and then writes cannot wait for a concurrent writer and fails at once with
// "database is locked", whatever the busy_timeout.
const dsnParams = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)" +
	"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens the ledger in dir, creating dir (0o750), dir/ledger.db and dir/blobs as needed, and
// brings the schema up to date. A schema newer than this binary knows is refused with an error
// wrapping ErrSchemaTooNew. The database and its -wal and -shm files are 0600 whatever the
// umask, and dir allows no more than 0750: they hold every mail the office received.
func Open(ctx context.Context, dir string) (*Ledger, error) {
	if dir == "" {
		return nil, errors.New("open ledger: empty directory")
	}
	root, err := openDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open ledger: %w", err)
	}
	db, err := openDB(ctx, dir, root)
	if err != nil {
		root.Close()
		return nil, err
	}
	return &Ledger{dir: dir, root: root, db: db}, nil
}

// openDB opens and migrates the database, its files private to the owner. Openers take turns
// until the schema is in place: the first connection of a fresh database switches it to WAL,
// which SQLite may refuse at once (no busy wait) while another process opens the same file.
// Afterwards the mode is stored in the file and the lock is not needed.
func openDB(ctx context.Context, dir string, root *os.Root) (*sql.DB, error) {
	lock := flock.New(filepath.Join(dir, "ledger.open.lock"),
		flock.SetFlag(os.O_CREATE|os.O_RDONLY|syscall.O_NOFOLLOW), flock.SetPermissions(dbMode))
	if _, err := lock.TryLockContext(ctx, 20*time.Millisecond); err != nil {
		return nil, fmt.Errorf("open ledger: lock: %w", err)
	}
	defer lock.Unlock() //nolint:errcheck // the lock is advisory and released on exit anyway
	// SQLite gives the -wal and -shm files the mode of the database, so the database is made
	// first, with its mode set, not left to the umask.
	if err := private(root, dbFile, true); err != nil {
		return nil, fmt.Errorf("open ledger: %w", err)
	}
	db := openCached(dsn(dir))
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open ledger %s: %w", dir, err)
	}
	for _, name := range []string{dbFile + "-wal", dbFile + "-shm"} {
		if err := private(root, name, false); err != nil {
			db.Close()
			return nil, fmt.Errorf("open ledger: %w", err)
		}
	}
	return db, nil
}

// dbFile is the database inside the ledger directory.
const dbFile = "ledger.db"

// dbMode is the mode of the database, its -wal and -shm files and the lock files.
const dbMode fs.FileMode = 0o600

// dirMode is the most the ledger directory and its blob folders allow.
const dirMode fs.FileMode = 0o750

// openDir creates dir and its blob folder if needed, takes away what dir allows beyond
// dirMode, and opens it as a root.
func openDir(dir string) (*os.Root, error) {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return nil, err
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if mode := info.Mode().Perm(); mode&^dirMode != 0 {
		if err := os.Chmod(dir, mode&dirMode); err != nil {
			return nil, err
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	if err := root.MkdirAll(blobDir, dirMode); err != nil {
		root.Close()
		return nil, err
	}
	return root, nil
}

// private sets name's mode to dbMode, creating the file first when create is set; a file
// that is not there and need not be is left alone.
func private(root *os.Root, name string, create bool) error {
	if create {
		f, err := root.OpenFile(name, os.O_RDWR|os.O_CREATE, dbMode)
		if err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	info, err := root.Lstat(name)
	switch {
	case !create && errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", name)
	case info.Mode().Perm() == dbMode:
		return nil
	}
	return root.Chmod(name, dbMode)
}

// dsn builds the database address. The path is escaped because SQLite reads it as a URI, where a
// '?', '#' or '%' in a directory name would otherwise be taken for syntax.
func dsn(dir string) string {
	path := filepath.ToSlash(filepath.Join(dir, dbFile))
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + dsnParams
}

// Close closes the database and the directory. Pending transactions are not interrupted.
func (l *Ledger) Close() error {
	if err := errors.Join(l.db.Close(), l.root.Close()); err != nil {
		return fmt.Errorf("close ledger: %w", err)
	}
	return nil
}

// Dir returns the directory the ledger lives in, for backups and diagnostics.
func (l *Ledger) Dir() string { return l.dir }

// SchemaVersion returns the highest migration applied to the database.
func (l *Ledger) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, l.db)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// inTx runs fn in one transaction, committing if it returns nil and rolling back otherwise.
func (l *Ledger) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback() // the error from fn is the one worth reporting
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// queryer is what read helpers need, so they run both inside a transaction and on the pool.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// timeLayout is RFC 3339 with a fixed nine-digit fraction: unlike time.RFC3339Nano, which drops
// trailing zeros, every stored instant has the same width, so comparing the text in SQL (as
// ClaimDue does) compares the times.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// encodeTime stores t in UTC; the zero time becomes "" (unknown), which sorts before every time.
func encodeTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// decodeTime reverses encodeTime.
func decodeTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// timeDecoder decodes several columns and keeps the first error, so scanners stay short.
type timeDecoder struct{ err error }

func (d *timeDecoder) time(s string) time.Time {
	t, err := decodeTime(s)
	if err != nil && d.err == nil {
		d.err = err
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
