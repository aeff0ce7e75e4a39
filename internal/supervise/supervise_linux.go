package supervise

import "syscall"

// sysProcAttr puts the master in its own process group, so stopping it reaches every process it
// started, and stops it if the test binary dies without cleaning up.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
