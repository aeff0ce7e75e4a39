package letters

import (
	"fmt"
	"strings"
	"time"
)

// The letters about what people write outside the counted approvals: a configured person's mail
// forwarded to the Planning Office with what it is about, the correction of an issued report
// (the leader's request, its acknowledgement, the replacement issue), and the files units send
// after the issue (the unit's receipt, the question to the clerks, the decision). Leaders are
// addressed in the register of an office ("Kính đề nghị đồng chí …"); nothing here names a
// command, a setting or a code.

// Issued names an approved report as sent to its recipients: when, and which draft.
type Issued struct {
	At      time.Time // in the office's zone
	Version int       // the draft approved: "dự thảo lần 3"
}

// String writes the day the approved report was sent: "ngày 20/11/2026"; "trước đó" when the day
// is not known.
func (i Issued) String() string {
	if i.At.IsZero() {
		return "trước đó"
	}
	return "ngày " + FormatDate(i.At)
}

// sent is "đã được duyệt và gửi ngày 20/11/2026", with ", là dự thảo lần 3" for the clerks, who
// know the drafts (withDraft).
func (i Issued) sent(withDraft bool) string {
	s := "đã được duyệt và gửi " + i.String()
	if withDraft && i.Version > 0 {
		s += fmt.Sprintf(" (dự thảo lần %d)", i.Version)
	}
	return s
}

// Answered is what kind of tonghop's mail a person's mail answers.
type Answered int

// Kinds of mail a forwarded mail answers.
const (
	AnsweredNothing  Answered = iota // a new mail, or one answering no mail of the system
	AnsweredIssue                    // the approved report as sent
	AnsweredApproval                 // a request for approval, a reminder, an acknowledgement
	AnsweredUnit                     // a mail to a unit (template, reminder, nag) the person was copied on
	AnsweredOther                    // another mail of the system
)

// About is what a person's mail is about, as far as the system can tell.
type About struct {
	Answered Answered
	Report   Request // the form and period; empty when no report could be told
	Version  int     // the draft version the mail answers; 0 when none
	Unit     string  // AnsweredUnit: the unit the answered mail was for
	Issued   *Issued // the report in force, when the period was issued
	// Correcting says the issued report is being corrected (a new draft is coming).
	Correcting bool
}

// Why is why the system did not act on a person's mail itself.
type Why int

// Reasons a person's mail is only forwarded.
const (
	WhyNotDecision   Why = iota // not an approval or a request for changes the system counts
	WhyNotInChain               // the person decides no step of this report's approval
	WhyNotBound                 // it answers no mail the system sent the person about this report
	WhyOldVersion               // it is about a version that was replaced
	WhyNotYourTurn              // another step is deciding now
	WhyCorrecting               // the issued report is already being corrected
	WhyNoDraft                  // no draft is under approval
	WhyNotAuthentic             // the sender could not be verified (see Forward.Unverified)
	WhyNoChangeAsked            // an answer to the issued report that asks for no change
	WhyUnderRevision            // changes were asked already; the next version is being prepared
)

// Forward passes a configured person's mail to the Planning Office, with what it is about.
type Forward struct {
	Office     Office
	From       Person // the person the sender's address belongs to
	Address    string // the sender's address
	Subject    string
	ReceivedAt time.Time
	Words      string   // what the person wrote above the quoted mail, verbatim
	Files      []string // the attached files
	About      About
	Why        Why
	// Unverified says why the mail could not be shown to come from its sender ("" when it
	// was); the original mail is then not attached, Folder says where it is.
	Unverified string
	Folder     string
}

// forwardLines and forwardRunes bound how much of a person's words a forward quotes: they are
// read by people, not a reader that may misjudge, so most of a mail is kept.
const (
	forwardLines = 60
	forwardRunes = 500
)

