package office

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// The archive is a plain copy of every workbook sent and received, filed as the procedures file
// them (hồ sơ lưu): form / period / unit. The ledger's blobs are the record; the archive is for
// people, who open it in a file manager.

// ReportFolder holds the consolidated workbooks of a period, beside the units' folders.
const ReportFolder = "_tong-hop"

// ArchivePath is the path of a workbook inside data_dir/archive.
func ArchivePath(formCode, periodName, folder, file string) string {
	return filepath.Join("archive", form.Slug(formCode), periodName, folder, SafeName(file))
}

// SafeName keeps a sender's file name from escaping its folder or hiding itself.
func SafeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.TrimLeft(name, ".")
	if name == "" || name == "/" {
		return "tep.xlsx"
	}
	return name
}

// Archive files data at rel (see ArchivePath) inside the data directory.
func (o *Office) Archive(rel string, data []byte) error {
	path := filepath.Join(o.DataDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return fmt.Errorf("archive %s: %w", rel, err)
	}
	if err := os.WriteFile(path, data, 0o640); err != nil {
		return fmt.Errorf("archive %s: %w", rel, err)
	}
	return nil
}

// ReportFileName names a consolidated workbook: "TongHop_BM.02.01-KH_2026-11_v2.xlsx".
func ReportFileName(formCode string, p period.Period, version int) string {
	return fmt.Sprintf("TongHop_%s_%s_v%d.xlsx", form.Slug(formCode), p, version)
}

// IssuedFileName names the issued report: "BaoCao_BM.02.01-KH_2026-11.xlsx".
func IssuedFileName(formCode, period string) string {
	return fmt.Sprintf("BaoCao_%s_%s.xlsx", form.Slug(formCode), period)
}

// Copy is a workbook to file in the archive once what it belongs to is recorded.
type Copy struct {
	Rel  string // see ArchivePath
	Data []byte
}

// File writes the copies, going on past a failure; it returns every failure.
func (o *Office) File(copies []Copy) error {
	var errs []error
	for _, c := range copies {
		if err := o.Archive(c.Rel, c.Data); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
