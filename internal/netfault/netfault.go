// Package netfault is a loopback TCP proxy for tests that need the network to fail on cue: a
// connection cut after a given number of bytes (a download dropped half-way) or every
// connection dropped at once. Point the code under test at the proxy's address instead of the
// server's; the proxy forwards bytes unchanged, so TLS works through it.
package netfault

import (
	"net"
	"sync"
	"testing"
)

// Proxy forwards every connection it accepts to a target address until told to break them.
// It is closed when the test ends. Its methods are safe for concurrent use.
type Proxy struct {
	ln     net.Listener
	target string

	mu       sync.Mutex
	open     map[*link]struct{}
	accepted int
	budget   int64 // bytes still allowed from server to client before the cut; <0: no cut armed
	closed   bool
	wg       sync.WaitGroup
}

// link is one client connection and its connection to the target.
type link struct {
	client, server net.Conn
	once           sync.Once
}

func (l *link) close() {
	l.once.Do(func() {
		_ = l.client.Close()
		_ = l.server.Close()
	})
}

// Listen starts a proxy on 127.0.0.1 forwarding to target (host:port).
func Listen(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("netfault: listen: %v", err)
	}
	p := &Proxy{ln: ln, target: target, open: make(map[*link]struct{}), budget: -1}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(p.close)
	return p
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Host is the proxy's address without the port, always 127.0.0.1.
func (p *Proxy) Host() string { return "127.0.0.1" }

// Port is the proxy's port.
func (p *Proxy) Port() int { return p.ln.Addr().(*net.TCPAddr).Port }

// Connections is the number of connections accepted so far.
func (p *Proxy) Connections() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted
}

// CutAfter arms one cut: once n more bytes have gone from server to client, over whichever
// connections carry them, the connection carrying the n-th byte is closed at that byte, both
// ways. Its client sees the stream end mid-response. The cut happens once; connections made
// afterwards work normally, so a client can reconnect and retry. A negative n disarms it.
func (p *Proxy) CutAfter(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.budget = n
}

// DropAll closes every open connection now, both ways, as a network failure would. New
// connections are accepted as before.
func (p *Proxy) DropAll() {
	p.mu.Lock()
	links := make([]*link, 0, len(p.open))
	for l := range p.open {
		links = append(links, l)
	}
	p.mu.Unlock()
	for _, l := range links {
		l.close()
	}
}

// close stops accepting, drops every connection and waits for the forwarding to end.
func (p *Proxy) close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	_ = p.ln.Close()
	p.DropAll()
	p.wg.Wait()
}

func (p *Proxy) serve() {
	defer p.wg.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return // closed
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close() // the client sees what it would see with the server down
			continue
		}
		l := &link{client: client, server: server}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			l.close()
			return
		}
		p.accepted++
		p.open[l] = struct{}{}
		p.wg.Add(2)
		p.mu.Unlock()
		go p.forward(l, l.client, l.server, false)
		go p.forward(l, l.server, l.client, true)
	}
}

// forward copies src to dst until either side ends, then closes the link: a half-closed
// connection is of no use to an IMAP or SMTP client. Bytes from the server count against the
// armed cut.
func (p *Proxy) forward(l *link, src, dst net.Conn, fromServer bool) {
	defer p.wg.Done()
	defer func() {
		l.close()
		p.mu.Lock()
		delete(p.open, l)
		p.mu.Unlock()
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			allowed, cut := n, false
			if fromServer {
				allowed, cut = p.take(n)
			}
			if _, werr := dst.Write(buf[:allowed]); werr != nil || cut {
				return
			}
		}
		if err != nil {
			return // EOF, or the link was closed by the other direction, DropAll or the cut
		}
	}
}

// take uses up to n bytes of the armed cut's budget and reports how many may pass and whether
// the connection must be cut after them.
func (p *Proxy) take(n int) (allowed int, cut bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.budget < 0 {
		return n, false
	}
	if int64(n) < p.budget {
		p.budget -= int64(n)
		return n, false
	}
	allowed = int(p.budget)
	p.budget = -1
	return allowed, true
}
