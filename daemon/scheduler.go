package daemon

import "context"

// Schedule queues the templates, reminders, nags and the office's digest due now (package ask).
func (d *Daemon) Schedule(ctx context.Context) error { return d.ask.Schedule(ctx) }