// ForwardLetter writes the Planning Office's copy of a person's mail. A verified mail goes with
// the original attached by the caller; an unverified one says so first and plainly.
func ForwardLetter(f Forward) Letter {
	who := f.From.Named()
	warn, attached := "", "Bản gốc của thư, kèm các tệp đính kèm, được gửi kèm thư này."
	if f.Unverified != "" {
		warn = "LƯU Ý: Thư không qua được bước xác thực người gửi nên có thể không phải do " + setOff(who) + " gửi. " +
			strings.TrimSpace(f.Unverified) + "\nĐề nghị " + deskYou(f.Office) + " liên hệ trực tiếp với " + setOff(who) +
			" để xác nhận trước khi xử lý nội dung thư."
		attached = "Để phòng thư giả mạo, bản gốc và tệp đính kèm không được gửi kèm thông báo này; thư được lưu trong " +
			folderOf(f.Folder) + " của hộp thư chung."
	}
	return letter(Request{}, "Thư của "+f.From.String()+aboutSubject(f.About),
		toDesk(f.Office),
		warn,
		"Hệ thống đã nhận được thư của "+who+", địa chỉ "+SafeText(f.Address)+commaBefore(receivedLine(f.ReceivedAt, f.Subject, f.Files))+".",
		aboutLine(f.About),
		whyLine(f),
		quoteWords(f.Words),
		attached,
		signature(f.Office))
}

func aboutSubject(a About) string {
	if a.Report.FormCode == "" {
		return ""
	}
	return " về " + requested(a.Report)
}

// aboutLine says what the mail answers, with where the report stands.
func aboutLine(a About) string {
	what := upperFirst(withCode(a.Report))
	var s string
	switch {
	case a.Report.FormCode == "":
		return "Thư không trả lời thư nào của hệ thống về một báo cáo cụ thể."
	case a.Answered == AnsweredIssue:
		s = "Thư trả lời thư gửi " + what
	case a.Answered == AnsweredApproval && a.Version > 0:
		s = fmt.Sprintf("Thư trả lời thư xin ý kiến về dự thảo lần %d %s", a.Version, what)
	case a.Answered == AnsweredUnit && a.Unit != "":
		s = "Thư trả lời thư hệ thống gửi " + SafeText(a.Unit) + " về " + what
	default:
		s = "Thư liên quan đến " + what
	}
	switch {
	case a.Correcting && a.Issued != nil:
		s += "; báo cáo " + a.Issued.sent(true) + ", hiện đang được điều chỉnh"
	case a.Issued != nil:
		s += "; báo cáo " + a.Issued.sent(true)
	}
	return s + "."
}

// whyLine says why the system did not act on the mail itself, and that a person must read it.
func whyLine(f Forward) string {
	who, why := f.From.Named(), ""
	switch f.Why {
	case WhyNotInChain:
		why = upperFirst(setOff(who)) + " không thuộc trình tự duyệt báo cáo này nên thư không được ghi nhận là ý kiến duyệt"
	case WhyNotBound:
		why = "Thư không trả lời thư nào hệ thống đã gửi " + setOff(who) + " về báo cáo này nên chưa đủ căn cứ để ghi nhận là ý " +
			"kiến duyệt hay đề nghị điều chỉnh"
	case WhyOldVersion:
		why = "Ý kiến là về một dự thảo đã được thay thế; hệ thống đã kính trình người gửi dự thảo hiện hành để cho ý kiến"
	case WhyNotYourTurn:
		why = "Dự thảo đang chờ ý kiến của bước duyệt trước; hệ thống đã báo người gửi sẽ được kính trình dự thảo sau bước đó"
	case WhyCorrecting:
		why = "Báo cáo đang được điều chỉnh; thư được chuyển để xem cùng việc điều chỉnh"
	case WhyNoDraft:
		why = "Hiện chưa có dự thảo nào đang trình duyệt nên thư không được ghi nhận là ý kiến duyệt"
	case WhyNotAuthentic:
		why = "Vì chưa xác thực được người gửi, hệ thống không ghi nhận thư là ý kiến duyệt hay đề nghị điều chỉnh và " +
			"không trả lời người gửi"
	case WhyNoChangeAsked:
		why = "Thư không đề nghị điều chỉnh báo cáo đã duyệt"
	case WhyAwaitingNumber:
		why = "Báo cáo đã được duyệt và đang chờ văn thư cấp số văn bản để phát hành; thư không được ghi nhận là đề nghị " +
			"điều chỉnh. Nếu cần điều chỉnh, đề nghị gửi lại sau khi báo cáo được phát hành"
	case WhyUnderRevision:
		why = "Dự thảo đang được chỉnh sửa theo ý kiến đã nhận; dự thảo mới sẽ được kính trình người gửi theo trình tự duyệt"
	default:
		why = "Thư không phải ý kiến duyệt hay đề nghị điều chỉnh mà hệ thống tự xử lý được"
	}
	return why + ". Đề nghị " + deskYou(f.Office) + " xem và xử lý."
}

