//go:build unix && !linux

package dovecottest

import "syscall"

// sysProcAttr puts Dovecot in its own process group, so stopping it reaches every process it
// started.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
