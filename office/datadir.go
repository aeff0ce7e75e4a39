package office

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/gofrs/flock"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
)

// ErrLocked is returned by Lock when another tonghop already runs on the data directory.
var ErrLocked = errors.New("another tonghop is already running on this data directory")

// dirMode is the most a data directory or a folder in it allows: its owner writes, its group
// (the clerks who open the archive) reads, others nothing.
const dirMode fs.FileMode = 0o750

// OpenDataDir creates the data directory if needed (dirMode), takes away what it allows
// beyond dirMode, and opens it as a root: every write of the office goes through a root, so
// no name can leave the directory.
func OpenDataDir(dir string) (*os.Root, error) {
	if dir == "" {
		return nil, errors.New("data directory: not set")
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	if mode := info.Mode().Perm(); mode&^dirMode != 0 {
		if err := os.Chmod(dir, mode&dirMode); err != nil {
			return nil, fmt.Errorf("data directory: %w", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open data directory: %w", err)
	}
	return root, nil
}

// dataRoot is the office's data directory root: the one Open keeps, else (an office compiled
// without Open, as in tests) one opened for this call and closed by done.
func (o *Office) dataRoot() (root *os.Root, done func(), err error) {
	if o.root != nil {
		return o.root, func() {}, nil
	}
	root, err = OpenDataDir(o.DataDir)
	if err != nil {
		return nil, nil, err
	}
	return root, func() { root.Close() }, nil
}

// writeFile makes rel inside root hold data: its folders created (dirMode), the data written
// to a temporary file beside it and renamed into place, so that a reader never sees half a
// file and a symbolic link at rel is replaced, never written through.
func writeFile(root *os.Root, rel string, data []byte, perm fs.FileMode) error {
	return placeFile(root, rel, data, perm, root.Rename)
}

// placeFile writes data to a temporary file beside rel, then puts it in place with place
// (Rename replaces rel; Link fails if rel exists) and removes what is left of it.
func placeFile(root *os.Root, rel string, data []byte, perm fs.FileMode, place func(tmp, rel string) error) error {
	dir := filepath.Dir(rel)
	if err := root.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	var raw [8]byte
	_, _ = rand.Read(raw[:])
	tmp := filepath.Join(dir, ".tmp-"+hex.EncodeToString(raw[:]))
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err = errors.Join(err, f.Sync(), f.Close()); err == nil {
		err = place(tmp, rel)
	}
	if rmErr := root.Remove(tmp); err == nil && !errors.Is(rmErr, fs.ErrNotExist) {
		err = rmErr
	}
	return err
}

// Lock takes the exclusive lock of a data directory for the life of the process: two daemons
// on one ledger would poll the same mailbox and send every mail twice. The operating system
// drops the lock when the process dies, even by SIGKILL, so no stale lock survives a crash.
// The lock file is 0600 and never a symbolic link.
func Lock(dir string) (unlock func() error, err error) {
	root, err := OpenDataDir(dir)
	if err != nil {
		return nil, err
	}
	root.Close()
	fl := flock.New(filepath.Join(dir, "tonghop.lock"),
		flock.SetFlag(os.O_CREATE|os.O_RDONLY|syscall.O_NOFOLLOW), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock data directory: %w", err)
	}
	if !ok {
		return nil, fmt.Errorf("%w (%s)", ErrLocked, dir)
	}
	return fl.Unlock, nil
}

// templateKeyFile holds the template key an office did not configure.
const templateKeyFile = "template.key"

// LoadTemplateKey returns the key that signs templates: the configured one, else the one kept in
// data_dir/template.key, created (0600) with 32 random bytes on first start.
func LoadTemplateKey(c *config.Config) ([]byte, error) {
	if c.Office.TemplateKey != "" {
		return []byte(c.Office.TemplateKey), nil
	}
	root, err := OpenDataDir(c.DataDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return loadTemplateKey(c, root)
}

// loadTemplateKey is LoadTemplateKey inside the data directory's root. The file appears with
// its content or not at all, and two processes starting at once agree on one key: the loser
// of the race reads the winner's.
func loadTemplateKey(c *config.Config, root *os.Root) ([]byte, error) {
	if c.Office.TemplateKey != "" {
		return []byte(c.Office.TemplateKey), nil
	}
	key, err := readTemplateKey(root)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("make template key: %w", err)
	}
	text := hex.EncodeToString(raw)
	err = placeFile(root, templateKeyFile, []byte(text+"\n"), 0o600, root.Link)
	if errors.Is(err, fs.ErrExist) {
		return readTemplateKey(root)
	}
	if err != nil {
		return nil, fmt.Errorf("write template key: %w", err)
	}
	return []byte(text), nil
}

// readTemplateKey reads data_dir/template.key; an empty one is an error, never a key.
func readTemplateKey(root *os.Root) ([]byte, error) {
	b, err := root.ReadFile(templateKeyFile)
	if err != nil {
		return nil, fmt.Errorf("read template key: %w", err)
	}
	key := strings.TrimSpace(string(b))
	if key == "" {
		return nil, fmt.Errorf("read template key: %s is empty", templateKeyFile)
	}
	return []byte(key), nil
}

// Site is an office opened on its data directory: the compiled office with its template key,
// the ledger, the data directory's root, and, for a process that reads the mailbox or sends
// mail, the directory's lock.
type Site struct {
	Office *Office
	Ledger *ledger.Ledger
	root   *os.Root
	unlock func() error
}

// Open is the wiring every process of an office starts with: it opens the data directory's
// root (kept for the archive), takes the directory's lock (when lock is set: the daemon and the
// demo; not the commands that work beside a running daemon), opens the ledger, loads the
// template key and compiles the office.
func Open(ctx context.Context, c *config.Config, lock bool) (*Site, error) {
	s := &Site{unlock: func() error { return nil }}
	var err error
	if s.root, err = OpenDataDir(c.DataDir); err != nil {
		return nil, err
	}
	if lock {
		if s.unlock, err = Lock(c.DataDir); err != nil {
			s.root.Close()
			return nil, err
		}
	}
	if s.Ledger, err = ledger.Open(ctx, c.DataDir); err != nil {
		_ = errors.Join(s.unlock(), s.root.Close())
		return nil, err
	}
	key, err := loadTemplateKey(c, s.root)
	if err == nil {
		s.Office, err = Compile(c, key)
	}
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	s.Office.root = s.root
	return s, nil
}

// Close closes the ledger and the data directory and releases the lock.
func (s *Site) Close() error {
	return errors.Join(s.Ledger.Close(), s.root.Close(), s.unlock())
}

// LoadOffline reads the configuration at path for a program that neither reads nor sends mail
// (config.LoadOffline: no mail passwords) and compiles it with the office's template key.
func LoadOffline(path string) (*Office, error) {
	c, err := config.LoadOffline(path)
	if err != nil {
		return nil, err
	}
	key, err := LoadTemplateKey(c)
	if err != nil {
		return nil, err
	}
	return Compile(c, key)
}
