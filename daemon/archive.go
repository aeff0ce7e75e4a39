package daemon

import (
	"errors"
	"fmt"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
)

// submissionCopies are the archive copies of the workbooks received, each under its form,
// period and unit, prefixed with its version (hồ sơ lưu). The ledger's blobs are the record; the
// archive is for people, who open it in a file manager. What a workbook says of itself is not a
// path: a form, period or unit that is not the office's is filed under office.UnknownFolder
// (see ArchivePath). A blob that cannot be read is skipped and returned as an error: the
// workbook is in the ledger all the same.
func (d *Daemon) submissionCopies(subs []ledger.Submission) ([]office.Copy, error) {
	var out []office.Copy
	var errs []error
	for _, s := range subs {
		if s.FileSHA256 == "" {
			continue
		}
		data, err := d.ledger.Blob(s.FileSHA256)
		if err != nil {
			errs = append(errs, fmt.Errorf("archive: workbook blob %s: %w", s.FileSHA256, err))
			continue
		}
		name := fmt.Sprintf("v%d_%s", s.Version, receive.ArchiveName(s.FileName, data))
		out = append(out, office.Copy{Rel: d.o.ArchivePath(s.Form, s.Period, s.Unit, name), Data: data})
	}
	return out, errors.Join(errs...)
}
