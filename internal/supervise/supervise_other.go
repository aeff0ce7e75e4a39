//go:build !unix

package supervise

import (
	"errors"
	"time"
)

// Process is a stand-in: the servers the tests run are Unix programs.
type Process struct{}

// Greeting is what a listener says first and how to leave it.
type Greeting struct{ Prefix, Quit string }

var (
	SMTP = Greeting{Prefix: "220", Quit: "QUIT"}
	IMAP = Greeting{Prefix: "* OK", Quit: "a LOGOUT"}
)

func Start(path string, args, env []string, logPath string) (*Process, error) {
	return nil, errors.New("supervise needs a Unix system")
}

func (p *Process) WaitGreeting(addr string, g Greeting, timeout time.Duration) error { return nil }

func (p *Process) Stop(graceful bool) {}

func FreePort() (int, error) { return 0, errors.New("supervise needs a Unix system") }

func Logs(logPath, stderrPath string) string { return "" }

var ErrAddrInUse = errors.New("port taken by another process")

func (p *Process) Ready(addr string, g Greeting, timeout time.Duration, graceful bool, logs func() string) error {
	return nil
}