// quoteWords quotes what a person wrote, line by line.
func quoteWords(words string) string {
	words = strings.TrimSpace(words)
	if words == "" {
		return "Thư không có nội dung viết thêm."
	}
	lines := SafeLines(words, forwardLines, forwardRunes)
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return "Nội dung thư:\n" + strings.Join(lines, "\n")
}

func receivedLine(at time.Time, subject string, files []string) string {
	return received(Notice{ReceivedAt: at, Subject: subject, Files: files})
}

// commaBefore sets off with a comma a phrase that goes on a sentence (" lúc …"); "" stays "".
func commaBefore(phrase string) string {
	if phrase == "" {
		return ""
	}
	return "," + phrase
}

func folderOf(name string) string {
	if name == "" {
		return "thư mục cách ly"
	}
	return "thư mục " + quoted(name)
}

// Correction is a request to correct an issued report, for the letters about it.
type Correction struct {
	Draft  Draft  // the report: office, form and period, the version issued (Version)
	From   Person // who asked
	Words  string // what they wrote, verbatim
	Issued Issued // the issue in force
	// Edited names a workbook the person attached, taken as the next draft; "" when none.
	Edited string
	// Differs says what the report would count already differs from the issued one (a file
	// taken in): the next draft is built at once.
	Differs bool
	Steps   string // who the corrected draft goes to first: "Trưởng Ban Nguyễn Văn An"
}

// CorrectionLetter passes a leader's request to correct an issued report to the Planning
// Office, verbatim, and says how the correction goes on.
func CorrectionLetter(c Correction) Letter {
	d := c.Draft
	next := "Dự thảo mới sẽ được lập khi có thay đổi về số liệu: đơn vị gửi lại báo cáo, " + deskYou(d.Office) +
		" đồng ý đưa vào báo cáo điều chỉnh một lần gửi nhận được sau khi báo cáo đã được duyệt, hoặc " +
		redraftAsked(d)
	switch {
	case c.Edited != "":
		next = upperFirst(c.From.namedThen()) + " gửi kèm tệp đã sửa " + quoted(c.Edited) + "; tệp này được lưu làm dự thảo mới."
	case c.Differs:
		next = "Số liệu hiện có đã khác báo cáo đã duyệt nên hệ thống lập ngay dự thảo mới."
	}
	return letter(Request{}, "Đề nghị điều chỉnh báo cáo đã duyệt: "+upperFirst(brief(d.Request)),
		toDesk(d.Office),
		fmt.Sprintf("%s đề nghị điều chỉnh %s, %s. Nội dung ý kiến:\n%s", upperFirst(c.From.namedThen()), d.what(),
			c.Issued.sent(true), indent(c.Words)),
		"Kỳ báo cáo đã được mở lại để điều chỉnh. "+next,
		stepsLine(c.Steps, c.Issued),
		signature(d.Office))
}

// stepsLine says how a correction goes on: approved again from the first step (first names its
// people), then sent to the same recipients in place of the report sent before.
func stepsLine(first string, was Issued) string {
	s := "Dự thảo điều chỉnh sẽ được trình duyệt lại từ bước đầu"
	if first != "" {
		s += ", bắt đầu từ " + first
	}
	return s + "; sau khi được duyệt, báo cáo điều chỉnh được gửi đến các nơi đã nhận, thay thế báo cáo đã gửi " +
		was.String() + "."
}

