package config

import (
	"strconv"
	"strings"
	"testing"
)

// TestParse_MaxMessageBytesAtMinimum: mailbox.max_message_bytes of exactly 1 MiB, the smallest
// allowed, is accepted; one byte less is refused and named.
func TestParse_MaxMessageBytesAtMinimum(t *testing.T) {
	for _, tc := range []struct {
		value int64
		ok    bool
	}{{1 << 20, true}, {1<<20 - 1, false}} {
		text := strings.Replace(minimal, `password = "secret"`, "password = \"secret\"\nmax_message_bytes = "+strconv.FormatInt(tc.value, 10), 1)
		c, err := Parse([]byte(text), "/etc/tonghop/tonghop.toml")
		switch {
		case tc.ok && (err != nil || c.Mailbox.MaxMessageBytes != tc.value):
			t.Errorf("%d: got %v, want it accepted", tc.value, err)
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), "mailbox.max_message_bytes")):
			t.Errorf("%d: got %v, want mailbox.max_message_bytes refused", tc.value, err)
		}
	}
}
