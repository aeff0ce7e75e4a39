package main

import (
	"os"
	"testing"
)

// TestMain removes the directory of the binary the process tests build once for all of them
// (binary in process_test.go) and the demo's run they share (demoCopy): no test's Cleanup can,
// since both outlive each test.
func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDemo.dir != "" {
		_ = os.RemoveAll(sharedDemo.dir)
	}
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}
