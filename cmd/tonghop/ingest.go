package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/office"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", "ingest --config FILE MESSAGE.eml...",
		"Take in raw messages received some other way than the shared mailbox, exactly as the daemon\n"+
			"takes in mail: recorded in the ledger, workbooks read and validated, replies queued for the\n"+
			"running daemon to send. Prints one JSON line per message.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *path == "" || len(files) == 0 {
		return fmt.Errorf("%w: want --config FILE and at least one message", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	d, closeAll, err := ingestDaemon(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeAll()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return err // the messages left are not taken in: run ingest on them again
		}
		raw, err := readMessage(ctx, file, cfg.Mailbox.MaxMessageBytes)
		if err == nil {
			var res daemon.Ingested
			if res, err = d.Ingest(ctx, raw); err == nil {
				err = enc.Encode(struct {
					File string `json:"file"`
					daemon.Ingested
				}{file, res})
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "tonghop ingest: %s: %v\n", file, err)
			failed++
		}
	}
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}

// ingestDaemon opens the ledger and a daemon on it, without the mailbox: the daemon that runs, if
// any, keeps the mailbox and sends the replies queued here.
func ingestDaemon(ctx context.Context, cfg *config.Config, stderr io.Writer) (*daemon.Daemon, func(), error) {
	site, err := office.Open(ctx, cfg, false)
	if err != nil {
		return nil, nil, err
	}
	conv, err := xlsConverter(cfg)
	if err != nil {
		site.Close()
		return nil, nil, err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d, err := daemon.New(daemon.Options{Office: site.Office, Ledger: site.Ledger, Logger: logger, Converter: conv})
	if err != nil {
		site.Close()
		return nil, nil, err
	}
	return d, func() { d.Close(); site.Close() }, nil
}

// readMessage reads a saved message, refusing one larger than the mailbox would download.
func readMessage(ctx context.Context, file string, limit int64) ([]byte, error) {
	raw, err := readLimited(ctx, file, limit)
	if err == nil && int64(len(raw)) > limit {
		err = fmt.Errorf("larger than mailbox.max_message_bytes (%d)", limit)
	}
	return raw, err
}
