//go:build !unix

package postfixtest

import (
	"errors"
	"time"
)

// process is a stand-in: Postfix runs on Unix only.
type process struct{}

func startMaster(master, conf, stderrPath string) (*process, error) {
	return nil, errors.New("postfixtest needs a Unix system")
}

func (p *process) waitGreeting(addr string, timeout time.Duration) error { return nil }

func (p *process) stop() {}
