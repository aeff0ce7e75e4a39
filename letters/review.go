package letters

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Issue 19, part V (supervisors): the letters about a unit's file before the leader who
// supervises the unit (Phó Trưởng Ban phụ trách) — a copy for information, a request for their
// view or for the approval of the unit's plan, a reminder, what the unit is told of their
// answer, and what the clerks are told when the answer cannot be read or does not come.

// ReviewFile is a unit's recorded file before its supervisor, for the letters about it.
type ReviewFile struct {
	Office     Office
	Contact    Contact
	Unit       string  // the unit's name
	Request    Request // the form, the period and the unit's deadline
	File       string  // the file's name, attached to the supervisor's letters
	Version    int     // the unit's n-th file for the period
	ReceivedAt time.Time
	Supervisor Person
	// Plan: the supervisor approves the unit's own plan (phê duyệt kế hoạch) rather than giving
	// a view on a report before it is counted.
	Plan bool
	Due  time.Time // when the supervisor's answer is due; zero: no date
	// ID and MAC make the subject's tag of a letter to the supervisor (see ReviewToken): a reply
	// quoting it answers that letter.
	ID  int64
	MAC string
}

// ReviewToken is the subject tag of a letter to a supervisor about the recorded file id:
// "[YK 42 k3f9a1c0e]" ("ý kiến"), the MAC binding it to that supervisor.
func ReviewToken(id int64, mac string) string {
	if mac == "" {
		return fmt.Sprintf("[YK %d]", id)
	}
	return fmt.Sprintf("[YK %d k%s]", id, mac)
}

var reviewTokenPattern = regexp.MustCompile(`\[YK ([0-9]{1,12})(?: [kK]([0-9a-fA-F]{8}))?\]`)

// ParseReviewToken finds the last review tag in a subject; mac is in lower case, "" when the
// tag has none.
func ParseReviewToken(subject string) (id int64, mac string, ok bool) {
	all := reviewTokenPattern.FindAllStringSubmatch(subject, -1)
	if len(all) == 0 {
		return 0, "", false
	}
	m := all[len(all)-1]
	id, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || id < 1 {
		return 0, "", false
	}
	return id, strings.ToLower(m[2]), true
}

func (f ReviewFile) token() string { return ReviewToken(f.ID, f.MAC) }

// what names the unit's file: "Chương trình công tác trọng tâm tuần 48 (23/11 – 29/11/2026) của
// Phòng Quản lý doanh nghiệp (lần gửi thứ 2)".
func (f ReviewFile) what() string {
	s := requested(f.Request) + " của " + unitName(f.Unit)
	if f.Version >= 2 {
		s += fmt.Sprintf(" (lần gửi thứ %d)", f.Version)
	}
	return s
}

// short is the subject's name of the file: "Chương trình công tác trọng tâm tuần 48 – Phòng
// Quản lý doanh nghiệp".
func (f ReviewFile) short() string { return upperFirst(brief(f.Request)) + " – " + unitName(f.Unit) }

// received says when the file arrived: " lúc 09:15 ngày 18/11/2026"; "" unknown.
func (f ReviewFile) received() string {
	if f.ReceivedAt.IsZero() {
		return ""
	}
	return " lúc " + FormatDateTime(f.ReceivedAt)
}

func (f ReviewFile) attached() string {
	if f.File == "" {
		return ""
	}
	return "Tệp " + quoted(f.File) + " được gửi kèm thư này."
}

// asked is what the supervisor is asked for: "cho ý kiến" or "phê duyệt".
func (f ReviewFile) asked() string {
	if f.Plan {
		return "phê duyệt"
	}
	return "cho ý kiến"
}

// byDue is " trước 17:00 ngày 19/11/2026"; "" without a date.
func (f ReviewFile) byDue() string {
	if f.Due.IsZero() {
		return ""
	}
	return " trước " + FormatDateTime(f.Due)
}

// counted says what waits on the supervisor.
func (f ReviewFile) counted() string {
	if f.Plan {
		return "Kế hoạch của đơn vị được tổng hợp sau khi đồng chí phê duyệt."
	}
	return "Báo cáo của đơn vị được tổng hợp sau khi đồng chí đồng ý."
}

// ReviewCopyLetter sends the supervisor and the form's other readers (to) an accepted file of a
// unit, for information: nothing waits on them.
func ReviewCopyLetter(f ReviewFile, to []Person) Letter {
	you := "đồng chí"
	if len(to) != 1 {
		you = "các đồng chí"
	}
	return letter(f.Request, "Để đồng chí biết: "+f.short(),
		toPeople(to, leadersOf(f.Office)),
		fmt.Sprintf("%s đã tiếp nhận %s%s; tệp đã được kiểm tra và hợp lệ. %s xin gửi để %s biết.",
			desk(f.Office), f.what(), f.received(), desk(f.Office), you),
		f.attached(), signature(f.Office))
}

