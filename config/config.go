// Package config reads tonghop's TOML configuration: the office, its shared mailbox and SMTP relay,
// the units that report, the people in the approval chain and the forms with their deadlines.
//
// Load decodes the file over defaults, resolves secrets (password_env, password_file), fills
// built-in form layouts and validates everything at once: the returned *Errors lists every problem
// with its key path, so an operator fixes the file in one pass.
package config

import (
	"crypto/x509"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/address"
	"github.com/tonghop/tonghop/form"
)

// Config is the whole configuration file.
type Config struct {
	DataDir string   `toml:"data_dir"` // ledger, raw mail, archived workbooks
	Office  Office   `toml:"office"`
	Mailbox Mailbox  `toml:"mailbox"`
	SMTP    SMTP     `toml:"smtp"`
	Files   Files    `toml:"files"`
	Units   []Unit   `toml:"units"`
	People  []Person `toml:"people"`
	Forms   []Form   `toml:"forms"`
	// Groups names the unit groups, key → the name people read: phuong = "UBND các phường".
	Groups map[string]string `toml:"groups"`
	// MailAuth says how far a leader's reply, or a unit's mail, is believed to come from its sender.
	MailAuth MailAuth `toml:"mail_auth"`
	// Health is where /healthz and /metrics are served (issue 21, part E).
	Health Health `toml:"health"`
	// Web is the Planning Office's board (issue 22); nil when the file has no [web] table.
	Web *Web `toml:"web"`
	// Upstream are the upper offices this office reports to as a unit (issue 19, part 3: see
	// upstream.go).
	Upstream []Upstream `toml:"upstream"`

	// Path is the file the configuration was read from ("" when parsed from bytes).
	Path string `toml:"-"`
	// Location is Office.TimeZone, loaded.
	Location *time.Location `toml:"-"`
	// Start is Office.Start at midnight in Location (zero when not set).
	Start time.Time `toml:"-"`
}

// Files says how received workbooks are read.
type Files struct {
	// XLSConverter converts legacy .xls workbooks to .xlsx: "auto" (Gnumeric's ssconvert or
	// LibreOffice, if installed), "off" (ask the unit to save as .xlsx), or a program's path.
	XLSConverter string `toml:"xls_converter"`
}

// Values of Files.XLSConverter besides a path.
const (
	ConverterAuto = "auto"
	ConverterOff  = "off"
)

// Office describes the office that collects the reports.
type Office struct {
	Name     string   `toml:"name"`      // "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh"
	Desk     string   `toml:"desk"`      // the collecting office: "Văn phòng", "Phòng Kế hoạch - Tổng hợp"
	Phone    string   `toml:"phone"`     // printed in letters as the contact
	TimeZone string   `toml:"time_zone"` // IANA name, default Asia/Ho_Chi_Minh
	Holidays []string `toml:"holidays"`  // "YYYY-MM-DD" days off besides weekends
	Workdays []string `toml:"workdays"`  // "YYYY-MM-DD" Saturdays or Sundays worked in compensation
	// Start is the first day tonghop collects ("YYYY-MM-DD"): periods whose deadline falls
	// before it are left alone, so going live mid-month does not nag about last month.
	Start string `toml:"start"`

	// The working calendar besides the dates above: PublicHolidays "vietnam" (default)
	// computes the holidays of the Labour Code 2019 for any year with the lunar calendar,
	// "none" leaves only Holidays; Tết spans TetDaysBefore days before lunar new year's day
	// (default 1) and TetDaysAfter from it (default 4); NationalDayAdjacent picks the second
	// day of 2/9 ("before", "after", "auto"); HolidayCompensation gives the next working day
	// off for a holiday on a weekly day off (default true).
	PublicHolidays      string   `toml:"public_holidays"`
	TetDaysBefore       int      `toml:"tet_days_before"`
	TetDaysAfter        int      `toml:"tet_days_after"`
	NationalDayAdjacent string   `toml:"national_day_adjacent"`
	HolidayCompensation bool     `toml:"holiday_compensation"`
	Weekend             []string `toml:"weekend"`       // weekly days off, default ["sat", "sun"]
	WorkingHours        []string `toml:"working_hours"` // default ["07:30-11:30", "13:30-17:00"]
	// DigestTime is when, on working days, the Planning Office's digest of late units goes out.
	DigestTime string `toml:"digest_time"`

	// The key of the integrity tag hidden in every template, given like a password. Empty: the
	// daemon keeps a random key in data_dir/template.key.
	TemplateKey     string `toml:"template_key"`
	TemplateKeyEnv  string `toml:"template_key_env"`
	TemplateKeyFile string `toml:"template_key_file"`
	// PreviousTemplateKeysFile names a file of the keys the office signed templates with before
	// changing the key, one a line as template_key or data_dir/template.key holds it ("#" starts
	// a comment): a workbook made from a template signed with one is still accepted, with a
	// warning. PreviousTemplateKeys are the keys it holds, read with the template key.
	PreviousTemplateKeysFile string   `toml:"previous_template_keys_file"`
	PreviousTemplateKeys     []string `toml:"-"`

	// Issue 20 (part D): the issued report as an administrative document. See OfficeDocument.
	OfficeDocument
}

