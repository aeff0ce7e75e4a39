package letters

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/form"
	"golang.org/x/text/unicode/norm"
)

// The parts every letter is built of: subject, greeting, names, contact line, signature,
// lists of problems and files.

// letter joins the non-empty paragraphs and ends the subject with the form code, so that a
// reply's subject still names the form and a phone shows the action first.
func letter(r Request, subject string, paragraphs ...string) Letter {
	if r.FormCode != "" {
		subject += " [" + r.FormCode + "]"
	}
	return tokenLetter("", subject, paragraphs...)
}

// tokenLetter is letter with a token ("[TH …]", "" for none) at the end of the subject.
func tokenLetter(token, subject string, paragraphs ...string) Letter {
	if token != "" {
		subject += " " + token
	}
	var kept []string
	for _, p := range paragraphs {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return Letter{
		Subject: headerText(subject),
		Body:    norm.NFC.String(strings.Join(kept, "\n\n") + "\n"),
	}
}

func greeting(unit string) string { return "Kính gửi: " + unitName(unit) }

func unitName(unit string) string {
	if unit = strings.TrimSpace(unit); unit != "" {
		return unit
	}
	return "Quý đơn vị"
}

func desk(o Office) string {
	if d := strings.TrimSpace(o.Desk); d != "" {
		return d
	}
	return "Văn phòng"
}

// officeName is the full name: "Văn phòng Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh".
func officeName(o Office) string {
	return strings.TrimSpace(desk(o) + " " + strings.TrimSpace(o.Name))
}

// requested names what is asked for inside a sentence: "Chương trình công tác trọng tâm
// tháng 11/2026", or "báo cáo" when the request is not known.
func requested(r Request) string {
	what := strings.TrimSpace(r.FormTitle)
	if what == "" {
		what = "báo cáo"
	}
	if p := strings.TrimSpace(r.Period); p != "" {
		what += " " + asked(lowerFirst(p))
	}
	return what
}

// brief names what is asked for in a subject, where a phone has little room: the period without
// the days it spans ("Chương trình công tác trọng tâm tuần 48/2026"), which the letter states.
func brief(r Request) string {
	what := strings.TrimSpace(r.FormTitle)
	if what == "" {
		what = "báo cáo"
	}
	if p := briefPeriod(r.Period); p != "" {
		what += " " + asked(p)
	}
	return what
}

// weekLabel is a week's label as period.Label writes it: "Tuần 48 (23/11 – 29/11/2026)".
var weekLabel = regexp.MustCompile(`^Tuần (\d{1,2}) \(.*?(\d{2})/(\d{1,2})/(\d{4})\)$`)

// briefPeriod shortens a period's label for a subject: "tuần 48/2026" for "Tuần 48 (23/11 –
// 29/11/2026)", "tháng 11/2026" for "Tháng 11/2026 (số liệu từ …)". A week keeps its year, which
// is the year of its Thursday (ISO 8601), so that the subject still names the period when a
// unit's reply is read without the workbook's identification.
func briefPeriod(label string) string {
	label = strings.TrimSpace(label)
	if m := weekLabel.FindStringSubmatch(label); m != nil {
		d, _ := strconv.Atoi(m[2])
		mo, _ := strconv.Atoi(m[3])
		y, _ := strconv.Atoi(m[4])
		sunday := time.Date(y, time.Month(mo), d, 12, 0, 0, 0, time.UTC)
		return "tuần " + m[1] + "/" + strconv.Itoa(sunday.AddDate(0, 0, -3).Year())
	}
	if i := strings.Index(label, " ("); i > 0 {
		label = label[:i]
	}
	return lowerFirst(label)
}

// withCode is requested with the form's code: "Báo cáo … tháng 11/2026 (biểu mẫu BM.02.01/KH)";
// a label that ends in parentheses takes the code inside them, so that two parentheses do not
// follow each other: "… tuần 48 (23/11 – 29/11/2026, biểu mẫu BM.04.01/KH)".
func withCode(r Request) string {
	what := requested(r)
	switch {
	case r.FormCode == "":
		return what
	case strings.HasSuffix(what, ")"):
		return strings.TrimSuffix(what, ")") + ", biểu mẫu " + r.FormCode + ")"
	}
	return what + " (biểu mẫu " + r.FormCode + ")"
}

func periodOr(label, otherwise string) string {
	if label = strings.TrimSpace(label); label != "" {
		return lowerFirst(label)
	}
	return otherwise
}

func deadlineLine(r Request) string {
	if r.Deadline.IsZero() {
		return ""
	}
	return "Thời hạn gửi: " + FormatDeadline(r.Deadline) + "."
}

func asOf(now time.Time) string {
	if now.IsZero() {
		return "Đến nay, "
	}
	return "Đến " + FormatDateTime(now) + ", "
}

func templateAgain(fileName string) string {
	if fileName == "" {
		return ""
	}
	return " Tệp mẫu " + quoted(fileName) + " được gửi kèm thư này để đơn vị tiện sử dụng."
}

func notYetConfirmed(o Office) string {
	return "Nếu đơn vị đã gửi nhưng chưa nhận được thư xác nhận, đề nghị liên hệ " + desk(o) + "."
}

func contactLine(o Office, c Contact) string {
	if name := strings.TrimSpace(c.Name); name != "" {
		s := "Mọi vướng mắc xin liên hệ đồng chí " + name
		for _, part := range []struct{ label, value string }{
			{"", c.Title}, {"điện thoại ", c.Phone}, {"thư điện tử ", c.Email},
		} {
			if v := strings.TrimSpace(part.value); v != "" {
				s += ", " + part.label + v
			}
		}
		return s + "."
	}
	phone, email := strings.TrimSpace(o.Phone), strings.TrimSpace(o.Email)
	switch {
	case phone != "" && email != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua số điện thoại " + phone + " hoặc thư điện tử " + email + "."
	case phone != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua số điện thoại " + phone + "."
	case email != "":
		return "Mọi vướng mắc xin liên hệ " + desk(o) + " qua thư điện tử " + email + "."
	}
	return ""
}

// signature closes every letter. "-- " marks the signature for mail programs. The parent body
// comes first, then the desk, as Decree 30 heads a document and the workbooks do.
func signature(o Office) string {
	lines := []string{"Trân trọng./.", "", "-- "}
	if name := strings.TrimSpace(o.Name); name != "" {
		lines = append(lines, strings.ToUpper(name))
	}
	lines = append(lines, strings.ToUpper(desk(o)))
	for _, part := range []struct{ label, value string }{
		{"Địa chỉ: ", o.Address}, {"Điện thoại: ", o.Phone}, {"Thư điện tử: ", o.Email},
	} {
		if v := strings.TrimSpace(part.value); v != "" {
			lines = append(lines, part.label+v)
		}
	}
	lines = append(lines, "", "Thư này do hệ thống tổng hợp báo cáo gửi tự động.")
	return strings.Join(lines, "\n")
}

// problemList numbers up to MaxListedProblems problems, then counts the rest with the
// given noun: "… và 12 lỗi khác.".
func problemList(problems []form.Problem, noun string) string {
	var lines []string
	for i, p := range problems {
		if i == MaxListedProblems {
			lines = append(lines, "… và "+count(len(problems)-i)+" "+noun+" khác.")
			break
		}
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, problemLine(p)))
	}
	return strings.Join(lines, "\n")
}

