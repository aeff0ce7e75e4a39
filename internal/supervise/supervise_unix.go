//go:build unix && !linux

package supervise

import "syscall"

// sysProcAttr puts the master in its own process group, so stopping it reaches every process it
// started.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