// TLSMode is how a mail connection is protected.
type TLSMode string

// TLS modes accepted in the configuration.
const (
	TLSImplicit TLSMode = "implicit" // TLS from the first byte (IMAPS 993, SMTPS 465)
	TLSStartTLS TLSMode = "starttls" // plain connection upgraded with STARTTLS (IMAP 143, submission 587)
	TLSNone     TLSMode = "none"     // no encryption: only for a server on the same machine
)

// Server holds what the IMAP and SMTP sections share.
type Server struct {
	Host               string  `toml:"host"`
	Port               int     `toml:"port"`
	TLS                TLSMode `toml:"tls"`
	User               string  `toml:"user"`
	Password           string  `toml:"password"`      // in clear: only if you accept it in the file
	PasswordEnv        string  `toml:"password_env"`  // name of an environment variable holding it
	PasswordFile       string  `toml:"password_file"` // path of a file holding it (trailing newline ignored)
	InsecureSkipVerify bool    `toml:"insecure_skip_verify"`
	// CAFile is a PEM file of the certificate authorities to trust for this server instead of
	// the system's: an office mail server with a certificate from the office's own CA.
	CAFile string `toml:"ca_file"`
	// RootCAs is CAFile, loaded; nil means the system's roots.
	RootCAs *x509.CertPool `toml:"-"`
}

// Mailbox is the shared mailbox units send their files to.
type Mailbox struct {
	Server
	Inbox      string `toml:"inbox"`
	Processed  string `toml:"processed"`
	Rejected   string `toml:"rejected"`
	Quarantine string `toml:"quarantine"`
	// Failed is the folder a mail goes to once handling it failed the same way FailedAfter
	// times (issue 21): the clerks are told, the mails behind it are read.
	Failed string `toml:"failed"`
	// FailedAfter is that number of tries failing with the same error (default 3).
	FailedAfter     int      `toml:"failed_after"`
	PollInterval    Duration `toml:"poll_interval"`
	MaxMessageBytes int64    `toml:"max_message_bytes"`
	// MaxAttachments is the most files one message may carry (archives and forwarded
	// messages count their content); a message with more is quarantined unread.
	MaxAttachments int `toml:"max_attachments"`
	// RepliesPerHour is the most automatic answers one address gets in an hour; mail beyond
	// it is recorded but not answered, which stops a loop with a robot that answers everything.
	// A receipt or error list about workbooks the unit had not sent before is always sent (and
	// counted): a busy unit is never a loop, a mail repeating the same files may be.
	RepliesPerHour int `toml:"replies_per_hour"`
	// NoticesPerHour is the most notices about received mail (a stranger's mail, a unit's
	// message, a report after closing) the clerks get in an hour, from all senders together;
	// NoticesPerSenderPerHour the most that mail from one address causes. The notices beyond
	// are not sent but counted in the clerks' next daily digest, so a hundred strangers writing
	// at once make a handful of mails.
	NoticesPerHour          int `toml:"notices_per_hour"`
	NoticesPerSenderPerHour int `toml:"notices_per_sender_per_hour"`
}

// SMTP is the relay tonghop sends through.
type SMTP struct {
	Server
	From     string `toml:"from"`      // address units write back to: usually the shared mailbox
	FromName string `toml:"from_name"` // display name, default the office desk and name
	// DKIM signs tonghop's mail so leaders' mail systems trust it: the signing domain (From's
	// domain or a parent), the selector published in DNS and the PEM private key file.
	DKIMDomain   string `toml:"dkim_domain"`
	DKIMSelector string `toml:"dkim_selector"`
	DKIMKeyFile  string `toml:"dkim_key_file"`
	// DKIMKeyPEM is DKIMKeyFile's content; nil when not signing.
	DKIMKeyPEM []byte `toml:"-"`
}

