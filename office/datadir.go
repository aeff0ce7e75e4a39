package office

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
)

// ErrLocked is returned by Lock when another tonghop already runs on the data directory.
var ErrLocked = errors.New("another tonghop is already running on this data directory")

// Lock takes the exclusive lock of a data directory for the life of the process: two daemons
// on one ledger would poll the same mailbox and send every mail twice. The operating system
// drops the lock when the process dies, even by SIGKILL, so no stale lock survives a crash.
func Lock(dir string) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	fl := flock.New(filepath.Join(dir, "tonghop.lock"))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock data directory: %w", err)
	}
	if !ok {
		return nil, fmt.Errorf("%w (%s)", ErrLocked, dir)
	}
	return fl.Unlock, nil
}

// LoadTemplateKey returns the key that signs templates: the configured one, else the one kept in
// data_dir/template.key, created with 32 random bytes on first start.
func LoadTemplateKey(c *config.Config) ([]byte, error) {
	if c.Office.TemplateKey != "" {
		return []byte(c.Office.TemplateKey), nil
	}
	path := filepath.Join(c.DataDir, "template.key")
	b, err := os.ReadFile(path)
	if err == nil {
		return []byte(strings.TrimSpace(string(b))), nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read template key: %w", err)
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("make template key: %w", err)
	}
	key := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("write template key: %w", err)
	}
	return []byte(key), nil
}

// Site is an office opened on its data directory: the compiled office with its template key,
// the ledger, and, for a process that reads the mailbox or sends mail, the directory's lock.
type Site struct {
	Office *Office
	Ledger *ledger.Ledger
	unlock func() error
}

// Open is the wiring every process of an office starts with: it takes the data directory's
// lock (when lock is set: the daemon and the demo; not the commands that work beside a running
// daemon), opens the ledger, loads the template key and compiles the office.
func Open(ctx context.Context, c *config.Config, lock bool) (*Site, error) {
	s := &Site{unlock: func() error { return nil }}
	if lock {
		unlock, err := Lock(c.DataDir)
		if err != nil {
			return nil, err
		}
		s.unlock = unlock
	}
	var err error
	if s.Ledger, err = ledger.Open(ctx, c.DataDir); err != nil {
		_ = s.unlock()
		return nil, err
	}
	key, err := LoadTemplateKey(c)
	if err == nil {
		s.Office, err = Compile(c, key)
	}
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the ledger and releases the lock.
func (s *Site) Close() error {
	return errors.Join(s.Ledger.Close(), s.unlock())
}
