package daemon

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
)

// syncBuffer is a log sink the daemon's workers may write to at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDaemon_RunWarnsOfInsecureApprovals: an office counting unauthenticated approvals is
// warned at every start; an office authenticating them is not.
func TestDaemon_RunWarnsOfInsecureApprovals(t *testing.T) {
	t.Parallel()
	for _, insecure := range []bool{true, false} {
		forms := ""
		if insecure {
			forms = officetest.FormsDefault + "\n[mail_auth]\ninsecure_unauthenticated_approvals = true\n"
		}
		var logs syncBuffer
		e := newOfficeEnv(t, officetest.Options{Forms: forms}, func(o *Options) {
			o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		done := make(chan error, 1)
		go func() { done <- e.d.Run(ctx) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not return")
		}
		warned := strings.Contains(logs.String(), "level=WARN msg=\"INSECURE: approvals are counted WITHOUT authenticating")
		if warned != insecure {
			t.Errorf("insecure=%v: warned %v; log:\n%s", insecure, warned, logs.String())
		}
	}
}
