package daemon

import "context"

// Approvals moves every draft up its form's approval chain (see approve.Approver.Advance).
func (d *Daemon) Approvals(ctx context.Context) error { return d.approver.Advance(ctx) }
