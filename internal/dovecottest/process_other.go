//go:build !unix

package dovecottest

import (
	"errors"
	"time"
)

// process is a stand-in: Dovecot runs on Unix only.
type process struct{}

func startProcess(dovecot, conf, stderrPath string) (*process, error) {
	return nil, errors.New("dovecottest needs a Unix system")
}

func (p *process) waitGreeting(addr string, timeout time.Duration) error { return nil }

func (p *process) stop(graceful bool) {}
