package daemon

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"

	"github.com/tonghop/tonghop/config"
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
