package netfault

import (
	"bytes"
	"io"
	"net"
	"testing"
)

// startServer listens on 127.0.0.1 and sends payload to every client, then keeps the
// connection open until the client closes it.
func startServer(t *testing.T, payload []byte) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				_, _ = conn.Write(payload)
				_, _ = io.Copy(io.Discard, conn)
			}()
		}
	}()
	return ln.Addr().String()
}

func dial(t *testing.T, p *Proxy) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

func TestProxy_CutAfter(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789"), 100_000) // 1 MB, many reads
	tests := []struct {
		name string
		cut  int64
	}{
		{name: "mid-stream", cut: 300_001},
		{name: "at once", cut: 0},
		{name: "exactly all", cut: int64(len(payload))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Listen(t, startServer(t, payload))
			p.CutAfter(tt.cut)
			got, err := io.ReadAll(dial(t, p))
			if err != nil {
				t.Fatalf("read through a cut connection: %v", err)
			}
			if int64(len(got)) != tt.cut || !bytes.Equal(got, payload[:tt.cut]) {
				t.Fatalf("bytes before the cut: got %d, want the first %d", len(got), tt.cut)
			}
			// The cut happened once: the next connection gets everything.
			conn := dial(t, p)
			again := make([]byte, len(payload))
			if _, err := io.ReadFull(conn, again); err != nil || !bytes.Equal(again, payload) {
				t.Fatalf("read after the cut: error %v, want the whole payload", err)
			}
			if got := p.Connections(); got != 2 {
				t.Errorf("Connections: got %d, want 2", got)
			}
		})
	}
}

func TestProxy_DropAll(t *testing.T) {
	p := Listen(t, startServer(t, []byte("* OK ready\r\n")))
	conns := []net.Conn{dial(t, p), dial(t, p)}
	for _, c := range conns {
		if _, err := io.ReadFull(c, make([]byte, 12)); err != nil {
			t.Fatalf("greeting through the proxy: %v", err)
		}
	}
	p.DropAll()
	for i, c := range conns {
		if n, err := c.Read(make([]byte, 1)); err == nil {
			t.Errorf("connection %d after DropAll: read %d bytes, want EOF", i, n)
		}
	}
	c := dial(t, p)
	if _, err := io.ReadFull(c, make([]byte, 12)); err != nil {
		t.Errorf("new connection after DropAll: %v", err)
	}
}

func TestProxy_TargetDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	target := ln.Addr().String()
	_ = ln.Close()
	p := Listen(t, target)
	if n, err := dial(t, p).Read(make([]byte, 1)); err == nil {
		t.Errorf("read with the target down: got %d bytes, want EOF", n)
	}
}
