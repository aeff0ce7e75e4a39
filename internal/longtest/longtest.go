// Package longtest marks a test as a long run: one whose point is volume at the daemon's own
// limits (a flood drained under kills, a file of exactly the 20 MiB limit, a bomb read up to a
// fixed budget of millions of tokens) and whose cost is that volume. The suite skips such runs
// unless TONGHOP_LONG=1; .ci/run sets it for a run of the long tests alone after the suite, one
// package at a time, so that CI proves them on every change without them lengthening every run
// of the suite (issue 23).
package longtest

import (
	"os"
	"testing"
)

// Env is the variable that turns the long runs on.
const Env = "TONGHOP_LONG"

// Skip skips t, a long run described by what, unless TONGHOP_LONG=1 (and never runs it with
// -short). The test function calls it itself (in a subtest too): .ci/run finds the long runs by
// the test functions that call it.
func Skip(t testing.TB, what string) {
	t.Helper()
	if testing.Short() || os.Getenv(Env) != "1" {
		t.Skipf("%s: a long run, set %s=1 to run it", what, Env)
	}
}
