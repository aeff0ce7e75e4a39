package xlsconv

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// stats describes one finished conversion, for logs and measurements.
type stats struct {
	duration time.Duration
	// peakRSSKB is the largest resident set of the child or its reaped descendants. It is an
	// upper bound: Linux also counts the daemon's own RSS at the fork, as the child shares
	// the parent's memory until exec.
	peakRSSKB int64
	limited   bool // prlimit applied the memory/CPU limits
}

// ToXLSX converts an .xls workbook to .xlsx. It never returns partial output: the result is a
// complete zip package or an error. Failures wrap ErrFailed; when ctx is cancelled the error
// wraps ctx.Err() instead, since the file itself was not judged.
func (c *Converter) ToXLSX(ctx context.Context, xls []byte) ([]byte, error) {
	out, _, err := c.convert(ctx, xls)
	return out, err
}

// convert is ToXLSX that also reports how the child ran.
func (c *Converter) convert(ctx context.Context, xls []byte) ([]byte, stats, error) {
	l := c.limits()
	if int64(len(xls)) > l.maxInput {
		return nil, stats{}, fmt.Errorf("%w: input is %d bytes, limit %d: %w", ErrFailed, len(xls), l.maxInput, ErrTooLarge)
	}
	if !looksLikeXLS(xls) {
		return nil, stats{}, fmt.Errorf("%w: %w", ErrFailed, ErrNotXLS)
	}
	if err := ctx.Err(); err != nil {
		return nil, stats{}, fmt.Errorf("convert xls: %w", err)
	}
	dir, err := os.MkdirTemp(c.TempDir, "xlsconv-")
	if err != nil {
		return nil, stats{}, fmt.Errorf("convert xls: private directory: %w", err)
	}
	defer c.removeDir(dir)

	if err := os.WriteFile(filepath.Join(dir, inputName), xls, 0o600); err != nil {
		return nil, stats{}, fmt.Errorf("convert xls: write input: %w", err)
	}
	argv, output, err := c.command(dir)
	if err != nil {
		return nil, stats{}, fmt.Errorf("convert xls: %w", err)
	}
	var tail tailBuffer
	st, err := c.run(ctx, dir, argv, l, &tail)
	if err != nil {
		return nil, st, err
	}
	out, err := readOutput(output, l.maxOutput, completeXLSX)
	if err != nil {
		return nil, st, fmt.Errorf("%w%s", err, tail.suffix())
	}
	c.logger().Debug("converted xls", "converter", c.String(), "input_bytes", len(xls),
		"output_bytes", len(out), "duration", st.duration, "peak_rss_kb", st.peakRSSKB, "limited", st.limited)
	return out, st, nil
}

// run runs the converter in dir under the limits, its output kept in tail, and turns every way
// it can go wrong into an error wrapping ErrFailed (or ctx.Err() when the caller gave up).
func (c *Converter) run(ctx context.Context, dir string, argv []string, l limits, tail *tailBuffer) (stats, error) {
	argv, limited := withResourceLimits(argv, l)
	runCtx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()

	start := time.Now()
	state, runErr := runGroup(runCtx, dir, argv, tail)
	st := stats{duration: time.Since(start), limited: limited}
	if state != nil {
		st.peakRSSKB = peakRSSKB(state)
	}

	switch {
	case ctx.Err() != nil:
		return st, fmt.Errorf("convert xls: %w", ctx.Err())
	case runCtx.Err() != nil:
		return st, fmt.Errorf("%w: %s timed out after %s%s", ErrFailed, c.Kind, l.timeout, tail.suffix())
	case runErr != nil:
		return st, fmt.Errorf("%w: %s: %w%s", ErrFailed, c.Kind, runErr, tail.suffix())
	}
	return st, nil
}

// readOutput reads the converted file, refusing a missing, oversized or incomplete one (complete
// says why it is not whole, or nil). LibreOffice exits 0 even when it could not load the input,
// so a missing file is the only sign of failure there.
func readOutput(path string, maxOutput int64, complete func([]byte) error) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: converter wrote no output", ErrFailed)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: open output: %w", ErrFailed, err)
	}
	defer f.Close()
	out, err := readLimited(f, maxOutput)
	if err != nil {
		return nil, err
	}
	if err := complete(out); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFailed, err)
	}
	return out, nil
}

// completeXLSX: a readable central directory proves the zip was written to the end.
func completeXLSX(out []byte) error {
	if _, err := zip.NewReader(bytes.NewReader(out), int64(len(out))); err != nil {
		return fmt.Errorf("output is not a complete xlsx: %w", err)
	}
	return nil
}

// removeDir removes the private directory; failing to is logged, since it leaks disk but does
// not make the conversion wrong.
func (c *Converter) removeDir(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		c.logger().Warn("remove xls conversion directory", "dir", dir, "err", err)
	}
}

func (c *Converter) logger() *slog.Logger {
	if c.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Log
}

// readLimited reads r whole, refusing more than maxOutput bytes.
func readLimited(r io.Reader, maxOutput int64) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(r, maxOutput+1))
	if err != nil {
		return nil, fmt.Errorf("%w: read output: %w", ErrFailed, err)
	}
	if int64(len(out)) > maxOutput {
		return nil, fmt.Errorf("%w: output exceeds %d bytes: %w", ErrFailed, maxOutput, ErrTooLarge)
	}
	return out, nil
}
