package letters

import (
	"fmt"
	"strings"
	"time"
)

// Issue 19, part 3 (tonghop to tonghop): letters about an upper office's template, which this
// office fills from its own issued report and sends back as one of the upper office's units.
// The clerks are told when the template comes, get a copy of the filled file before it goes
// (and can hold it back), and see every other mail of the upper office; the upper office gets
// the filled file with a covering letter, as a unit's clerk would send it.

// Upstream is what the letters say about one upper office's request.
type Upstream struct {
	Office   Office  // ours
	Upper    string  // the upper office's name: "UBND Thành phố"
	Request  Request // the upper office's form and period
	FromForm Request // our report that fills it
}

// UpstreamTemplateLetter tells the clerks that the upper office's template arrived; issued says
// whether our report of the period is already issued (it is then filled at once).
func UpstreamTemplateLetter(u Upstream, receivedAt time.Time, issued bool) Letter {
	next := "Khi " + requested(u.FromForm) + " của cơ quan được duyệt và phát hành, hệ thống sẽ tự điền số liệu vào biểu " +
		"mẫu này và gửi bản sao cho " + deskYou(u.Office) + " trước khi gửi " + u.Upper + "."
	if issued {
		next = requested(u.FromForm) + " của cơ quan đã được phát hành: hệ thống điền số liệu ngay và gửi bản sao cho " +
			deskYou(u.Office) + " trước khi gửi " + u.Upper + "."
	}
	return letter(u.Request, "Đã nhận biểu mẫu của "+u.Upper+": "+upperFirst(brief(u.Request)),
		toDesk(u.Office),
		"Hệ thống đã nhận được biểu mẫu "+withCode(u.Request)+" do "+u.Upper+" gửi lúc "+FormatDateTime(receivedAt)+
			" để cơ quan báo cáo với tư cách đơn vị trực thuộc.",
		next,
		signature(u.Office))
}

// UpstreamMail is another mail of the upper office: a receipt, a list of errors, a reminder.
type UpstreamMail struct {
	Office     Office
	Upper      string
	From       string
	Subject    string
	ReceivedAt time.Time
	Excerpt    string
	Files      []string
}

// UpstreamMailLetter shows the clerks a mail of the upper office that is not a template. The
// system never answers it: two offices' systems must not answer each other.
func UpstreamMailLetter(m UpstreamMail) Letter {
	files := ""
	if len(m.Files) > 0 {
		files = fmt.Sprintf(", kèm %d tệp: %s", len(m.Files), fileList(m.Files))
	}
	text := strings.TrimSpace(m.Excerpt)
	if text != "" {
		lines := SafeLines(text, excerptLines, excerptRunes)
		for i, l := range lines {
			lines[i] = strings.TrimRight("> "+l, " ")
		}
		text = "Nội dung thư:\n" + strings.Join(lines, "\n")
	}
	return letter(Request{}, "Thư của "+m.Upper+quotedSubject(m.Subject),
		toDesk(m.Office),
		m.Upper+", địa chỉ "+SafeText(m.From)+", đã gửi thư lúc "+FormatDateTime(m.ReceivedAt)+" với tiêu đề "+
			quoted(m.Subject)+files+". Hệ thống không trả lời tự động thư của cơ quan cấp trên; đề nghị "+
			deskYou(m.Office)+" xem và xử lý nếu cần.",
		text,
		signature(m.Office))
}

// UpstreamFilled is the copy of a filled template the clerks get before it goes.
type UpstreamFilled struct {
	Upstream
	FileName string
	Issued   Issued    // our issue whose figures fill it
	Number   int       // 1 for the first issue, 2 and up for a corrected one
	SendAt   time.Time // when it goes unless held; zero: it went at once
	Figures  int       // indicator figures written
	Rows     int       // list rows written
	Sections int       // narrative sections written
	Blank    []string  // what stayed blank, one line each (UpstreamBlank)
}

// UpstreamBlank writes one part left blank for the copy's list: an indicator's columns, a whole
// indicator, a list or a section of the upper form.
func UpstreamBlank(table, code, name string, columns []string, why string) string {
	s := "Mục " + quoted(name) + " trong " + quoted(table)
	if code != "" {
		s = "Chỉ tiêu " + SafeText(code) + " " + quoted(name) + " trong " + quoted(table)
	}
	switch len(columns) {
	case 0:
	case 1:
		s += ", cột " + quoted(columns[0])
	default:
		var qs []string
		for _, c := range columns {
			qs = append(qs, quoted(c))
		}
		s += ", các cột " + strings.Join(qs, ", ")
	}
	if why != "" {
		return s + " (" + why + ")"
	}
	return s
}

// maxListedBlanks bounds the blank parts a copy lists.
const maxListedBlanks = 40

