package xlsconv

import (
	"strings"
	"sync"
)

// tailSize is how much of the converter's output is kept for the error message.
const tailSize = 4 << 10

// tailBuffer keeps the last tailSize bytes written to it, so a converter printing without end
// cannot grow the daemon's memory.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

// Write keeps the end of p appended to what was kept; it never fails.
func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(p)
	if len(p) > tailSize {
		p = p[len(p)-tailSize:]
	}
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - tailSize; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return n, nil
}

// String is the kept output as valid UTF-8 without surrounding blank space.
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(strings.ToValidUTF8(string(t.buf), "\uFFFD"))
}

// suffix is the kept output formatted to end an error message, or "" when there was none.
func (t *tailBuffer) suffix() string {
	if s := t.String(); s != "" {
		return "; output: " + s
	}
	return ""
}