// ReviewRequestLetter asks the unit's supervisor for their view on its file, or for the
// approval of its plan, before it is counted; replaces is the unit's earlier file this one
// replaces in the supervisor's hands (0: none).
func ReviewRequestLetter(f ReviewFile, replaces int) Letter {
	subject := "Xin ý kiến: " + f.short()
	ask := fmt.Sprintf("%s kính gửi đồng chí %s, tiếp nhận%s, để đồng chí xem xét, cho ý kiến%s.",
		desk(f.Office), f.what(), f.received(), f.byDue())
	if f.Plan {
		subject = "Xin phê duyệt kế hoạch: " + f.short()
		ask = fmt.Sprintf("%s kính trình đồng chí %s, tiếp nhận%s, để đồng chí xem xét, phê duyệt%s.",
			desk(f.Office), f.what(), f.received(), f.byDue())
	}
	replaced := ""
	if replaces > 0 {
		replaced = fmt.Sprintf("Tệp này thay thế lần gửi thứ %d của đơn vị đã kính gửi đồng chí trước đây; "+
			"đồng chí không cần cho ý kiến về lần gửi đó.", replaces)
	}
	return tokenLetter(f.token(), subject,
		toLeader(f.Supervisor), ask, f.counted(), replaced, f.attached(), AnswerInstruction,
		"Nếu đồng chí đề nghị chỉnh sửa, ý kiến của đồng chí được chuyển nguyên văn để đơn vị sửa và gửi lại.",
		signature(f.Office))
}

// ReviewReminderLetter presents a file again to a supervisor whose answer has been awaited since
// since; n counts the reminders.
func ReviewReminderLetter(f ReviewFile, n int, since time.Time) Letter {
	sent := "Trước đây"
	if !since.IsZero() {
		sent = "Lúc " + FormatDateTime(since)
	}
	return tokenLetter(f.token(), fmt.Sprintf("Kính gửi lại (lần %d) – xin ý kiến: %s", n+1, f.short()),
		toLeader(f.Supervisor),
		fmt.Sprintf("%s, %s đã kính gửi đồng chí %s để %s. Đến nay %s chưa nhận được ý kiến của đồng chí, "+
			"xin kính gửi lại để đồng chí xem xét, %s%s.", sent, desk(f.Office), f.what(), f.asked(),
			desk(f.Office), f.asked(), f.byDue()),
		f.counted(), f.attached(), AnswerInstruction, signature(f.Office))
}

// ReviewAskAgainLetter asks a supervisor again, once, when their answer could not be read as
// agreement or as a request for changes; written is what they wrote.
func ReviewAskAgainLetter(f ReviewFile, written string) Letter {
	return tokenLetter(f.token(), "Xin đồng chí cho ý kiến lại: "+f.short(),
		toLeader(f.Supervisor),
		fmt.Sprintf("%s đã nhận được thư trả lời của đồng chí về %s nhưng chưa xác định được đồng chí đồng ý "+
			"hay đề nghị chỉnh sửa.", desk(f.Office), f.what()),
		quoteWords(written), answerAgain, signature(f.Office))
}

// ReviewSupersededLetter tells a supervisor that the unit sent a newer file (newer: its
// number), which replaces the one they were asked about: no answer is needed on it.
func ReviewSupersededLetter(f ReviewFile, newer int) Letter {
	return tokenLetter(f.token(), "Không cần cho ý kiến: "+f.short(),
		toLeader(f.Supervisor),
		fmt.Sprintf("%s đã kính gửi đồng chí %s để %s. Đơn vị đã gửi lần gửi thứ %d thay thế; "+
			"đồng chí không cần cho ý kiến về lần gửi trước.", desk(f.Office), f.what(), f.asked(), newer),
		"Lần gửi mới được kính gửi đồng chí trong một thư riêng.",
		signature(f.Office))
}

// ReviewAgreedLetter tells the unit that its supervisor agreed to its file (or approved its
// plan), so it is counted; note is what they wrote beyond their agreement, passed on verbatim
// ("" none).
func ReviewAgreedLetter(f ReviewFile, note string) Letter {
	subject, body := "Đã được đồng ý: "+upperFirst(brief(f.Request)),
		fmt.Sprintf("%s đã đồng ý với %s. Báo cáo của đơn vị được tổng hợp.", upperFirst(f.Supervisor.namedThen()), f.what())
	if f.Plan {
		subject = "Đã được phê duyệt: " + upperFirst(brief(f.Request))
		body = fmt.Sprintf("%s đã phê duyệt %s. Kế hoạch của đơn vị được tổng hợp.", upperFirst(f.Supervisor.namedThen()), f.what())
	}
	noted := ""
	if note = strings.TrimSpace(note); note != "" {
		noted = "Ý kiến của đồng chí:\n" + quotedWords(note)
	}
	return letter(f.Request, subject, greeting(f.Unit), body, noted, contactLine(f.Office, f.Contact), signature(f.Office))
}

