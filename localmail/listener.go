package localmail

import (
	"net"
	"sync"
	"time"
)

// trackedListener remembers every accepted connection so that Close can drop
// clients that the libraries' own Close would leave behind, and counts the
// IMAP connection goroutines so that Close can wait for them.
type trackedListener struct {
	net.Listener

	// countActive: each accepted conn must be released before wait returns.
	countActive bool
	active      sync.WaitGroup

	accepting     chan struct{} // closed when Serve first calls Accept
	acceptingOnce sync.Once

	mu     sync.Mutex
	conns  map[*trackedConn]struct{}
	closed bool
}

func newTrackedListener(ln net.Listener, countActive bool) *trackedListener {
	return &trackedListener{
		Listener:    ln,
		countActive: countActive,
		accepting:   make(chan struct{}),
		conns:       make(map[*trackedConn]struct{}),
	}
}

// Accept wraps the next connection, or refuses it once closeConns was called.
func (l *trackedListener) Accept() (net.Conn, error) {
	l.acceptingOnce.Do(func() { close(l.accepting) })
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		c.Close()
		return nil, net.ErrClosed
	}
	tc := &trackedConn{Conn: c, owner: l}
	l.conns[tc] = struct{}{}
	if l.countActive {
		l.active.Add(1)
	}
	return tc, nil
}

// closeConns closes every open connection and refuses new ones.
func (l *trackedListener) closeConns() {
	l.mu.Lock()
	l.closed = true
	conns := make([]*trackedConn, 0, len(l.conns))
	for c := range l.conns {
		conns = append(conns, c)
	}
	l.mu.Unlock()
	for _, c := range conns {
		c.Conn.Close()
	}
}

// connGrace bounds how long shutdown waits for the connections' goroutines once their
// connections are closed.
const connGrace = 10 * time.Second

// wait blocks until every accepted connection has been released, or connGrace has passed: it
// reports false then. go-imap's imapserver (v2.0.0-beta.8) can leave a connection's goroutine
// waiting for its response encoder's lock for ever when a client died in the middle of a large
// UID FETCH (seen once under -race, with the daemon killed during a 50-message batch); a test
// server must not hang its test's cleanup for that, so it lets the goroutine go.
func (l *trackedListener) wait() bool {
	done := make(chan struct{})
	go func() { l.active.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(connGrace):
		return false
	}
}

// trackedConn is a server-side connection known to its trackedListener.
type trackedConn struct {
	net.Conn
	owner       *trackedListener
	releaseOnce sync.Once
}

// Close closes the connection and forgets it.
func (c *trackedConn) Close() error {
	c.owner.mu.Lock()
	delete(c.owner.conns, c)
	c.owner.mu.Unlock()
	return c.Conn.Close()
}

// release marks the goroutine serving this connection as finished. For IMAP
// it is called from the session's Close, the last thing imapserver does for
// a connection apart from closing the socket.
func (c *trackedConn) release() {
	if c.owner.countActive {
		c.releaseOnce.Do(c.owner.active.Done)
	}
}
