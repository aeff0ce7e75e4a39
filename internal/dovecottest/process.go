//go:build unix

package dovecottest

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// process is one run of the Dovecot master in the foreground, with the processes it starts in
// its process group.
type process struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when the master has exited
	err    error         // the master's exit status, set before exited is closed
}

// startProcess starts "dovecot -F -c conf", its stdout and stderr going to the stderr file.
func startProcess(dovecot, conf, stderrPath string) (*process, error) {
	stderr, err := os.OpenFile(stderrPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer stderr.Close()
	cmd := exec.Command(dovecot, "-F", "-c", conf)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", dovecot, err)
	}
	p := &process{cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// waitGreeting waits until addr answers with an IMAP greeting. Polling is the only way: the
// master does not say when its listeners are ready.
func (p *process) waitGreeting(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("dovecot exited while starting: %v", p.err)
		default:
		}
		err := readGreeting(addr)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no imap greeting from %s within %v: %w", addr, timeout, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func readGreeting(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("read greeting: %w", err)
	}
	if !strings.HasPrefix(line, "* OK") {
		return fmt.Errorf("unexpected greeting %q", line)
	}
	_, _ = conn.Write([]byte("a LOGOUT\r\n"))
	return nil
}

// stop ends the master and every process it started. Gracefully, it asks the master to shut
// down, which takes about a second, and kills what is left after a grace period; otherwise it
// kills the process group at once, as for a crash.
func (p *process) stop(graceful bool) {
	if graceful {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(5 * time.Second):
		}
	}
	// Children the master did not wait for, or all of them.
	if err := syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		_ = p.cmd.Process.Kill()
	}
	<-p.exited
}
