package daemon

import (
	"context"
	"errors"
)

// Report builds the drafts that are due, then moves them up their approval chains, then fills
// and sends the upper offices' templates whose reports were issued (package upstream).
func (d *Daemon) Report(ctx context.Context) error {
	return errors.Join(d.Consolidate(ctx), d.Approvals(ctx), d.upstream.Step(ctx))
}

// Consolidate builds the drafts that are due and sends each to the Planning Office (package
// report).
func (d *Daemon) Consolidate(ctx context.Context) error { return d.drafter.Step(ctx) }
