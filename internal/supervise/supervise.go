//go:build unix

// Package supervise runs a server's master process (Dovecot, Postfix) as a test's child, in a
// process group of its own, so that stopping it reaches every process it started, and waits
// for its listener's greeting. The private Dovecot and Postfix of the tests start this way.
package supervise

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

// Process is a master process and the process group it leads.
type Process struct {
	name   string
	cmd    *exec.Cmd
	exited chan struct{} // closed when the master has exited
	err    error         // the master's exit status, set before exited is closed
}

// Start starts path with args and the test's environment plus env, its stdout and stderr
// appended to logPath.
func Start(path string, args, env []string, logPath string) (*Process, error) {
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer log.Close()
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", path, err)
	}
	p := &Process{name: path, cmd: cmd, exited: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

// Greeting is what a listener says first and how to leave it politely: "220" and "QUIT" for
// SMTP, "* OK" and "a LOGOUT" for IMAP.
type Greeting struct{ Prefix, Quit string }

var (
	SMTP = Greeting{Prefix: "220", Quit: "QUIT"}
	IMAP = Greeting{Prefix: "* OK", Quit: "a LOGOUT"}
)

// WaitGreeting waits until addr answers with g. Polling is the only way: a master does not say
// when its listeners are ready.
func (p *Process) WaitGreeting(addr string, g Greeting, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("%s exited while starting: %v", p.name, p.err)
		default:
		}
		err := g.read(addr)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no greeting from %s within %v: %w", addr, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (g Greeting) read(addr string) error {
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
	if !strings.HasPrefix(line, g.Prefix) {
		return fmt.Errorf("unexpected greeting %q", line)
	}
	_, _ = conn.Write([]byte(g.Quit + "\r\n"))
	return nil
}

// ErrAddrInUse says a server could not listen on its port: another process took it between
// FreePort and the start. The harnesses then try another port.
var ErrAddrInUse = errors.New("port taken by another process")

// Ready waits for addr to greet with g. When it does not, it stops the process (gracefully or
// not) and returns ErrAddrInUse when the server's logs, read after the stop, say the port was
// taken, else the error of the wait.
func (p *Process) Ready(addr string, g Greeting, timeout time.Duration, graceful bool, logs func() string) error {
	err := p.WaitGreeting(addr, g, timeout)
	if err == nil {
		return nil
	}
	p.Stop(graceful)
	if strings.Contains(logs(), "Address already in use") {
		return ErrAddrInUse
	}
	return err
}

// Stop ends the master and every process it started. Gracefully, it asks the master to shut
// down (it passes the signal on) and kills what is left after a grace period; otherwise it
// kills the process group at once, as for a crash.
func (p *Process) Stop(graceful bool) {
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

// FreePort returns a loopback port nobody listened on a moment ago.
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Logs reads a server's log file and what its master wrote to stderr, after a separator: what a
// failed test shows of the server.
func Logs(logPath, stderrPath string) string {
	logged, _ := os.ReadFile(logPath)
	stderr, _ := os.ReadFile(stderrPath)
	if len(stderr) > 0 {
		logged = append(append(logged, "--- stderr ---\n"...), stderr...)
	}
	return string(logged)
}
