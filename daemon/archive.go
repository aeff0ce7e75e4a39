package daemon

import (
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
)

// The archive is a plain copy of every workbook sent and received, filed as the procedures file
// them (hồ sơ lưu): form / period / unit. The ledger's blobs are the record; the archive is
// for people, who open it in a file manager, so a failure to write it is logged, not fatal.

func (d *Daemon) archive(data []byte, rel string) {
	if err := d.o.Archive(rel, data); err != nil {
		d.log.Warn("archive copy not written", "path", rel, "err", err)
	}
}

// archiveSubmissions files a copy of each workbook received, prefixed with its version.
func (d *Daemon) archiveSubmissions(subs []ledger.Submission, log *slog.Logger) {
	for _, s := range subs {
		if s.FileSHA256 == "" {
			continue
		}
		data, err := d.ledger.Blob(s.FileSHA256)
		if err != nil {
			log.Warn("archive: workbook blob unreadable", "sha256", s.FileSHA256, "err", err)
			continue
		}
		formCode, periodName := s.Form, s.Period
		if formCode == "" {
			formCode, periodName = "khong-xac-dinh", "khac"
		}
		d.archive(data, office.ArchivePath(formCode, periodName, s.Unit, fmt.Sprintf("v%d_%s", s.Version, receive.ArchiveName(s.FileName, data))))
	}
}
