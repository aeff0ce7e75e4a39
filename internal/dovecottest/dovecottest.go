// Package dovecottest runs a private Dovecot IMAP server for integration tests: its own
// configuration, runtime directory, log and maildir under a temporary directory, listening on
// a free loopback port, stopped when the test ends. Tests that use it are skipped when Dovecot
// is not installed, unless TONGHOP_REQUIRE_DOVECOT=1 (as in CI), which makes them fail instead.
//
// Typical use, from any package's tests:
//
//	srv := dovecottest.Start(t, dovecottest.Options{})
//	uid := srv.Append(t, "INBOX", raw)
//	cfg := intake.MailboxConfig{Host: srv.Host(), Port: srv.Port(), TLS: intake.TLSNone,
//		User: srv.User(), Password: srv.Password()}
//
// With Options.Accounts and Options.LMTP it is a whole office's mail store: several mailboxes,
// and an LMTP listener through which a mail server (package postfixtest) delivers to them.
//
// Each Start is independent, so tests using it may run in parallel. Starting takes well under a
// second. Running as root, Dovecot's login processes run as the package's dovenull user, its
// internal processes and the mail user as the dovecot user (Dovecot refuses UID 0 for mail
// users). Running as another user, everything runs as that user.
package dovecottest

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/supervise"
)

// RequireEnv is the environment variable that turns a missing Dovecot from a skipped test into
// a failed one; CI sets it to 1 after installing dovecot-imapd.
const RequireEnv = "TONGHOP_REQUIRE_DOVECOT"

// Defaults for Options.User and Options.Password.
const (
	DefaultUser     = "tonghop@sokhcn.example.gov.vn"
	DefaultPassword = "mật-khẩu"
)

// Options changes how the server behaves. The zero value is a plain-text server on loopback
// offering everything Dovecot offers, MOVE and IDLE included.
type Options struct {
	// User and Password are the one account's credentials; defaults DefaultUser and
	// DefaultPassword. Neither may contain ':' or a line break.
	User     string
	Password string
	// NoMove hides the MOVE capability, so clients fall back to COPY, STORE and EXPUNGE.
	NoMove bool
	// NoIdle hides the IDLE capability, so clients poll.
	NoIdle bool
	// TLS turns on STARTTLS on Port and adds an implicit TLS port, TLSPort, with a
	// certificate for 127.0.0.1 and localhost that CertPool trusts.
	TLS bool
	// Config is appended to the generated dovecot.conf, for a test needing another setting.
	Config string
	// Accounts are more mailboxes beside User's, each logging in with its own name (an address)
	// and password (DefaultPassword when empty).
	Accounts []Account
	// LMTP adds an LMTP listener on loopback, LMTPPort, delivering to the INBOX of every account
	// by its name, as a mail server hands mail over to its store.
	LMTP bool
}

// Account is one mailbox of the server.
type Account struct {
	User, Password string
}

// Server is a running Dovecot. Its methods fail the test on error.
type Server struct {
	opts     Options
	dir      string // everything of this instance: config, runtime dir, log, mail
	conf     string
	bin      binaries
	ids      identities
	port     int
	tlsPort  int
	lmtpPort int
	certPool *x509.CertPool

	mu       sync.Mutex
	proc     *supervise.Process // nil while stopped
	logShown bool               // a failure message already carries the log
}

// Start starts a Dovecot for the test and stops it, removing its files, when the test ends. It
// skips the test when Dovecot is not installed, unless RequireEnv is set to 1.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	bin, err := findBinaries()
	if err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("dovecottest: %v (%s=1)", err, RequireEnv)
		}
		t.Skipf("dovecottest: %v; install dovecot-imapd or set %s=1 to fail instead", err, RequireEnv)
	}
	if opts.User == "" {
		opts.User = DefaultUser
	}
	if opts.Password == "" {
		opts.Password = DefaultPassword
	}
	opts.Accounts = append([]Account{{User: opts.User, Password: opts.Password}}, opts.Accounts...)
	seen := map[string]bool{}
	for i, a := range opts.Accounts {
		if a.Password == "" {
			opts.Accounts[i].Password = DefaultPassword
		}
		if a.User == "" || strings.ContainsAny(a.User+a.Password, ":\r\n/") || seen[strings.ToLower(a.User)] {
			t.Fatalf("dovecottest: account %q: names must be unique and non-empty; names and passwords may not contain ':', '/' or line breaks", a.User)
		}
		seen[strings.ToLower(a.User)] = true
	}
	s := &Server{opts: opts, bin: bin}
	if err := s.prepare(t); err != nil {
		t.Fatalf("dovecottest: %v", err)
	}
	t.Cleanup(func() {
		if t.Failed() && !s.logShown {
			t.Logf("dovecottest: dovecot log:\n%s", s.Log())
		}
		s.stop(false) // the files are removed next: no need to shut down cleanly
	})
	if err := s.startOnFreePorts(); err != nil {
		s.logShown = true
		t.Fatalf("dovecottest: %v\ndovecot log:\n%s", err, s.Log())
	}
	return s
}

