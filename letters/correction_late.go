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
func (f LateFile) inReport() string {
	if f.Counted > 0 {
		return fmt.Sprintf("trong đó số liệu của đơn vị là bản gửi lần thứ %d", f.Counted)
	}
	return "trong đó chưa có số liệu của đơn vị"
}

// LateFileReceiptLetter confirms to a unit that its file, received after the report was
// issued, is valid and kept, and says the one thing that follows: the Planning Office decides
// whether to take it into a corrected report, and will tell the unit.
func LateFileReceiptLetter(f LateFile) Letter {
	what := requested(f.Request)
	got := desk(f.Office) + " đã nhận được " + what + " của đơn vị" + formCode(f.Request)
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
	return letter(f.Request, "Đã nhận "+what+" gửi sau khi ban hành – "+unitName(f.Unit),
		greeting(f.Unit),
		got+". Tệp đã được kiểm tra và hợp lệ.",
		"Báo cáo tổng hợp kỳ này đã được ban hành "+f.Issued.String()+", "+f.inReport()+". "+desk(f.Office)+
			" sẽ xem xét có đưa bản này vào báo cáo điều chỉnh hay không và sẽ thông báo kết quả cho đơn vị.",
		warnings,
		contactLine(f.Office, f.Contact),
		signature(f.Office))
}

// LateFileNoticeLetter asks the Planning Office to decide, by answering, whether a unit's file
// received after the issue is taken into a corrected report. The unit's file is attached.
func LateFileNoticeLetter(f LateFile) Letter {
	who := unitName(f.Unit)
	return letter(Request{}, f.token()+" Báo cáo gửi sau khi ban hành: "+who+" – "+requested(f.Request),
		"Kính gửi: "+desk(f.Office),
		fmt.Sprintf("%s (%s) đã gửi %s%s, lần gửi thứ %d%s. Báo cáo tổng hợp kỳ này đã được ban hành %s, %s.",
			who, SafeText(f.Address), requested(f.Request), formCode(f.Request), f.Version,
			receivedLine(f.ReceivedAt, "", nil), f.Issued, strings.Replace(f.inReport(), "đơn vị", "đơn vị này", 1)),
		"Tệp hợp lệ, đã được lưu và gửi kèm thư này; tệp chưa được đưa vào số liệu tổng hợp.",
		"Đề nghị "+desk(f.Office)+" quyết định bằng cách trả lời thư này:\n"+
			"- “Đồng ý đưa vào”: bản này được đưa vào số liệu; báo cáo điều chỉnh được lập, trình duyệt lại từ bước đầu "+
			"và ban hành thay thế báo cáo đã ban hành;\n"+
			"- “Không đưa vào”: giữ nguyên báo cáo đã ban hành; bản này được lưu nhưng không được tính.",
		"Đơn vị sẽ được thông báo kết quả.",
		signature(f.Office))
}

// LateFileAskAgainLetter asks the clerk who answered the notice, once, to answer again plainly.
func LateFileAskAgainLetter(f LateFile, to Person, written string) Letter {
	quote := "Thư trả lời không có nội dung."
	if strings.TrimSpace(written) != "" {
		quote = "Nội dung đã nhận:\n" + indent(written)
	}
	return letter(Request{}, f.token()+" Đề nghị trả lời lại: báo cáo gửi sau khi ban hành – "+unitName(f.Unit),
		"Kính gửi: "+to.String(),
		fmt.Sprintf("Hệ thống chưa xác định được quyết định về bản gửi lần thứ %d của %s.", f.Version, unitName(f.Unit)),
		quote,
		"Đề nghị đồng chí trả lời thư này với một trong hai nội dung: “Đồng ý đưa vào” hoặc “Không đưa vào”.",
		signature(f.Office))
}

// LateFileDecisionLetter tells the unit what the Planning Office decided about its late file.
func LateFileDecisionLetter(f LateFile, taken bool) Letter {
	what := requested(f.Request)
	decided := fmt.Sprintf("%s đã xem xét %s của đơn vị%s, lần gửi thứ %d, gửi sau khi báo cáo tổng hợp kỳ này được "+
		"ban hành %s", desk(f.Office), what, formCode(f.Request), f.Version, f.Issued)
	next := "Báo cáo tổng hợp sẽ được điều chỉnh theo số liệu này, trình duyệt và ban hành thay thế báo cáo đã ban hành."
	subject := "Bản gửi sau khi ban hành được đưa vào báo cáo điều chỉnh – " + unitName(f.Unit)
	if taken {
		decided += ", và quyết định đưa bản này vào số liệu tổng hợp."
	} else {
		decided += ", và quyết định không đưa bản này vào báo cáo đã ban hành."
		next = "Báo cáo đã ban hành được giữ nguyên; bản gửi của đơn vị vẫn được lưu."
		subject = "Bản gửi sau khi ban hành không được đưa vào báo cáo – " + unitName(f.Unit)
	}
	return letter(f.Request, subject, greeting(f.Unit), decided, next, contactLine(f.Office, f.Contact), signature(f.Office))
}

// LateFileRecordedLetter tells the Planning Office that a clerk's decision about a late file was
// recorded, and what follows.
func LateFileRecordedLetter(f LateFile, by Person, taken bool) Letter {
	decision, next := "KHÔNG ĐƯA VÀO", "Báo cáo đã ban hành được giữ nguyên; đơn vị đã được thông báo."
	if taken {
		decision = "ĐƯA VÀO"
		next = "Kỳ báo cáo được mở lại để điều chỉnh: bản tổng hợp mới có số liệu này sẽ được lập, trình duyệt lại từ bước " +
			"đầu và ban hành thay thế báo cáo đã ban hành. Đơn vị đã được thông báo."
	}
	return letter(Request{}, f.token()+" Đã ghi nhận quyết định: báo cáo gửi sau khi ban hành – "+unitName(f.Unit),
		"Kính gửi: "+desk(f.Office),
		fmt.Sprintf("Hệ thống đã ghi nhận quyết định %s bản gửi lần thứ %d của %s (%s), theo thư trả lời của %s.",
			decision, f.Version, unitName(f.Unit), requested(f.Request), by),
		next,
		signature(f.Office))
}
