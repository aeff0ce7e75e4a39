package office

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// The archive is a plain copy of every workbook sent and received, filed as the procedures file
// them (hồ sơ lưu): form / period / unit. The ledger's blobs are the record; the archive is for
// people, who open it in a file manager.
//
// A received workbook names its own form, period and unit, and a unit names its own file, so
// none of them is a path: each folder comes from a canonical value (a configured form's code, a
// period as period.Parse reads it, a configured unit's code) and the file name from SafeName.

// Folders of the archive that are not a unit's.
const (
	// ReportFolder holds the consolidated workbooks of a period, beside the units' folders.
	ReportFolder = "_tong-hop"
	// TemplateFolder holds the templates sent to the units.
	TemplateFolder = "mau"
	// UnknownFolder stands for a form, period or unit that is not the office's: a workbook
	// that names something else is filed there, never under the name it gave.
	UnknownFolder = "khong-xac-dinh"
)

// archiveDir is the archive's folder inside the data directory.
const archiveDir = "archive"

// ArchivePath is the path of a workbook inside the data directory: archive / form / period /
// folder / file. formCode counts only when it is a configured form's, periodName only when
// period.Parse reads it (it is written canonically), folder only when it is a configured unit's
// code, ReportFolder or TemplateFolder; anything else is UnknownFolder. file goes through
// SafeName.
func (o *Office) ArchivePath(formCode, periodName, folder, file string) string {
	return filepath.Join(archiveDir, o.formFolder(formCode), periodFolder(periodName), o.archiveFolder(folder), SafeName(file))
}

// formFolder is the folder of a configured form, named by its slug.
func (o *Office) formFolder(code string) string {
	f, ok := o.Form(code)
	if !ok {
		return UnknownFolder
	}
	if slug := form.Slug(f.Code); SafeName(slug) == slug {
		return slug
	}
	return UnknownFolder
}

// periodFolder is the canonical name of a period.
func periodFolder(name string) string {
	p, err := period.Parse(name)
	if err != nil {
		return UnknownFolder
	}
	return p.String()
}

// archiveFolder is a configured unit's folder or one of the office's own.
func (o *Office) archiveFolder(folder string) string {
	if folder == ReportFolder || folder == TemplateFolder {
		return folder
	}
	if u, ok := o.Unit(folder); ok && SafeName(u.Code) == u.Code {
		return u.Code
	}
	return UnknownFolder
}

// maxNameBytes caps a file name well under the 255 bytes file systems allow, leaving room for
// a version prefix; a Vietnamese letter takes two or three bytes.
const maxNameBytes = 160

// defaultName stands for a name with nothing left.
const defaultName = "tep.xlsx"

// SafeName makes a sender's file name a plain name in its folder: what follows the last slash or
// backslash, without control, format (bidi, zero-width) or line-separator characters, invalid
// UTF-8 or leading dots and spaces, cut to maxNameBytes keeping the extension. It is never
// empty, ".", ".." or hidden.
func SafeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	name = strings.TrimRight(strings.TrimLeft(name, ". "), " ")
	name = capName(name)
	if name == "" {
		return defaultName
	}
	return name
}

// capName cuts name to maxNameBytes on a character boundary, keeping a short extension.
func capName(name string) string {
	if len(name) <= maxNameBytes {
		return name
	}
	ext := filepath.Ext(name)
	if len(ext) > 16 {
		ext = ""
	}
	stem := name[:len(name)-len(ext)]
	cut := maxNameBytes - len(ext)
	for cut > 0 && !utf8.RuneStart(stem[cut]) {
		cut--
	}
	return strings.TrimRight(stem[:cut], ". ") + ext
}

// Archive files data at rel (see ArchivePath) inside the data directory. It writes through the
// data directory's root, so a name that would leave it (.., an absolute path, a symbolic link
// pointing outside) is refused; the copy appears whole or not at all.
func (o *Office) Archive(rel string, data []byte) error {
	return o.File([]Copy{{Rel: rel, Data: data}})
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

// File writes the copies (see Archive), going on past a failure; it returns every failure.
func (o *Office) File(copies []Copy) error {
	if len(copies) == 0 {
		return nil
	}
	root, done, err := o.dataRoot()
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer done()
	var errs []error
	for _, c := range copies {
		if err := writeFile(root, c.Rel, c.Data, 0o640); err != nil {
			errs = append(errs, fmt.Errorf("archive %s: %w", c.Rel, err))
		}
	}
	return errors.Join(errs...)
}
