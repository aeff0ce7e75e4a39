package letters

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
)

// The letters about a unit's file received after its report was issued (see correction.go for
// the rest of the correction of an issued report): the unit's receipt, the question to the
// clerks and their answer, the decision to the unit.

// LateFile is a unit's valid file received after its report was issued, for the letters about
// it: the unit's receipt, the question to the clerks, and the decision.
type LateFile struct {
	Office     Office
	Contact    Contact
	Unit       string // the unit's name
	Address    string // the address the file came from
	Request    Request
	Period     string // the canonical period ("2026-11"), for the tag
	UnitCode   string // for the tag
	File       string
	Version    int // the unit's version of the file
	ReceivedAt time.Time
	Issued     Issued // the report in force
	Counted    int    // the unit's version that report counted; 0: the unit was not in it
	Warnings   []form.Problem
	// MAC, in the notice to the clerks, goes into the subject's tag: an answer quoting it
	// answers that notice (see LateFileToken).
	MAC string
}

// LateFileToken is the subject tag of the clerks' notice about a late file: "[TH BM.02.01/KH
// 2026-11 QLDN v4 k3f9a1c0e]". It names the unit, so it is never read as a draft's token.
func LateFileToken(formCode, period, unit string, version int, mac string) string {
	if mac == "" {
		return fmt.Sprintf("[TH %s %s %s v%d]", formCode, period, unit, version)
	}
	return fmt.Sprintf("[TH %s %s %s v%d k%s]", formCode, period, unit, version, mac)
}

var lateTokenPattern = regexp.MustCompile(`\[TH ([^\]\s]{1,64}) ([0-9]{4}(?:-[A-Z0-9]{1,3})?) ([^\]\s]{1,64}) [vV]([0-9]{1,6})(?: [kK]([0-9a-fA-F]{8}))?\]`)

// ParseLateFileToken finds the last late-file tag in a subject; mac is in lower case, "" when
// the tag has none.
func ParseLateFileToken(subject string) (formCode, period, unit string, version int, mac string, ok bool) {
	all := lateTokenPattern.FindAllStringSubmatch(subject, -1)
	if len(all) == 0 {
		return "", "", "", 0, "", false
	}
	m := all[len(all)-1]
	v, err := strconv.Atoi(m[4])
	if err != nil || v < 1 {
		return "", "", "", 0, "", false
	}
	return m[1], m[2], m[3], v, strings.ToLower(m[5]), true
}

func (f LateFile) token() string {
	return LateFileToken(f.Request.FormCode, f.Period, f.UnitCode, f.Version, f.MAC)
}

// inReport says what the report in force holds of the unit.
func (f LateFile) inReport(unit string) string {
	if f.Counted > 0 {
		return fmt.Sprintf("với số liệu lần gửi thứ %d của %s", f.Counted, unit)
	}
	return "chưa có số liệu của " + unit
}

// lateSubject is what the letters' subjects call such a file.
const lateSubject = "gửi sau khi báo cáo tổng hợp đã được duyệt"

// LateFileReceiptLetter confirms to a unit that its file, received after the report was
// approved and sent, is valid and kept, and says the one thing that follows: the clerks decide
// whether to take it into a corrected report, and will tell the unit.
func LateFileReceiptLetter(f LateFile) Letter {
	what := requested(f.Request)
	got := desk(f.Office) + " đã nhận được " + what + " của đơn vị"
	if !f.ReceivedAt.IsZero() {
		got += " lúc " + FormatDateTime(f.ReceivedAt)
	}
	if f.File != "" {
		got += ", tệp " + quoted(f.File)
	}
	if f.Version > 0 {
		got += fmt.Sprintf(", lần gửi thứ %d", f.Version)
	}
	warnings := ""
	if len(f.Warnings) > 0 {
		warnings = "Một số điểm đơn vị cần lưu ý:\n" + problemList(f.Warnings, "điểm")
	}
	return letter(f.Request, "Đã nhận: "+upperFirst(brief(f.Request))+" ("+lateSubject+")",
		greeting(f.Unit),
		got+". Tệp đã được kiểm tra và hợp lệ.",
		"Báo cáo tổng hợp kỳ này "+f.Issued.sent(false)+", "+f.inReport("đơn vị")+". "+desk(f.Office)+
			" sẽ xem xét có đưa lần gửi này vào báo cáo điều chỉnh hay không và sẽ thông báo kết quả cho đơn vị.",
		warnings,
		contactLine(f.Office, f.Contact),
		signature(f.Office))
}

