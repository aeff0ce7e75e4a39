package daemon

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
)

// The archive is a plain copy of every workbook sent and received, filed as the procedures file
// them (hồ sơ lưu): form / period / unit. The ledger's blobs are the record; the archive is
// for people, who open it in a file manager, so a failure to write it is logged, not fatal.

// archivePath is the path of a workbook inside data_dir/archive.
func archivePath(formCode, periodName, folder, file string) string {
	return filepath.Join("archive", form.Slug(formCode), periodName, folder, safeName(file))
}

// safeName keeps a sender's file name from escaping its folder or hiding itself.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.TrimLeft(name, ".")
	if name == "" || name == "/" {
		return "tep.xlsx"
	}
	return name
}

func (d *Daemon) archive(data []byte, rel string) {
	if err := writeArchive(d.o.DataDir, data, rel); err != nil {
		d.log.Warn("archive copy not written", "path", rel, "err", err)
	}
}

// writeArchive files data at rel inside the data directory's archive.
func writeArchive(dataDir string, data []byte, rel string) error {
	path := filepath.Join(dataDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o640)
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
		d.archive(data, archivePath(formCode, periodName, s.Unit, fmt.Sprintf("v%d_%s", s.Version, archiveName(s.FileName, data))))
	}
}
