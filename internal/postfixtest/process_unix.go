//go:build unix && !linux

package postfixtest

import "syscall"

// sysProcAttr puts the master in its own process group, so stopping it reaches every daemon it
// started.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
