package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes the directory of the binary the process tests build once for all of them
// (binary in process_test.go): no test's Cleanup can, since the binary outlives each test.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