// Unit is one reporting unit (phòng ban, đơn vị, UBND phường).
type Unit struct {
	Code       string   `toml:"code"`       // short, stable: "PKH", "QLDN"
	Name       string   `toml:"name"`       // "Phòng Quản lý doanh nghiệp"
	Emails     []string `toml:"emails"`     // addresses it sends from and receives at
	Supervisor string   `toml:"supervisor"` // id of the leader who supervises it (copied on escalations)
	// Group is the unit group it belongs to ("phuong"), a key of [groups]: a form's parts limited
	// to groups are filled by their units only. Empty: the parts for every unit only.
	Group string `toml:"group"`
}

// Person is someone in the chain: reviewer, approver, supervising leader, registry clerk.
type Person struct {
	ID     string   `toml:"id"`
	Name   string   `toml:"name"`
	Title  string   `toml:"title"` // "Chánh Văn phòng", "Phó Trưởng Ban"
	Emails []string `toml:"emails"`
	Roles  []string `toml:"roles"` // see Roles
	// SubmitsFor lists the units (codes, or "*" for all) this person may send reports for:
	// the unit is then taken from the workbook's identification, not from the sender.
	SubmitsFor []string `toml:"submits_for"`
	// SigningAuthority is what the person signs the documents they approve as, above their
	// title: "KT. TRƯỞNG BAN" for a deputy signing for the head (issue 20); "" for the head.
	SigningAuthority string `toml:"signing_authority"`
}

// Roles a person may have.
var Roles = []string{"clerk", "reviewer", "approver", "supervisor", "registry"}

// Form is a report form the office collects, with its calendar and chain. The layout fields
// (tables, indicators, narrative) come from the built-in form of the same code when left out.
type Form struct {
	form.Form
	// Deadline is the rule of every kind of the form's periods ("thu 15:00", "day 18", "15/06";
	// see package period), or one per kind: { week = "thu 15:00", month = "day 20" }.
	Deadline ByKind `toml:"deadline"`
	// Periods are the periods of its kinds the form collects, by the suffix of their key:
	// ["H1"], ["Q1", "Q3"], ["01", "07"]. A kind none of whose periods is listed: all of them.
	Periods        []string `toml:"periods"`
	DeadlineDayOff string   `toml:"deadline_day_off"` // a deadline on a day off moves to the "previous" (default) or "next" working day
	CutoffDay      int      `toml:"cutoff_day"`       // data cut-off day of the month (Decree 09/2019: 15); 0: the calendar period
	PlansNext      KindSet  `toml:"plans_next"`       // a work program: due in the period before the one it plans; true, or the kinds that do
	SendTemplate   string   `toml:"send_template"`    // how long before the deadline units get their template: "5d", "3wd"
	Reminders      []string `toml:"reminders"`        // before the deadline, to units that have not sent: "-2wd", "morning"
	Nags           []string `toml:"nags"`             // after the deadline, to late units: "+1d", "+3d"
	NagEvery       string   `toml:"nag_every"`        // after the listed nags, one every so often: "1wd"
	MaxNags        int      `toml:"max_nags"`         // nags in all when nag_every repeats them (default 5)
	EscalateFrom   int      `toml:"escalate_from"`    // from this nag on (1-based) the supervisor is copied; 0 never
	DigestFrom     int      `toml:"digest_from"`      // from this nag on the unit is listed in the office's daily digest; 0 never
	Units          []string `toml:"units"`            // codes of the units that report; empty means all
	// Approval lists the steps of the chain, in order: reviewer(s) then the approver. A step is
	// a person id, or several joined by "|" when any one of them may decide ("pho_tb_1|pho_tb_2").
	Approval []string `toml:"approval"`
	// Steps is the approval chain as [[forms.steps]] tables, each with its kind and due date
	// (issue 19, part S): an alternative to Approval, not both. See FormStep.
	Steps []FormStep `toml:"steps"`
	// ApprovalOnRevise is where a new version goes after changes were asked: "restart" (the
	// first step, the default) or "step" (the step that asked).
	ApprovalOnRevise string `toml:"approval_on_revise"`
	// ApprovalRemindAfter is the working time a step may leave a request unanswered before it
	// is reminded ("4h", the default; "0" never); ApprovalMaxReminders bounds the reminders per
	// step and version (default 2).
	ApprovalRemindAfter  string   `toml:"approval_remind_after"`
	ApprovalMaxReminders int      `toml:"approval_max_reminders"`
	Recipients           []string `toml:"recipients"` // people ids or addresses the issued report goes to
	// ConsolidateAfter is how long after the deadline the report is consolidated with the
	// units still missing shown ("+2h", the default; "+1wd"); it is built earlier when every
	// unit has sent a valid file.
	ConsolidateAfter string `toml:"consolidate_after"`
	// DeadlineOverrides moves single periods' deadlines by hand.
	DeadlineOverrides []DeadlineOverride `toml:"deadline_overrides"`
	// RetentionYears is how many years a period's records are kept after the period ends (issue
	// 21): unset, 5; 0, for ever. A yearly report is kept for ever whatever it says. See Retention.
	RetentionYears *int `toml:"retention_years"`
	// Issue 20 (part D): the document the report is issued as. See FormDocument.
	FormDocument

	// Issue 19, part V (supervisors): what the unit's supervisor (units.supervisor) does with
	// its files. Supervisor is "copy" (a copy of each accepted file), "review" (their view before
	// the file counts) or "approve" (their approval of the unit's own plan before it counts); ""
	// nothing, as before. SupervisorDue is how long they have: "+1wd" after the file arrives (the
	// default) or a date rule of the form's period kind ("20/12"). Copies are people ids who get
	// a copy of each accepted file too (the Head, the Office chief).
	Supervisor    string   `toml:"supervisor"`
	SupervisorDue string   `toml:"supervisor_due"`
	Copies        []string `toml:"copies"`

	// Issue 20, part R (the register): Symbol is what follows the number of the form's issued
	// document ("BC-BQL": "125/BC-BQL"); none, the report is not numbered. Numbering is "auto"
	// (the default: the next number of the year) or "registry" (the registry clerk gives it).
	Symbol    string `toml:"symbol"`
	Numbering string `toml:"numbering"`
}