// CorrectionAckLetter tells the leader who asked for the correction of the issued report that
// their request was received, and what happens now.
func CorrectionAckLetter(c Correction, to Person) Letter {
	d := c.Draft
	file := ""
	if c.Edited != "" {
		file = "Tệp " + quoted(c.Edited) + " đồng chí gửi kèm được lưu làm dự thảo mới."
	}
	return tokenLetter(d.token(), "Đã nhận đề nghị điều chỉnh: "+upperFirst(brief(d.Request)),
		toLeader(to),
		fmt.Sprintf("%s đã nhận được ý kiến của đồng chí về %s, %s:\n%s", desk(d.Office), d.what(),
			c.Issued.sent(false), indent(c.Words)),
		file,
		desk(d.Office)+" sẽ kiểm tra, điều chỉnh và kính trình lại dự thảo điều chỉnh theo trình tự duyệt; sau khi được "+
			"duyệt, báo cáo điều chỉnh sẽ được gửi đến các nơi đã nhận, thay thế báo cáo đã gửi "+c.Issued.String()+".",
		"Nếu "+desk(d.Office)+" ghi nhận chưa đúng ý kiến của đồng chí, kính đề nghị đồng chí trả lời thư này để "+
			desk(d.Office)+" điều chỉnh.",
		signature(d.Office))
}

// Replacement is what a corrected draft replaces: the issue in force, and why it is corrected.
type Replacement struct {
	Issued
	Why string // a sentence (see ReplacedBecause); "" when not told
}

// correctionLine is the paragraph of a request for approval of a corrected draft.
func correctionLine(d Draft) string {
	if d.Replaces == nil {
		return ""
	}
	return fmt.Sprintf("Đây là dự thảo điều chỉnh báo cáo %s; sau khi được duyệt, báo cáo điều chỉnh sẽ được gửi "+
		"đến các nơi đã nhận, thay thế báo cáo đó.", d.Replaces.Issued.sent(false))
}

// issueSubject begins the subject of the approved report's letter.
func issueSubject(d Draft) string {
	if d.Replaces != nil {
		return "Báo cáo đã duyệt, thay thế báo cáo đã gửi " + d.Replaces.Issued.String() + ": "
	}
	return "Báo cáo đã duyệt: "
}

// replacementLine is the paragraph of an issue letter that replaces an earlier issue.
func replacementLine(d Draft) string {
	if d.Replaces == nil {
		return ""
	}
	return strings.TrimSpace(fmt.Sprintf("Báo cáo này thay thế báo cáo đã gửi %s. %s Kính đề nghị sử dụng báo cáo này "+
		"thay cho báo cáo đã nhận trước đó.", d.Replaces.Issued, strings.TrimSpace(d.Replaces.Why)))
}

// ReplacedBecause writes why an issued report was corrected, for Replacement.Why: at a leader's
// request (leader's name empty: not), and to take in the files units sent after the issue.
func ReplacedBecause(leader Person, units []string) string {
	var parts []string
	if leader.Name != "" {
		parts = append(parts, "theo ý kiến của "+leader.Named())
		if len(units) > 0 {
			parts[0] = setOff(parts[0])
		}
	}
	if len(units) > 0 {
		names := make([]string, len(units))
		for i, u := range units {
			names[i] = SafeText(u)
		}
		parts = append(parts, "để bổ sung số liệu của "+strings.Join(names, ", ")+" gửi sau khi báo cáo đã được duyệt")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Báo cáo được điều chỉnh " + strings.Join(parts, " và ") + "."
}

// afterIssueLine is what a receipt says of a file that arrived after the report was approved.
func afterIssueLine(o Office, is *Issued) string {
	issued := "Báo cáo tổng hợp kỳ này đã được duyệt và gửi"
	if is != nil && !is.At.IsZero() {
		issued += " " + is.String()
	}
	return issued + "; " + desk(o) + " sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh hay không và sẽ thông báo " +
		"kết quả cho đơn vị."
}

// heldForwards is the digest's line about forwards held back by the hourly limits.
func heldForwards(n int) string {
	return count(n) + " thư khác của lãnh đạo và cán bộ gửi hộp thư chung chưa được chuyển riêng"
}
