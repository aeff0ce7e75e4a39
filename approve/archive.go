package approve

import "errors"

// The archive (see office.Archive) holds a plain copy of the issued report for people to open;
// the ledger's blob is the record. A copy that cannot be written never stops the issue: the
// error goes back to the worker that issued, which logs it.

// archiveCopy is a workbook to file at rel inside the data directory.
type archiveCopy struct {
	rel  string
	data []byte
}

// file writes the copies, returning what failed.
func (a *Approver) file(copies []archiveCopy) error {
	var errs []error
	for _, c := range copies {
		if err := a.Office.Archive(c.rel, c.data); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// hold keeps the failure to file a reply's copies for the next Advance to return: Reply's own
// error would leave the mail unrecorded, and the issue must be recorded all the same.
func (a *Approver) hold(err error) {
	if err == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = append(a.pending, err)
}

// takePending returns the held failures, once.
func (a *Approver) takePending() []error {
	a.mu.Lock()
	defer a.mu.Unlock()
	errs := a.pending
	a.pending = nil
	return errs
}