// Duration is a time.Duration written as "90s", "5m", "1h".
type Duration time.Duration

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(strings.TrimSpace(string(b)))
	if err != nil {
		return fmt.Errorf("%q is not a duration such as \"90s\", \"5m\" or \"1h\"", string(b))
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration back.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// Unit returns the unit with the given code.
func (c *Config) Unit(code string) (Unit, bool) {
	for _, u := range c.Units {
		if u.Code == code {
			return u, true
		}
	}
	return Unit{}, false
}

// UnitByEmail returns the unit an address belongs to, compared in the canonical form of package
// address (ASCII letters folded, IDNA domains): an address without one belongs to nobody.
func (c *Config) UnitByEmail(addr string) (Unit, bool) {
	for _, u := range c.Units {
		if address.In(u.Emails, addr) {
			return u, true
		}
	}
	return Unit{}, false
}

// PersonByEmail returns the person an address belongs to, compared as UnitByEmail does.
func (c *Config) PersonByEmail(addr string) (Person, bool) {
	for _, p := range c.People {
		if address.In(p.Emails, addr) {
			return p, true
		}
	}
	return Person{}, false
}

// MaySubmitFor reports whether p may send reports on behalf of the unit.
func (p Person) MaySubmitFor(unit string) bool {
	return slices.Contains(p.SubmitsFor, "*") || slices.Contains(p.SubmitsFor, unit)
}

// Clerks returns the people with the clerk role: the Planning Office staff told about what
// tonghop cannot settle alone (unknown senders, questions from units).
func (c *Config) Clerks() []Person {
	var out []Person
	for _, p := range c.People {
		if slices.Contains(p.Roles, "clerk") {
			out = append(out, p)
		}
	}
	return out
}

// Person returns the person with the given id.
func (c *Config) Person(id string) (Person, bool) {
	for _, p := range c.People {
		if p.ID == id {
			return p, true
		}
	}
	return Person{}, false
}

// Form returns the form with the given code.
func (c *Config) Form(code string) (*Form, bool) {
	for i := range c.Forms {
		if c.Forms[i].Code == code {
			return &c.Forms[i], true
		}
	}
	return nil, false
}

// FormUnits returns the units that report on f.
func (c *Config) FormUnits(f *Form) []Unit {
	if len(f.Units) == 0 {
		return c.Units
	}
	var out []Unit
	for _, code := range f.Units {
		if u, ok := c.Unit(code); ok {
			out = append(out, u)
		}
	}
	return out
}

// Layouts returns the layouts of every configured form, for reading workbooks.
func (c *Config) Layouts() []form.Form {
	out := make([]form.Form, len(c.Forms))
	for i, f := range c.Forms {
		out[i] = f.Form
	}
	return out
}
