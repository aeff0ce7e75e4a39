// Package document builds the administrative document (văn bản hành chính) a report leaves the
// office as: a .docx in the layout of Decree 30/2020/NĐ-CP, Appendix I — the two-column header
// (governing body and issuing office; Quốc hiệu and Tiêu ngữ), the number and symbol, place and
// date, the type and summary, the body, the signer's block and "Nơi nhận". It is built from a
// pure value (Doc) and knows nothing of mail, the ledger or the configuration.
package document

import "time"

// Kind is the type of administrative document a form issues, as configured per form.
type Kind string

// Kinds of document (Decree 30/2020, Appendix III: the types and their abbreviations).
const (
	KindReport  Kind = "bao_cao"      // BÁO CÁO, BC
	KindNotice  Kind = "thong_bao"    // THÔNG BÁO, TB
	KindProgram Kind = "chuong_trinh" // CHƯƠNG TRÌNH, CTr
	KindPlan    Kind = "ke_hoach"     // KẾ HOẠCH, KH
)

// Kinds lists the kinds a form may configure.
var Kinds = []Kind{KindReport, KindNotice, KindProgram, KindPlan}

// Title is the kind as printed above the summary ("BÁO CÁO"); "" for an unknown kind.
func (k Kind) Title() string { return kindTitles[k] }

// Abbrev is the kind's abbreviation in a symbol ("BC"); "" for an unknown kind.
func (k Kind) Abbrev() string { return kindAbbrevs[k] }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { _, ok := kindTitles[k]; return ok }

// Doc is one document, everything it prints. Texts are as printed (the caller spells the
// office's names in capitals or not: the layout capitalises what the decree capitalises).
type Doc struct {
	GoverningBody string // cơ quan chủ quản: "UBND TỈNH NINH BÌNH"; "" when there is none
	Office        string // cơ quan ban hành: "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"
	// Number is the number as the register gave it ("125"); "" for a draft, printed blank for
	// the registry clerk to fill. A number given whole ("125/BC-BQL") is printed as given.
	Number string
	Symbol string // ký hiệu: "BC-BQL"
	Place  string // "Ninh Bình"
	Date   time.Time
	Kind   Kind
	// Summary is the trích yếu: "Kết quả thực hiện nhiệm vụ tháng 11 năm 2026".
	Summary string
	// Draft marks a document not issued yet: "DỰ THẢO" above the number, the version beside it.
	Draft        bool
	DraftVersion int
	Body         []Block
	Signer       Signer
	// Recipients are the "Nơi nhận" lines without their dash and semicolon.
	Recipients []string
	// Archive is the abbreviation after "Lưu: VT," — the drafting unit's ("KHTH").
	Archive string
}

// Signer is the signature block: the authority ("KT. TRƯỞNG BAN"; "" when the head signs), the
// title ("PHÓ TRƯỞNG BAN") and the name.
type Signer struct {
	Authority, Title, Name string
}

// Block is one piece of the body: a heading, paragraphs or a table.
type Block struct {
	Heading    string   // printed bold; "" none
	Paragraphs []string // body text, one paragraph each
	Table      *Table
	Note       string // printed italic under the table or paragraphs
}

// Table is a table of figures: its header row and its rows, each as printed.
type Table struct {
	Header []string
	Rows   [][]string
	// Numeric marks the columns right-aligned (figures); by index, shorter than Header is fine.
	Numeric []bool
	// List is a table of tasks (number, unit, the form's columns), its columns shared evenly;
	// otherwise a table of indicators (number, name, unit of measure, figures).
	List bool
}

// NumberLine is the "Số:" line: "Số: 125/BC-BQL", or "Số:      /BC-BQL" on a draft.
func (d Doc) NumberLine() string {
	switch {
	case d.Number == "":
		return labelNumber + numberBlank + "/" + d.Symbol
	case d.Symbol == "" || containsSlash(d.Number):
		return labelNumber + d.Number
	}
	return labelNumber + d.Number + "/" + d.Symbol
}

func containsSlash(s string) bool {
	for _, r := range s {
		if r == '/' {
			return true
		}
	}
	return false
}

// ArchiveLine is the last line of "Nơi nhận": "- Lưu: VT, KHTH."
func (d Doc) ArchiveLine() string {
	if d.Archive == "" {
		return archivePrefix + archiveClerk + "."
	}
	return archivePrefix + archiveClerk + ", " + d.Archive + "."
}
