// Package templates generates the Excel workbooks units fill for a form, reads back the workbooks
// they send and validates them precisely, with messages a civil servant can act on.
//
// Layout of a generated workbook (Generate), in sheet order:
//
//   - "Hướng dẫn": cover. Office, form code and title, unit, period, deadline, where to send, short
//     instructions, the preparer's name/phone/e-mail (input cells), the lists of values offered by
//     the drop-down columns, and a visible identification line "TONGHOP|code|version|unit|period".
//     Protected without password; only the preparer cells are unlocked.
//   - one sheet per table (form.Table), named after Table.Title: title in row 1, unit and period in
//     row 2, a hint in row 3, the header row at row 4 (HeaderRow) with "STT" in column A and the
//     columns in order from column B; Table.FreeRows formatted empty rows from row 5, frozen panes
//     below the header, data validation and input messages per column.
//   - one sheet per indicator table (form.IndicatorTable), named after its Title: header row at row
//     4 with "Mã số", "Chỉ tiêu", "Đơn vị tính" in columns A–C, then the value columns; one row per
//     indicator from row 5. Protected without password: only the value cells are unlocked.
//   - "Nội dung báo cáo" when the form has narrative sections: header row 4 ("Mục", "Nội dung"),
//     one row per section from row 5 with the title in A and the text in B.
//   - "_tonghop", very hidden: key/value identification (form, version, unit, period, tag) in
//     columns A and B, the tag being the hex HMAC-SHA256 of the rest under Meta.Secret.
//
// Read does not rely on these positions: it finds every part by its header titles, so rows inserted
// above a header, moved columns or renamed sheets still read.
package templates

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/tonghop/tonghop/form"
)

// Meta is what the template says about itself, printed on the cover sheet and stored in a hidden
// identification sheet with an HMAC-SHA256 tag (key = Secret) over form code, version, unit, period.
type Meta struct {
	Office      string    // "Ban Quản lý các khu công nghiệp tỉnh …"
	UnitCode    string    // "PKH"
	UnitName    string    // "Phòng Kế hoạch - Tổng hợp"
	Period      string    // canonical period, "2026-W47", "2026-11"
	PeriodLabel string    // "Tháng 11/2026"
	Deadline    time.Time // shown as status.FormatDeadline writes it, "17:00 ngày 18/11/2026, thứ Tư"
	ReplyTo     string    // the address to send the filled file to
	Secret      []byte
}

// Limits bounds the resources Read spends on one workbook. Zero fields take the defaults.
type Limits struct {
	MaxFileBytes  int64 // default 20 MiB
	MaxUnzipBytes int64 // excelize UnzipSizeLimit, default 100 MiB
	MaxXMLBytes   int64 // excelize UnzipXMLSizeLimit, default 16 MiB; larger XML parts are refused
	MaxCells      int   // default 200000 cells read in all
	// MaxChars bounds the characters in all cells, a shared string counting once per cell that
	// shows it, each cell cut to MaxCellChars first; default DefaultMaxChars.
	MaxChars int
	// Timeout bounds the time Read spends on one workbook; default DefaultTimeout.
	Timeout time.Duration
}

// Default limits used for zero fields of Limits.
const (
	DefaultMaxFileBytes  = 20 << 20
	DefaultMaxUnzipBytes = 100 << 20
	// DefaultMaxXMLBytes bounds one XML part: a sheet of 10,000 filled rows takes about 4 MiB,
	// and every byte is scanned, so more only serves files built to be slow.
	DefaultMaxXMLBytes = 16 << 20
	DefaultMaxCells    = 200000
	// DefaultMaxChars is far above a large genuine submission: a work program of 5,000 tasks
	// holds about 0.9 million characters, 5,000 tasks with as many results about 1.4 million.
	DefaultMaxChars = 8_000_000
	// DefaultTimeout is far above what a large genuine submission takes (about 1 s for 10,000
	// rows): a file that takes longer is built to be slow.
	DefaultTimeout = 20 * time.Second
)

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = DefaultMaxUnzipBytes
	}
	if l.MaxXMLBytes <= 0 {
		l.MaxXMLBytes = DefaultMaxXMLBytes
	}
	// excelize refuses an XML limit above the unzip limit.
	if l.MaxXMLBytes > l.MaxUnzipBytes {
		l.MaxXMLBytes = l.MaxUnzipBytes
	}
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultMaxCells
	}
	if l.MaxChars <= 0 {
		l.MaxChars = DefaultMaxChars
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// ErrUnreadable means the data is not a workbook Read can open: not an xlsx, corrupt, encrypted,
// a zip bomb or too large.
var ErrUnreadable = errors.New("workbook unreadable")

// ErrUnknownForm means the workbook opened but is none of the forms Read was given.
var ErrUnknownForm = errors.New("workbook is not a known form")

// Sheet names and positions shared by Generate, Fill and Read (the Vietnamese sheet names,
// CoverSheet and NarrativeSheet, are in messages.go).
const (
	IdentSheet = "_tonghop"
	// HeaderRow is the row of the column titles on table, indicator and narrative sheets of a
	// generated workbook; data starts on the row below.
	HeaderRow = 4
	// IdentPrefix starts the visible identification line on the cover sheet.
	IdentPrefix = "TONGHOP"
)

// Keys of form.Filled.Header: what the unit writes on the cover sheet (the unit and the period
// are the template's own). The date is normalised to YYYY-MM-DD, the phone to its digits.
const (
	HeaderPreparer = "preparer" // người lập biểu
	HeaderPhone    = "phone"
	HeaderEmail    = "email"
	HeaderDate     = "date"   // ngày báo cáo
	HeaderSigner   = "signer" // thủ trưởng đơn vị, who signs the report
)

// FileName returns the name a template is sent under: "BM.02.01-KH_2026-11_PKH.xlsx".
func FileName(f form.Form, unit, period string) string {
	return form.Slug(f.Code) + "_" + form.Slug(period) + "_" + form.Slug(unit) + ".xlsx"
}

// IdentTag returns the hex HMAC-SHA256 tag over a workbook's identification, as stored in the
// identification sheet. Fields are separated by a unit separator so no two idents share a message.
func IdentTag(secret []byte, code string, version int, unit, period string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(code + "\x1f" + strconv.Itoa(version) + "\x1f" + unit + "\x1f" + period))
	return hex.EncodeToString(mac.Sum(nil))
}

func tagMatches(secret []byte, id form.Ident, tag string) bool {
	got, err := hex.DecodeString(tag)
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(IdentTag(secret, id.Form, id.FormVersion, id.Unit, id.Period))
	return hmac.Equal(got, want)
}
