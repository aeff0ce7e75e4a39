package xlsconv

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// waitDelay bounds how long Wait keeps reading the child's output after it was killed or
// exited while a descendant still holds the pipe open.
const waitDelay = 2 * time.Second

// runGroup runs argv in dir in a process group of its own, with output collected in tail. When
// ctx ends the whole group is killed, and so is anything left in it after the program exits:
// LibreOffice's launcher forks soffice.bin, which a kill of the launcher alone would orphan.
func runGroup(ctx context.Context, dir string, argv []string, tail *tailBuffer) (*os.ProcessState, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = environment(dir)
	cmd.Stdin = nil // /dev/null: a converter that asks a question gets no answer
	cmd.Stdout = tail
	cmd.Stderr = tail
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Setpgid: true,
		// If the daemon dies mid-conversion the converter dies with it instead of running on.
		// Linux fires this when the starting OS thread exits; Go only ends threads whose
		// goroutine exits while locked to one, which nothing here does.
		Pdeathsig: syscall.SIGKILL,
	}
	cmd.Cancel = func() error { return killGroup(cmd.Process.Pid) }
	cmd.WaitDelay = waitDelay

	err := cmd.Run()
	if cmd.Process != nil {
		_ = killGroup(cmd.Process.Pid) // leftovers; usually there are none (ESRCH)
	}
	return cmd.ProcessState, err
}

// killGroup sends SIGKILL to the process group led by pid (Setpgid made its id the pid).
func killGroup(pid int) error {
	err := syscall.Kill(-pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return nil
	}
	return err
}

// peakRSSKB is the largest resident set, in KiB, of the child and the descendants it waited
// for (Linux reports ru_maxrss in KiB and folds in reaped children).
func peakRSSKB(state *os.ProcessState) int64 {
	if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