// prepare makes the instance directory with the account and, with TLS, the certificate.
// The directory is short (sockets live in it and their paths are limited to 108 bytes) and
// readable by Dovecot's unprivileged users, which a t.TempDir() is not.
func (s *Server) prepare(t testing.TB) error {
	dir, err := os.MkdirTemp("", "dovecottest-")
	if err != nil {
		return err
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	s.dir, s.conf = dir, filepath.Join(dir, "dovecot.conf")
	if s.ids, err = currentIdentities(); err != nil {
		return err
	}
	for _, sub := range []string{"run", "state"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := s.writeAccounts(); err != nil {
		return err
	}
	if s.opts.TLS {
		if s.certPool, err = writeCertificate(dir); err != nil {
			return fmt.Errorf("make certificate: %w", err)
		}
	}
	return nil
}

// startOnFreePorts starts Dovecot on ports free a moment ago, trying again with other ports
// when another process took one in between.
func (s *Server) startOnFreePorts() error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if s.port, err = supervise.FreePort(); err != nil {
			return err
		}
		s.tlsPort, s.lmtpPort = 0, 0
		if s.opts.TLS {
			if s.tlsPort, err = supervise.FreePort(); err != nil {
				return err
			}
		}
		if s.opts.LMTP {
			if s.lmtpPort, err = supervise.FreePort(); err != nil {
				return err
			}
		}
		if err = s.start(); !errors.Is(err, supervise.ErrAddrInUse) {
			return err
		}
	}
	return err
}

// start writes the configuration for the current ports and starts Dovecot.
func (s *Server) start() error {
	if err := os.WriteFile(s.conf, []byte(s.config()), 0o644); err != nil {
		return err
	}
	_ = os.Remove(s.logPath()) // only this run's messages decide whether a port was taken
	proc, err := supervise.Start(s.bin.dovecot, []string{"-F", "-c", s.conf}, nil, filepath.Join(s.dir, "stderr.log"))
	if err != nil {
		return err
	}
	if err := proc.Ready(s.Addr(), supervise.IMAP, 10*time.Second, false, s.Log); err != nil {
		return err
	}
	s.mu.Lock()
	s.proc = proc
	s.mu.Unlock()
	return nil
}

// Stop stops Dovecot, dropping every connection, and keeps its mail for Restart. Tests need
// not call it: the server stops when the test ends.
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	s.stop(true)
}

func (s *Server) stop(graceful bool) {
	s.mu.Lock()
	proc := s.proc
	s.proc = nil
	s.mu.Unlock()
	if proc != nil {
		proc.Stop(graceful)
	}
}

// Restart stops Dovecot if it runs and starts it again on the same ports with the same mail,
// as after a server reboot: every connection is dropped.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.stop(true)
	if err := s.start(); err != nil {
		s.logShown = true
		t.Fatalf("dovecottest: restart: %v\ndovecot log:\n%s", err, s.Log())
	}
}

// Addr is the host:port of the plain (and, with TLS, STARTTLS) IMAP listener.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host(), strconv.Itoa(s.port)) }

// Host is the address Dovecot listens on, always 127.0.0.1.
func (s *Server) Host() string { return "127.0.0.1" }

// Port is the plain IMAP port, which offers STARTTLS when Options.TLS is set.
func (s *Server) Port() int { return s.port }

// TLSPort is the implicit TLS port, 0 without Options.TLS.
func (s *Server) TLSPort() int { return s.tlsPort }

// LMTPPort is the LMTP port on Host, 0 without Options.LMTP.
func (s *Server) LMTPPort() int { return s.lmtpPort }

// CertPool trusts the server's certificate; nil without Options.TLS.
func (s *Server) CertPool() *x509.CertPool { return s.certPool }

// User is the account's login name.
func (s *Server) User() string { return s.opts.User }

// Password is the account's password.
func (s *Server) Password() string { return s.opts.Password }

// Accounts are every mailbox of the server, User's first.
func (s *Server) Accounts() []Account { return append([]Account(nil), s.opts.Accounts...) }

// Dir is the directory holding the instance's configuration, log and mail.
func (s *Server) Dir() string { return s.dir }

// Log returns what Dovecot logged so far, with what it wrote to stderr.
func (s *Server) Log() string {
	return supervise.Logs(s.logPath(), filepath.Join(s.dir, "stderr.log"))
}

func (s *Server) logPath() string { return filepath.Join(s.dir, "dovecot.log") }

// Installed says whether Dovecot's programs are there, where Start looks for them: a test or
// benchmark that has another server to fall back on chooses by it.
func Installed() bool {
	_, err := findBinaries()
	return err == nil
}

// binaries are the installed Dovecot programs.
type binaries struct{ dovecot, doveadm string }

// findBinaries looks in PATH and then in /usr/sbin and /usr/bin, which are not in every
// user's PATH.
func findBinaries() (binaries, error) {
	find := func(name string) (string, error) {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
		for _, dir := range []string{"/usr/sbin", "/usr/bin", "/usr/local/sbin"} {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode()&0o111 != 0 {
				return p, nil
			}
		}
		return "", fmt.Errorf("%s not found", name)
	}
	var b binaries
	var err error
	if b.dovecot, err = find("dovecot"); err != nil {
		return b, err
	}
	b.doveadm, err = find("doveadm")
	return b, err
}
