package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadMessage_ExactlyAtLimit: ingest reads a saved message of exactly
// mailbox.max_message_bytes; one byte more is refused, naming the setting.
func TestReadMessage_ExactlyAtLimit(t *testing.T) {
	t.Parallel()
	const limit = 4096
	dir := t.TempDir()
	for _, tc := range []struct {
		size int
		ok   bool
	}{{limit, true}, {limit + 1, false}} {
		file := filepath.Join(dir, "m.eml")
		want := bytes.Repeat([]byte("x"), tc.size)
		if err := os.WriteFile(file, want, 0o600); err != nil {
			t.Fatal(err)
		}
		raw, err := readMessage(context.Background(), file, limit)
		switch {
		case tc.ok && (err != nil || !bytes.Equal(raw, want)):
			t.Errorf("%d bytes: got %d bytes, %v; want the whole message", tc.size, len(raw), err)
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), "max_message_bytes")):
			t.Errorf("%d bytes: got %v, want it refused", tc.size, err)
		}
	}
}
