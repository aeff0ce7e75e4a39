package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/web"
)

// runServe serves the board alone, from the ledger: no mail is read or sent, so it runs beside
// the daemon (which takes the data directory's lock) or on a copy of the data.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve --config FILE [--listen ADDR]",
		"Serve the Planning Office's board (who has sent what, the periods, the downloads) from the\n"+
			"ledger, without reading or sending mail. Accounts are made with 'tonghop user add'.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	listen := fs.String("listen", "", "`address` to listen on (default: web.listen, else "+config.DefaultWebListen+")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("%w: --config FILE is required", errUsage)
	}
	cfg, err := config.LoadListing(*path)
	if err != nil {
		return err
	}
	w := config.Web{Listen: config.DefaultWebListen, SessionHours: config.DefaultSessionHours}
	if cfg.Web != nil {
		w = *cfg.Web
	}
	if *listen != "" {
		w.Listen = *listen
	}
	of, err := compileOffice(cfg, false)
	if err != nil {
		return err
	}
	l, err := collectedLedger(ctx, cfg)
	if err != nil {
		return err
	}
	defer l.Close()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	stop, err := startBoard(ctx, w, of, l, clock.Real{}, logger)
	if err != nil {
		return err
	}
	<-ctx.Done()
	stop()
	return nil
}

// startBoard serves the board on w.Listen until the returned stop is called (or ctx ends); stop
// waits for the requests under way. An address that cannot be listened on stops the start.
func startBoard(ctx context.Context, w config.Web, of *office.Office, l *ledger.Ledger, clk clock.Clock, log *slog.Logger) (func(), error) {
	s, err := web.New(web.Options{Office: of, Ledger: l, Now: clk.Now, Log: log, PublicURL: w.PublicURL,
		SessionLifetime: time.Duration(w.SessionHours) * time.Hour})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", w.Listen)
	if err != nil {
		return nil, fmt.Errorf("web.listen: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := s.Serve(ctx, ln); err != nil {
			log.Error("board stopped", "component", "web", "err", err)
		}
	}()
	log.Info("board listening", "component", "web", "addr", ln.Addr().String(), "public_url", w.PublicURL)
	if !loopback(ln.Addr()) && w.PublicURL == "" {
		log.Warn("board reachable from the network without TLS: put it behind an https proxy and set web.public_url",
			"component", "web", "key", "web.listen", "addr", ln.Addr().String())
	}
	return func() { cancel(); <-done }, nil
}

// startConfiguredBoard starts the board of `tonghop run` when the configuration has a [web]
// table, and does nothing otherwise.
func startConfiguredBoard(ctx context.Context, cfg *config.Config, of *office.Office, l *ledger.Ledger, clk clock.Clock, log *slog.Logger) (func(), error) {
	if cfg.Web == nil {
		return func() {}, nil
	}
	return startBoard(ctx, *cfg.Web, of, l, clk, log)
}