// problemLine writes "Trang tính “Chương trình”, ô C12: <message>", and "Tệp “a.xlsx”, trang
// tính “Chương trình”: Ô C12 …" for a message InFile named the file of.
func problemLine(p form.Problem) string {
	var where []string
	msg := headerText(p.Message)
	if file, rest, ok := inFile(msg); ok {
		where, msg = append(where, file), upperFirst(rest)
	}
	if s := headerText(p.Sheet); s != "" {
		where = append(where, "trang tính "+quoted(s))
	}
	// Messages from the templates package already begin "Ô F5 (…)": name the cell once.
	if c := headerText(p.Cell); c != "" && !strings.HasPrefix(msg, "Ô "+c) {
		where = append(where, "ô "+c)
	}
	if msg == "" {
		msg = "giá trị không hợp lệ"
	}
	if len(where) == 0 {
		return upperFirst(msg)
	}
	return upperFirst(strings.Join(where, ", ")) + ": " + msg
}

// inFile splits a message InFile wrote into the file's part ("tệp “a.xlsx”") and the message.
func inFile(msg string) (file, rest string, ok bool) {
	if !strings.HasPrefix(msg, inFilePrefix) {
		return "", "", false
	}
	end := strings.Index(msg, "”, ")
	if end < 0 {
		return "", "", false
	}
	return lowerFirst(msg[:end+len("”")]), msg[end+len("”, "):], true
}

// quoted puts text in quotation marks, cleaned and cut as SafeText does: what a letter quotes
// may come from a sender.
func quoted(s string) string { return "“" + SafeText(s) + "”" }

func fileList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoted(n)
	}
	return strings.Join(q, ", ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// headerText is NFC on one line, without control or bidirectional formatting characters, as
// mailer writes header fields: a subject is one line, and so is any text quoted from someone
// else's mail into a sentence. Unlike SafeText it does not cut.
func headerText(s string) string { return oneLine(s) }
