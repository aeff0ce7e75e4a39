package httpserve

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// A request under way when the context ends is answered before Serve returns, and Serve returns
// nil for that shutdown.
func TestServe_ShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		cancel() // the context ends while this request is under way
		time.Sleep(50 * time.Millisecond)
		io.WriteString(w, "ok")
	})}
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, srv, ln, 5*time.Second) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatalf("request under way at the shutdown: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	<-started
	if string(body) != "ok" {
		t.Errorf("body %q, want the answer finished", body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve after shutdown: %v, want nil", err)
	}
}

// A listener that fails stops Serve with its error.
func TestServe_ListenerClosed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if err := Serve(context.Background(), &http.Server{}, ln, time.Second); err == nil {
		t.Error("Serve on a closed listener returned nil")
	}
}
