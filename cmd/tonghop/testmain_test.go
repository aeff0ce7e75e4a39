package main

import (
	"os"
	"testing"
)

// TestMain removes the demo's run the tests share (demoCopy): no test's Cleanup can, since it
// outlives each test.
func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDemo.dir != "" {
		_ = os.RemoveAll(sharedDemo.dir)
	}
	os.Exit(code)
}
