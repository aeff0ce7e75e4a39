package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/health"
	"github.com/tonghop/tonghop/ledger"
)

// startHealth serves /healthz and /metrics on health.listen until the returned stop is called
// (or ctx ends). With health.listen empty it serves nothing and returns a nil Monitor, whose
// hooks do nothing. An address that cannot be listened on stops the start: an operator who
// configured monitoring learns at once that it does not answer.
func startHealth(ctx context.Context, cfg *config.Config, l *ledger.Ledger, clk clock.Clock, log *slog.Logger) (*health.Monitor, func(), error) {
	if cfg.Health.Listen == "" {
		return nil, func() {}, nil
	}
	ln, err := net.Listen("tcp", cfg.Health.Listen)
	if err != nil {
		return nil, nil, fmt.Errorf("health.listen: %w", err)
	}
	mon := health.New(health.Options{Ledger: l, Now: clk.Now, PollStale: pollStale(time.Duration(cfg.Mailbox.PollInterval))})
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := mon.Serve(ctx, ln); err != nil {
			log.Error("health endpoint stopped", "component", "health", "err", err)
		}
	}()
	log.Info("health endpoint listening", "component", "health", "addr", ln.Addr().String())
	if !loopback(ln.Addr()) {
		log.Warn("health endpoint reachable from the network, without a password: firewall it or listen on 127.0.0.1",
			"component", "health", "key", "health.listen", "addr", ln.Addr().String())
	}
	return mon, func() { cancel(); <-done }, nil
}

// pollStale is how long without a successful poll /healthz calls the intake stale: the worker
// polls at least every poll interval, and after a failure backs off for up to five minutes
// (daemon.watch), so three intervals and those five minutes allow for a retry or two.
func pollStale(poll time.Duration) time.Duration { return 3*poll + 5*time.Minute }

// loopback says whether addr is on the loopback interface only ("0.0.0.0" and "" are every
// interface).
func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
