//go:build unix

package postfixtest

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

// process is the Postfix master running in the foreground as the test's child, with the
// daemons it starts in its process group.
type process struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when the master has exited
	err    error         // the master's exit status, set before exited is closed
}

// startMaster starts "master -c conf -d". -d keeps the master in the foreground, in the process
// group made for it here (it does not detach into a session of its own), and its early errors
// on stderr; this is what "postfix start-fg" runs after the start-up check, without the shell
// in between, so that the test supervises the master itself.
func startMaster(master, conf, stderrPath string) (*process, error) {
	stderr, err := os.OpenFile(stderrPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer stderr.Close()
	cmd := exec.Command(master, "-c", conf, "-d")
	cmd.Env = append(os.Environ(), "MAIL_CONFIG="+conf)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", master, err)
	}
	p := &process{cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// waitGreeting waits until addr answers with an SMTP greeting. Polling is the only way: the
// master does not say when its listeners are ready.
func (p *process) waitGreeting(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("postfix's master exited while starting: %v", p.err)
		default:
		}
		err := readGreeting(addr)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no smtp greeting from %s within %v: %w", addr, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func readGreeting(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("read greeting: %w", err)
	}
	if !strings.HasPrefix(line, "220") {
		return fmt.Errorf("unexpected greeting %q", line)
	}
	_, _ = conn.Write([]byte("QUIT\r\n"))
	return nil
}

// stop asks the master to shut down (it passes the signal on to its daemons) and kills what is
// left of its process group after a grace period.
func (p *process) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
	}
	if err := syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		_ = p.cmd.Process.Kill()
	}
	<-p.exited
}