// UpstreamCopyLetter sends the clerks the filled file before it goes to the upper office.
func UpstreamCopyLetter(f UpstreamFilled) Letter {
	corrected := ""
	if f.Number > 1 {
		corrected = ", bản điều chỉnh lần " + fmt.Sprint(f.Number-1)
	}
	source := fmt.Sprintf("Số liệu được lấy từ %s của cơ quan, đã được duyệt và phát hành lúc %s%s: %s số liệu chỉ tiêu, "+
		"ghép theo mã số chỉ tiêu và cột; %s dòng danh sách; %s mục nội dung, đúng như báo cáo đã tổng hợp. Không có số liệu "+
		"nào được tự thêm.",
		requested(f.FromForm), FormatDateTime(f.Issued.At), corrected, count(f.Figures), count(f.Rows), count(f.Sections))
	blank := "Mọi chỉ tiêu, danh sách và mục nội dung của biểu mẫu đều đã có số liệu."
	if len(f.Blank) > 0 {
		lines := f.Blank
		more := ""
		if len(lines) > maxListedBlanks {
			more = fmt.Sprintf("\n- … và %s mục khác", count(len(lines)-maxListedBlanks))
			lines = lines[:maxListedBlanks]
		}
		blank = "Các phần sau để trống vì báo cáo của cơ quan không có số liệu tương ứng; nếu cần, đề nghị " +
			deskYou(f.Office) + " điền trực tiếp và gửi " + f.Upper + ":\n- " + strings.Join(lines, "\n- ") + more
	}
	when := "Tệp đã được gửi " + f.Upper + " ngay."
	if !f.SendAt.IsZero() {
		when = "Tệp sẽ được gửi " + f.Upper + " lúc " + FormatDateTime(f.SendAt) + ". Nếu cần giữ lại chưa gửi, đề nghị " +
			deskYou(f.Office) + " trả lời thư này: “Giữ lại”; khi muốn gửi, trả lời: “Gửi”."
	}
	return letter(f.Request, "Bản sao báo cáo gửi "+f.Upper+": "+upperFirst(brief(f.Request)),
		toDesk(f.Office),
		"Hệ thống đã điền biểu mẫu "+withCode(f.Request)+" của "+f.Upper+", tệp "+quoted(f.FileName)+" gửi kèm thư này. "+
			"Phần thông tin nhận dạng của biểu mẫu được giữ nguyên để "+f.Upper+" nhận là báo cáo của cơ quan.",
		source,
		blank,
		when,
		signature(f.Office))
}

// UpstreamSubmissionLetter covers the filled file sent to the upper office.
func UpstreamSubmissionLetter(f UpstreamFilled) Letter {
	again := ""
	if f.Number > 1 {
		again = " Đây là bản điều chỉnh, thay cho bản đã gửi trước."
	}
	return letter(f.Request, "Gửi "+brief(f.Request),
		"Kính gửi: "+f.Upper,
		officeName(f.Office)+" gửi "+withCode(f.Request)+", tệp "+quoted(f.FileName)+" gửi kèm thư này."+again,
		"Số liệu được tổng hợp từ "+requested(f.FromForm)+" của cơ quan, đã được lãnh đạo duyệt và phát hành lúc "+
			FormatDateTime(f.Issued.At)+".",
		signature(f.Office))
}

// UpstreamFailedLetter tells the clerks that the template could not be filled, and why.
func UpstreamFailedLetter(u Upstream, why string) Letter {
	return letter(u.Request, "Chưa điền được biểu mẫu của "+u.Upper+": "+upperFirst(brief(u.Request)),
		toDesk(u.Office),
		"Hệ thống chưa điền được biểu mẫu "+withCode(u.Request)+" của "+u.Upper+" từ "+requested(u.FromForm)+
			" đã phát hành: "+strings.TrimSuffix(strings.TrimSpace(why), ".")+".",
		"Biểu mẫu chưa được gửi "+u.Upper+". Đề nghị "+deskYou(u.Office)+" điền biểu mẫu và gửi trực tiếp.",
		signature(u.Office))
}

// Reasons the stage writes into UpstreamFailedLetter.
const (
	UpstreamWhyEdited   = "báo cáo đã phát hành là bản do lãnh đạo chỉnh sửa trực tiếp, hệ thống không tính lại được số liệu của bản này"
	UpstreamWhyChanged  = "số liệu các đơn vị đã thay đổi so với bản đã phát hành"
	UpstreamWhyTemplate = "tệp biểu mẫu nhận được không ghi được số liệu"
)

// UpstreamAnswer is what became of a clerk's answer about a filled file.
type UpstreamAnswer int

// Answers.
const (
	UpstreamAnswerHeld     UpstreamAnswer = iota // held back
	UpstreamAnswerReleased                       // goes now
	UpstreamAnswerSent                           // too late: already sent
	UpstreamAnswerUnclear                        // neither: nothing changed
)

// UpstreamAnswerLetter answers a clerk's reply about a filled file.
func UpstreamAnswerLetter(u Upstream, clerk Person, a UpstreamAnswer, sendAt time.Time) Letter {
	var what string
	switch a {
	case UpstreamAnswerHeld:
		what = "Theo ý kiến của " + clerk.Named() + ", tệp được giữ lại, chưa gửi " + u.Upper + ". Khi muốn gửi, đề nghị trả lời thư này: “Gửi”."
	case UpstreamAnswerReleased:
		what = "Theo ý kiến của " + clerk.Named() + ", tệp được gửi " + u.Upper + " ngay."
	case UpstreamAnswerSent:
		what = "Tệp đã được gửi " + u.Upper + " trước khi nhận được ý kiến của " + clerk.Named() + ", nên không giữ lại được. " +
			"Nếu cần điều chỉnh, đề nghị liên hệ " + u.Upper + "."
	case UpstreamAnswerUnclear:
		if sendAt.IsZero() {
			what = "Hệ thống chưa hiểu rõ ý kiến của " + clerk.Named() + ", tệp vẫn đang được giữ lại. Khi muốn gửi, đề nghị trả lời thư này: “Gửi”."
			break
		}
		what = "Hệ thống chưa hiểu rõ ý kiến của " + clerk.Named() + ", tệp vẫn sẽ được gửi lúc " + FormatDateTime(sendAt) +
			". Nếu cần giữ lại, đề nghị trả lời thư này: “Giữ lại”; để gửi ngay: “Gửi”."
	}
	return letter(u.Request, "Đã nhận ý kiến về báo cáo gửi "+u.Upper+": "+upperFirst(brief(u.Request)),
		toDesk(u.Office),
		what,
		signature(u.Office))
}
