//go:build !linux

package xlsconv

import (
	"context"
	"errors"
	"os"
)

// runGroup is only implemented on Linux, where the daemon runs: killing a converter's whole
// process tree and limiting it rely on Linux process groups and prlimit(1).
func runGroup(context.Context, string, []string, *tailBuffer) (*os.ProcessState, error) {
	return nil, errors.New("xls conversion is only supported on Linux")
}

func peakRSSKB(*os.ProcessState) int64 { return 0 }
