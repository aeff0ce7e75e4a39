package daemon

import (
	"context"
	"errors"
)

// Report sends the units' files to their supervisors (copies, requests for a view), builds the
// drafts that are due, moves them up their approval chains, then fills and sends the upper
// offices' templates whose reports were issued (package upstream).
func (d *Daemon) Report(ctx context.Context) error {
	return errors.Join(d.Reviews(ctx), d.Consolidate(ctx), d.Approvals(ctx), d.upstream.Step(ctx))
}

// Reviews sends the units' files to their supervisors and reminds them (issue 19, part V; see
// review.Reviewer.Advance).
func (d *Daemon) Reviews(ctx context.Context) error { return d.reviewer.Advance(ctx) }

// Consolidate builds the drafts that are due and sends each to the Planning Office (package
// report).
func (d *Daemon) Consolidate(ctx context.Context) error { return d.drafter.Step(ctx) }