// ReviewReturnedLetter returns a unit's file with its supervisor's words, verbatim: the unit
// corrects it and sends it again, and the corrected file goes to the supervisor again. edited
// names the workbook the supervisor corrected, attached ("" none).
func ReviewReturnedLetter(f ReviewFile, words, edited string) Letter {
	attached := ""
	if edited != "" {
		by := "lãnh đạo phụ trách"
		if name := strings.TrimSpace(f.Supervisor.Name); name != "" {
			by = "đồng chí " + name
		}
		attached = "Tệp " + quoted(edited) + " do " + by + " chỉnh sửa trực tiếp được gửi kèm thư này."
	}
	return letter(f.Request, "Đề nghị chỉnh sửa: "+upperFirst(brief(f.Request)),
		greeting(f.Unit),
		fmt.Sprintf("%s có ý kiến về %s như sau:", upperFirst(f.Supervisor.namedThen()), f.what()),
		quotedWords(words), attached,
		fmt.Sprintf("Kính đề nghị đơn vị chỉnh sửa theo ý kiến trên và gửi lại tệp bằng cách trả lời thư này. "+
			"Tệp gửi lại được chuyển %s để %s; báo cáo của đơn vị chưa được tổng hợp cho đến khi được đồng ý.",
			setOff(f.Supervisor.Named()), f.asked()),
		contactLine(f.Office, f.Contact), signature(f.Office))
}

// ReviewUnclearLetter tells the clerks that a supervisor's answer about a unit's file still
// could not be read after they were asked again: the file waits, not counted.
func ReviewUnclearLetter(f ReviewFile, written string) Letter {
	return tokenLetter(f.token(), "Chưa rõ ý kiến của lãnh đạo phụ trách: "+f.short(),
		toDesk(f.Office),
		fmt.Sprintf("%s đã trả lời về %s, nhưng hệ thống chưa xác định được đồng chí đồng ý hay đề nghị chỉnh sửa, "+
			"kể cả sau khi đã xin ý kiến lại.", upperFirst(f.Supervisor.namedThen()), f.what()),
		quoteWords(written), f.contactSupervisor(),
		signature(f.Office))
}

// ReviewOverdueLetter tells the clerks that a supervisor has not answered about a unit's file
// by the date due: the file waits, not counted.
func ReviewOverdueLetter(f ReviewFile) Letter {
	return tokenLetter(f.token(), "Quá hạn cho ý kiến: "+f.short(),
		toDesk(f.Office),
		fmt.Sprintf("Đến %s, %s chưa %s về %s.", FormatDateTime(f.Due), setOff(f.Supervisor.Named()), f.asked(), f.what()),
		f.contactSupervisor(),
		signature(f.Office))
}

// contactSupervisor asks the clerks to settle with the supervisor what tonghop could not.
func (f ReviewFile) contactSupervisor() string {
	who := "lãnh đạo phụ trách"
	if name := strings.TrimSpace(f.Supervisor.Name); name != "" {
		who = "đồng chí " + name
	}
	return "Tệp của đơn vị chưa được tổng hợp. Đề nghị " + deskYou(f.Office) + " liên hệ trực tiếp với " + who + " để xử lý."
}

// ReviewStanding is the receipt's paragraph about a file that goes to the unit's supervisor
// first: "Tệp đã được chuyển đồng chí …, Phó Trưởng Ban, cho ý kiến; …".
func ReviewStanding(supervisor Person, plan bool, due time.Time) string {
	f := ReviewFile{Supervisor: supervisor, Plan: plan, Due: due}
	s := fmt.Sprintf("Tệp đã được chuyển %s %s%s; ", setOff(supervisor.Named()), f.asked(), f.byDue())
	if plan {
		return s + "kế hoạch của đơn vị được tổng hợp sau khi được phê duyệt. Đơn vị sẽ được thông báo kết quả."
	}
	return s + "báo cáo của đơn vị được tổng hợp sau khi được đồng ý. Đơn vị sẽ được thông báo kết quả."
}

// quotedWords quotes a supervisor's words line by line, verbatim (made safe to show).
func quotedWords(words string) string {
	words = strings.TrimSpace(words)
	if words == "" {
		return "(thư không có nội dung viết thêm)"
	}
	lines := SafeLines(words, forwardLines, forwardRunes)
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}