// LateFileNoticeLetter asks the clerks to decide, by answering, whether a unit's file received
// after the report was approved is taken into a corrected report. The unit's file is attached.
func LateFileNoticeLetter(f LateFile) Letter {
	who := unitName(f.Unit)
	return tokenLetter(f.token(), "Báo cáo "+lateSubject+": "+who+" – "+upperFirst(brief(f.Request)),
		toDesk(f.Office),
		fmt.Sprintf("%s, địa chỉ %s, đã gửi %s, lần gửi thứ %d%s. Báo cáo tổng hợp kỳ này %s, %s.",
			who, SafeText(f.Address), withCode(f.Request), f.Version,
			commaBefore(receivedLine(f.ReceivedAt, "", nil)), f.Issued.sent(true), f.inReport("đơn vị này")),
		"Tệp hợp lệ, đã được lưu và gửi kèm thư này; tệp chưa được đưa vào số liệu tổng hợp.",
		"Đề nghị "+deskYou(f.Office)+" quyết định bằng cách trả lời thư này:\n"+
			"- “Đồng ý đưa vào”: lần gửi này được đưa vào số liệu; dự thảo điều chỉnh được lập, trình duyệt lại từ "+
			"bước đầu và sau khi được duyệt sẽ được gửi thay thế báo cáo đã gửi "+f.Issued.String()+";\n"+
			"- “Không đưa vào”: giữ nguyên báo cáo đã gửi; lần gửi này được lưu nhưng không được đưa vào số liệu.",
		lateOnBoard(f),
		"Đơn vị sẽ được thông báo kết quả.",
		signature(f.Office))
}

// LateFileAskAgainLetter asks the clerk who answered the notice, once, to answer again plainly.
func LateFileAskAgainLetter(f LateFile, to Person, written string) Letter {
	quote := "Thư trả lời không có nội dung."
	if strings.TrimSpace(written) != "" {
		quote = "Nội dung đã nhận:\n" + indent(written)
	}
	return tokenLetter(f.token(), "Đề nghị trả lời lại: báo cáo "+lateSubject+" – "+unitName(f.Unit),
		toLeader(to),
		fmt.Sprintf("Hệ thống chưa xác định được quyết định về lần gửi thứ %d của %s.", f.Version, unitName(f.Unit)),
		quote,
		"Đề nghị đồng chí trả lời thư này với một trong hai nội dung: “Đồng ý đưa vào” hoặc “Không đưa vào”.",
		signature(f.Office))
}

// LateFileDecisionLetter tells the unit what the clerks decided about its late file.
func LateFileDecisionLetter(f LateFile, taken bool) Letter {
	what := requested(f.Request)
	decided := fmt.Sprintf("%s đã xem xét %s của đơn vị, lần gửi thứ %d, gửi sau khi báo cáo tổng hợp kỳ này %s",
		desk(f.Office), what, f.Version, f.Issued.sent(false))
	next := "Báo cáo tổng hợp sẽ được điều chỉnh theo số liệu này, trình duyệt lại và gửi thay thế báo cáo đã gửi " +
		f.Issued.String() + "."
	subject := fmt.Sprintf("Lần gửi thứ %d được đưa vào báo cáo điều chỉnh: %s", f.Version, upperFirst(brief(f.Request)))
	if taken {
		decided += ", và quyết định đưa lần gửi này vào số liệu tổng hợp."
	} else {
		decided += ", và quyết định không đưa lần gửi này vào báo cáo."
		next = "Báo cáo đã gửi được giữ nguyên; lần gửi của đơn vị vẫn được lưu."
		subject = fmt.Sprintf("Lần gửi thứ %d không được đưa vào báo cáo: %s", f.Version, upperFirst(brief(f.Request)))
	}
	return letter(f.Request, subject, greeting(f.Unit), decided, next, contactLine(f.Office, f.Contact), signature(f.Office))
}

// decided is how the clerks' letters name a decision about the late file f, and what follows it.
func (f LateFile) decided(taken bool) (decision, next string) {
	if !taken {
		return "KHÔNG ĐƯA VÀO", "Báo cáo đã gửi được giữ nguyên; đơn vị đã được thông báo."
	}
	return "ĐƯA VÀO", "Kỳ báo cáo được mở lại để điều chỉnh: dự thảo mới có số liệu này sẽ được lập, trình duyệt lại từ bước " +
		"đầu và sau khi được duyệt sẽ được gửi thay thế báo cáo đã gửi " + f.Issued.String() + ". Đơn vị đã được thông báo."
}

// LateFileRecordedLetter tells the clerks that a clerk's decision about a late file was
// recorded, and what follows.
func LateFileRecordedLetter(f LateFile, by Person, taken bool) Letter {
	decision, next := f.decided(taken)
	return tokenLetter(f.token(), "Đã ghi nhận quyết định: báo cáo "+lateSubject+" – "+unitName(f.Unit),
		toDesk(f.Office),
		fmt.Sprintf("Hệ thống đã ghi nhận quyết định %s lần gửi thứ %d của %s, %s, theo thư trả lời của %s.",
			decision, f.Version, unitName(f.Unit), requested(f.Request), by.Named()),
		next,
		signature(f.Office))
}
