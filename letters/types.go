package letters

import (
	"time"

	"github.com/tonghop/tonghop/form"
)

// The data each letter needs. The texts themselves are in units.go, notices.go and
// approval.go. Times are written in their own location: give them in the office's time zone.

// Letter is a finished text: subject and plain-text body, NFC, for a Message.
type Letter struct {
	Subject string
	Body    string
}

// MaxListedProblems is how many problems a letter lists before "… và N lỗi khác".
const MaxListedProblems = 50

// Office is the office that collects the reports and signs the letters.
type Office struct {
	Name    string // the organisation: "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"
	Desk    string // the collecting office: "Văn phòng" (the default), "Phòng Kế hoạch - Tổng hợp"
	Phone   string // printed in the signature
	Email   string // the shared mailbox units send to, printed in the signature
	Address string // postal address, optional
	// Clerks are the desk's clerks, to whom its notices are addressed by name; none: the letters
	// greet the clerks of the desk as a body.
	Clerks []Person
	// Board is the board's public address ("https://tonghop.kcn.example", issue 22); "" when
	// none is configured. Letters to the clerks then link to its pages.
	Board string
	// HasBoard says the office serves the board without a public address: letters name its
	// page instead of linking to it.
	HasBoard bool
}

// Contact is the person a unit may ask about a letter, usually the clerk who consolidates.
// Empty: the letter points to the office's phone and mailbox instead.
type Contact struct {
	Name  string // "Nguyễn Thị Hoa"
	Title string // "chuyên viên Văn phòng"
	Phone string
	Email string
}

// Request is what the office asks of a unit: one form, for one period, by a deadline.
type Request struct {
	FormCode  string    // "BM.04.01/KH"
	FormTitle string    // "Chương trình công tác trọng tâm"
	Period    string    // the period's label as period.Label writes it: "Tháng 11/2026"
	Deadline  time.Time // zero: no deadline is stated
}

// Template is the letter that sends a unit its template for a period.
type Template struct {
	Office   Office
	Contact  Contact
	Unit     string // "Phòng Quản lý doanh nghiệp"
	Request  Request
	FileName string // the attached template; the unit must send it back under this name
	Resent   bool   // the template was sent before (lost mail, corrected form)
	Note     string // an optional paragraph from the office, printed as given
	// Late: the template goes out when a reminder or nag would already be due (tonghop started
	// late); the letter says how close, or past, the deadline is at Now, when it leaves.
	Late bool
	Now  time.Time
	// Word: the form is narrative sections alone for the unit, which may send its report as a
	// Word document instead (issue 20, part W).
	Word bool
}

// Receipt confirms that a unit's workbook was received and is valid.
type Receipt struct {
	Office     Office
	Contact    Contact
	Unit       string
	Request    Request
	Files      []string // names of the accepted files
	Version    int      // 1 for the first submission; 2 and up replace the earlier one
	ReceivedAt time.Time
	Warnings   []form.Problem // findings that do not prevent acceptance
	// Items lists what was recorded, one per accepted workbook; when set it replaces the
	// version and lateness paragraphs, since each item states its own.
	Items []ReceiptItem
	// Review, for files that go to the unit's supervisor first (issue 19, part V), says where
	// they stand (see ReviewStanding); "" for the others.
	Review string
}

// ReceiptItem is one workbook recorded: its form and period, version, how much it held and
// whether it came in time.
type ReceiptItem struct {
	File       string
	Request    Request // form, period and deadline of the workbook
	Version    int
	Rows       int  // table rows read
	Indicators int  // indicators with figures
	Closed     bool // the period was closed before it arrived: the Planning Office decides
	// Issued is the report in force when it arrived after the issue (with Closed).
	Issued *Issued
	// Sections are the titles of the narrative sections read from a Word report (issue 20, W).
	Sections []string
}

// RejectReason says why a unit's mail was not accepted.
type RejectReason int

// Reasons for a Rejection.
const (
	RejectInvalid      RejectReason = iota // the workbook has errors (Problems)
	RejectNoWorkbook                       // no workbook attached
	RejectUnreadable                       // the file cannot be opened
	RejectUnknownForm                      // the file is not one of the office's templates
	RejectWrongPeriod                      // the workbook is for another period (FoundPeriod)
	RejectWrongUnit                        // the workbook is another unit's template (FoundUnit)
	RejectTooLarge                         // the mail is over the size limit and was not read (Size, MaxSize)
	RejectTooManyFiles                     // the mail has more files than accepted (Count, MaxCount)
	// RejectOtherTemplate: the workbook was made from a template signed with a key the office
	// does not hold (an old template after the key was lost or changed, another office's).
	RejectOtherTemplate
)

// Rejection tells a unit its mail was not accepted, why, and what to do.
type Rejection struct {
	Office  Office
	Contact Contact
	Unit    string
	// Request is what the unit was asked for; its form fields may be empty when the
	// mail could not be matched to a request (no workbook, unknown form).
	Request         Request
	Reason          RejectReason
	Files           []string       // the files concerned
	Problems        []form.Problem // the errors, for RejectInvalid (others may add details)
	FoundPeriod     string         // RejectWrongPeriod: the label of the period the file is for
	FoundUnit       string         // RejectWrongUnit: the unit the file belongs to
	Size, MaxSize   int64          // RejectTooLarge: the mail's size and the largest accepted, in bytes
	Count, MaxCount int            // RejectTooManyFiles: the files attached and the most accepted
	ReceivedAt      time.Time
	OriginalSubject string // the subject of the unit's mail, quoted so it knows which one
	// Warnings are what else the check of the files found: listed after the errors, to look at
	// while correcting, so that the letter holds all that `tonghop check` reports.
	Warnings []form.Problem
	// Template names the fresh template attached, for the unit to fill instead of the file sent
	// (a file whose identification does not verify); "" when none is attached.
	Template string
}

// Reminder tells a unit, before the deadline, that its report has not arrived.
type Reminder struct {
	Office   Office
	Contact  Contact
	Unit     string
	Request  Request
	Now      time.Time // when the letter is written: gives the time left
	FileName string    // the template attached again, if any
}

// Nag tells a unit, after the deadline, that its report is overdue.
type Nag struct {
	Office   Office
	Contact  Contact
	Unit     string
	Request  Request
	Now      time.Time // when the letter is written: gives the days overdue
	FileName string    // the template attached again, if any
	// Copied is the leader supervising the unit when the nag is copied to them, and the letter
	// names them; zero when nobody is copied (no escalation yet, or no supervisor configured).
	Copied Person
}
