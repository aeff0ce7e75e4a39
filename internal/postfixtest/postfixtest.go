// Package postfixtest runs a private Postfix for integration tests: the office's mail server on
// loopback, accepting mail by SMTP on a free port and delivering every recipient of the test's
// domains by LMTP into a private mail store (package dovecottest with Options.LMTP). It never
// touches a mail service already on the machine: its main.cf and master.cf, queue, data and log
// live in a temporary directory (config_directory, queue_directory, data_directory,
// maillog_file), it listens on no port but its own, delivers nothing elsewhere (mail to any
// other domain is refused) and is started and stopped by the test itself, never through the
// system's service manager.
//
// Typical use, with the store the mail goes to:
//
//	store := dovecottest.Start(t, dovecottest.Options{LMTP: true, Accounts: …})
//	mx := postfixtest.Start(t, postfixtest.Options{Domains: []string{"kcn.example"},
//		LMTP: net.JoinHostPort(store.Host(), strconv.Itoa(store.LMTPPort()))})
//	// submit to mx.Host():mx.Port() by SMTP; read each account's INBOX from store by IMAP
//
// Postfix needs root (its master runs as root, its daemons as the postfix user). Tests that use
// it are skipped when not running as root or when Postfix is not installed, unless
// TONGHOP_REQUIRE_POSTFIX=1 (as in CI), which makes them fail instead. Starting takes a few
// hundredths of a second: the queue is laid out from Postfix's own list of its directories
// rather than by `postfix check` (see makeQueue).
package postfixtest

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/supervise"
)

// RequireEnv is the environment variable that turns a missing Postfix (or a test not running as
// root) from a skipped test into a failed one; CI sets it to 1 after installing postfix.
const RequireEnv = "TONGHOP_REQUIRE_POSTFIX"

// Options say what the server delivers and where.
type Options struct {
	// Domains are the mail domains whose every recipient is delivered to LMTP; at least one.
	// Mail to any other domain is refused when it is submitted.
	Domains []string
	// LMTP is the host:port of the store's LMTP listener.
	LMTP string
	// Hostname is the server's name in its greeting and in the Received fields it writes;
	// default "mx." and the first domain.
	Hostname string
}

// Server is a running Postfix. Its methods fail the test on error.
type Server struct {
	opts Options
	dir  string // everything of this instance: conf/, queue/, data/, the log
	bin  binaries
	port int

	mu       sync.Mutex
	proc     *supervise.Process // nil while stopped
	logShown bool               // a failure message already carries the log
}

// Start starts a Postfix for the test and stops it, removing its files, when the test ends. It
// skips the test when Postfix is not installed or the test is not running as root, unless
// RequireEnv is set to 1.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	bin := require(t)
	if len(opts.Domains) == 0 || opts.LMTP == "" {
		t.Fatal("postfixtest: Options.Domains and Options.LMTP are required")
	}
	if opts.Hostname == "" {
		opts.Hostname = "mx." + opts.Domains[0]
	}
	s := &Server{opts: opts, bin: bin}
	if err := s.prepare(t); err != nil {
		t.Fatalf("postfixtest: %v", err)
	}
	t.Cleanup(func() {
		if t.Failed() && !s.logShown {
			t.Logf("postfixtest: postfix log:\n%s", s.Log())
		}
		s.stop()
	})
	if err := s.startOnFreePort(); err != nil {
		s.logShown = true
		t.Fatalf("postfixtest: %v\npostfix log:\n%s", err, s.Log())
	}
	return s
}

// Require skips the test when Postfix cannot run here (not installed, or the test not running
// as root), or fails it when RequireEnv is set to 1. Start does the same; a test calls Require
// first to skip before starting anything else, such as the store.
func Require(t testing.TB) {
	t.Helper()
	require(t)
}

func require(t testing.TB) binaries {
	t.Helper()
	bin, err := findBinaries()
	if err == nil && os.Geteuid() != 0 {
		err = errors.New("postfix needs root")
	}
	if err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("postfixtest: %v (%s=1)", err, RequireEnv)
		}
		t.Skipf("postfixtest: %v; run as root with postfix installed, or set %s=1 to fail instead", err, RequireEnv)
	}
	return bin
}

// prepare makes the instance directory with its queue. It is readable and traversable by the
// postfix user, which a t.TempDir() is not, and its socket paths stay well under the 108 bytes
// allowed.
func (s *Server) prepare(t testing.TB) error {
	dir, err := os.MkdirTemp("", "postfixtest-")
	if err != nil {
		return err
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	s.dir = dir
	if err := os.Mkdir(s.confDir(), 0o755); err != nil {
		return err
	}
	return s.makeQueue()
}

// startOnFreePort starts Postfix on a port free a moment ago, trying again with another port
// when another process took it in between.
func (s *Server) startOnFreePort() error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if s.port, err = supervise.FreePort(); err != nil {
			return err
		}
		if err = s.start(); !errors.Is(err, supervise.ErrAddrInUse) {
			return err
		}
	}
	return err
}

// start writes the configuration for the current port and starts Postfix's master in the
// foreground.
func (s *Server) start() error {
	if err := s.writeConfig(); err != nil {
		return err
	}
	_ = os.Remove(s.logPath()) // only this run's messages decide whether the port was taken
	proc, err := supervise.Start(s.bin.master, []string{"-c", s.confDir(), "-d"}, []string{"MAIL_CONFIG=" + s.confDir()}, filepath.Join(s.dir, "stderr.log"))
	if err != nil {
		return err
	}
	if err := proc.Ready(s.Addr(), supervise.SMTP, 20*time.Second, true, s.Log); err != nil {
		return err
	}
	s.mu.Lock()
	s.proc = proc
	s.mu.Unlock()
	return nil
}

func (s *Server) stop() {
	s.mu.Lock()
	proc := s.proc
	s.proc = nil
	s.mu.Unlock()
	if proc != nil {
		proc.Stop(true)
	}
}

// Addr is the host:port of the SMTP listener.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host(), strconv.Itoa(s.port)) }

// Host is the address Postfix listens on, always 127.0.0.1.
func (s *Server) Host() string { return "127.0.0.1" }

// Port is the SMTP port.
func (s *Server) Port() int { return s.port }

// Hostname is the name the server gives itself in its greeting and Received fields.
func (s *Server) Hostname() string { return s.opts.Hostname }

// Dir is the directory holding the instance's configuration, queue and log.
func (s *Server) Dir() string { return s.dir }

// Log returns what Postfix logged so far, with what it wrote to stderr.
func (s *Server) Log() string {
	return supervise.Logs(s.logPath(), filepath.Join(s.dir, "stderr.log"))
}

func (s *Server) logPath() string { return filepath.Join(s.dir, "postfix.log") }
func (s *Server) confDir() string { return filepath.Join(s.dir, "conf") }
