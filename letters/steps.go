package letters

// Issue 19, part S: the letters of comment rounds, initials (ký nháy) and dated steps.

import (
	"fmt"
	"strings"
	"time"
)

// Comment is one answer to a comment round, for the letters that gather them.
type Comment struct {
	Person Person
	At     time.Time
	Agreed bool   // nhất trí, nothing to add
	Words  string // what the person wrote, when they commented
}

// CommentInstruction tells a person of a comment round how to answer. It asks for comments,
// not a decision: agreeing and commenting are both answers, and neither approves the report. It
// holds no word of assent ("Nhất trí", "Đồng ý"), so that a reply quoting it without quotation
// marks never reads as one.
const CommentInstruction = "Kính đề nghị đồng chí cho ý kiến góp ý bằng cách trả lời thư này. Nếu góp ý trực tiếp trên " +
	"tệp, kính đề nghị đồng chí ghi rõ nội dung góp ý trong thư trả lời."

// dueLine states when an answer is due: "Thời hạn cho ý kiến: trước 17:00 ngày 20/11/2026, thứ Sáu."
func dueLine(due time.Time) string {
	if due.IsZero() {
		return ""
	}
	return "Thời hạn cho ý kiến: trước " + FormatDateTime(due) + ", " + weekdayInText(due.Weekday()) + "."
}

// byDue is " trước 17:00 ngày 20/11/2026" inside a sentence, or nothing without a due date.
func byDue(due time.Time) string {
	if due.IsZero() {
		return ""
	}
	return " trước " + FormatDateTime(due)
}

// CommentRequestLetter asks one person of a comment round for comments on a draft by due.
func CommentRequestLetter(d Draft, to Person, due time.Time) Letter {
	return tokenLetter(d.token(), "Xin ý kiến góp ý: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s kính đề nghị đồng chí cho ý kiến đối với %s%s.", desk(d.Office), d.draftOf(), byDue(due)),
		correctionLine(d), d.summary(), attachedLine(d), CommentInstruction,
		"Sau thời hạn trên, "+desk(d.Office)+" tổng hợp các ý kiến đã nhận để hoàn thiện dự thảo và kính trình bước tiếp theo.",
		signature(d.Office))
}

// CommentReminderLetter reminds a person of a comment round who has not answered yet (the n-th
// reminder) that the comments are due by due.
func CommentReminderLetter(d Draft, to Person, n int, due time.Time) Letter {
	return tokenLetter(d.token(), fmt.Sprintf("Nhắc lần %d – xin ý kiến góp ý: %s", n, d.subject()),
		toLeader(to),
		fmt.Sprintf("%s đã kính đề nghị đồng chí cho ý kiến đối với %s. Đến nay %s chưa nhận được ý kiến của đồng chí.",
			desk(d.Office), d.draftOf(), desk(d.Office)),
		dueLine(due), d.summary(), attachedLine(d), CommentInstruction, signature(d.Office))
}

// CommentAckLetter confirms to a person of a comment round what was recorded from their answer.
func CommentAckLetter(d Draft, to Person, agreed bool, words string) Letter {
	recorded := fmt.Sprintf("%s đã nhận được ý kiến của đồng chí đối với %s: nhất trí, không có ý kiến khác.",
		desk(d.Office), d.draftOf())
	if !agreed {
		recorded = fmt.Sprintf("%s đã nhận được ý kiến góp ý của đồng chí đối với %s như sau:\n%s",
			desk(d.Office), d.draftOf(), indent(words))
	}
	return tokenLetter(d.token(), "Đã nhận ý kiến góp ý: "+d.subject(),
		toLeader(to), recorded,
		"Ý kiến của đồng chí được tổng hợp cùng ý kiến của các đồng chí khác khi kết thúc việc xin ý kiến. Nếu "+
			desk(d.Office)+" ghi nhận chưa đúng ý kiến của đồng chí, kính đề nghị đồng chí trả lời thư này.",
		signature(d.Office))
}

// commentLines lists the answers of a round, who said what, then who did not answer.
func commentLines(comments []Comment, missing []Person) string {
	var b strings.Builder
	for _, c := range comments {
		if c.Agreed {
			fmt.Fprintf(&b, "- %s, lúc %s: nhất trí, không có ý kiến khác.\n", upperFirst(c.Person.Named()), FormatDateTime(c.At))
			continue
		}
		fmt.Fprintf(&b, "- %s, lúc %s, góp ý:\n%s\n", upperFirst(c.Person.Named()), FormatDateTime(c.At), indent(c.Words))
	}
	if len(missing) > 0 {
		b.WriteString("Chưa có ý kiến của: " + joinNamed(missing) + ".")
	}
	return strings.TrimSpace(b.String())
}

// joinNamed names several people, separated by semicolons when their titles use commas.
func joinNamed(people []Person) string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Named()
	}
	return strings.Join(names, "; ")
}

// CommentsGatheredLetter gives the clerks the comments of a round that has closed (dueClosed:
// its due date passed before everyone answered), and says where the draft goes next.
func CommentsGatheredLetter(d Draft, comments []Comment, missing []Person, dueClosed bool, next string) Letter {
	closed := fmt.Sprintf("Các đồng chí được xin ý kiến đã cho ý kiến đối với %s.", d.draftOf())
	if dueClosed {
		closed = fmt.Sprintf("Đã hết thời hạn xin ý kiến đối với %s.", d.draftOf())
	}
	heading := "Tổng hợp ý kiến đã nhận:"
	if len(comments) == 0 {
		heading = "Không nhận được ý kiến nào."
	}
	route := ""
	if next != "" {
		route = "Dự thảo cùng các ý kiến trên đã được kính trình " + setOff(next) + " để xem xét."
	}
	return tokenLetter(d.token(), "Tổng hợp ý kiến góp ý: "+d.subject(),
		toDesk(d.Office), closed, heading+"\n"+commentLines(comments, missing), route,
		"Nếu cần chỉnh sửa dự thảo theo các ý kiến góp ý, đề nghị "+deskYou(d.Office)+" chuẩn bị dự thảo mới; "+
			"dự thảo mới sẽ được kính trình lại theo trình tự.",
		signature(d.Office))
}

// commentsBefore is the paragraph of a request that carries the comments of the round before it.
func commentsBefore(comments []Comment, missing []Person) string {
	if len(comments) == 0 && len(missing) == 0 {
		return ""
	}
	return "Ý kiến góp ý đối với dự thảo:\n" + commentLines(comments, missing)
}

// doneLines says which earlier steps approved or initialled this version.
func doneLines(done []Decided) string {
	var before []string
	for _, a := range done {
		before = append(before, fmt.Sprintf("%s đã %s lúc %s.", upperFirst(a.Person.namedThen()), a.verb(), FormatDateTime(a.At)))
	}
	return strings.Join(before, "\n")
}

// verb is what a step did: "duyệt", or "ký nháy" for an initial.
func (a Decided) verb() string {
	if a.Initial {
		return "ký nháy"
	}
	return "duyệt"
}

// InitialRequestLetter asks one person to initial (ký nháy) a draft before it goes on to be
// signed, by due when it has one; comments are those of the round before, if any.
func InitialRequestLetter(d Draft, to Person, done []Decided, comments []Comment, missing []Person, due time.Time) Letter {
	return tokenLetter(d.token(), "Kính trình ký nháy: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s kính trình đồng chí ký nháy %s%s, trước khi kính trình lãnh đạo ký duyệt.", desk(d.Office), d.draftOf(), byDue(due)),
		correctionLine(d), d.summary(), doneLines(done), commentsBefore(comments, missing), attachedLine(d),
		AnswerInstruction, signature(d.Office))
}

// StepRequestLetter asks an approving step to decide on a draft, with what ApprovalRequestLetter
// says and, for the new kinds of steps, the comments of the round before it and the due date.
func StepRequestLetter(d Draft, to Person, done []Decided, comments []Comment, missing []Person, due time.Time) Letter {
	return tokenLetter(d.token(), "Xin ý kiến duyệt: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s kính trình đồng chí %s để xem xét, cho ý kiến%s.", desk(d.Office), d.draftOf(), byDue(due)),
		correctionLine(d), d.summary(), doneLines(done), commentsBefore(comments, missing), attachedLine(d),
		AnswerInstruction, signature(d.Office))
}

// InitialAckLetter confirms to a leader that their initial (ký nháy) was recorded.
func InitialAckLetter(d Draft, to Person, next string) Letter {
	return tokenLetter(d.token(), "Đã nhận ý kiến: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s đã nhận được ý kiến của đồng chí: KÝ NHÁY %s.", desk(d.Office), d.draftOf()), next,
		"Nếu "+desk(d.Office)+" ghi nhận chưa đúng ý kiến của đồng chí, kính đề nghị đồng chí trả lời thư này để "+
			desk(d.Office)+" điều chỉnh.", signature(d.Office))
}

// DueReminderLetter reminds a step (the n-th reminder) that its answer on a draft is due by due;
// initial says the step initials.
func DueReminderLetter(d Draft, to Person, n int, due time.Time, initial bool) Letter {
	asked := "xin ý kiến duyệt"
	if initial {
		asked = "kính trình ký nháy"
	}
	return tokenLetter(d.token(), fmt.Sprintf("Nhắc lần %d – %s: %s", n, asked, d.subject()),
		toLeader(to),
		fmt.Sprintf("%s đã kính trình đồng chí %s. Đến nay %s chưa nhận được ý kiến của đồng chí.",
			desk(d.Office), d.draftOf(), desk(d.Office)),
		dueLine(due), d.summary(), attachedLine(d), AnswerInstruction, signature(d.Office))
}

// OverdueLetter tells a step (the n-th time) that its answer on a draft, due by due, is overdue;
// the clerks receive it in copy.
func OverdueLetter(d Draft, to Person, n int, due time.Time, initial bool) Letter {
	asked := "cho ý kiến duyệt"
	if initial {
		asked = "ký nháy"
	}
	return tokenLetter(d.token(), fmt.Sprintf("Quá thời hạn cho ý kiến (lần %d): %s", n, d.subject()),
		toLeader(to),
		fmt.Sprintf("%s đã kính trình đồng chí %s, thời hạn %s là %s. Đến nay đã quá thời hạn nhưng %s chưa nhận được "+
			"ý kiến của đồng chí.", desk(d.Office), d.draftOf(), asked, FormatDateTime(due), desk(d.Office)),
		"Kính đề nghị đồng chí sớm cho ý kiến để "+desk(d.Office)+" kịp hoàn thiện và gửi báo cáo. Thư này được gửi đồng thời "+
			"cho bộ phận tổng hợp để theo dõi.",
		d.summary(), attachedLine(d), AnswerInstruction, signature(d.Office))
}

// RoundClosedLetter tells a person that their comment came after the comment round on the
// draft had closed: it is not among the comments gathered, but the clerks receive it.
func RoundClosedLetter(d Draft, to Person) Letter {
	return tokenLetter(d.token(), "Ý kiến góp ý nhận sau thời hạn: "+d.subject(),
		toLeader(to),
		fmt.Sprintf("%s đã nhận được ý kiến góp ý của đồng chí đối với %s sau khi đã kết thúc việc xin ý kiến, nên ý kiến "+
			"này chưa có trong phần tổng hợp ý kiến đã kính trình.", desk(d.Office), d.draftOf()),
		"Ý kiến của đồng chí đã được chuyển đến bộ phận tổng hợp để xem xét khi hoàn thiện dự thảo.",
		signature(d.Office))
}

// StepStanding is where a period's approval stands, for the status command: the step waiting
// (counted from 1, of Steps), what it was asked, the version, its due date, and for a comment
// round who has answered and who has not.
type StepStanding struct {
	Label             string // the period, as status shows it ("Tháng 11/2026")
	Step, Steps       int
	Version           int
	Comment, Initial  bool
	Due               time.Time // zero: none
	Answered, Awaited []Person
}

// StepStandingLine is the status line of a period's approval: "Tháng 11/2026: đang xin ý kiến
// góp ý (bước 1/3), dự thảo lần 1, cần có ý kiến trước 17:00 ngày 20/11/2026; đã có ý kiến: …;
// chưa có ý kiến: …".
func StepStandingLine(s StepStanding) string {
	asked := "đang chờ ý kiến duyệt"
	switch {
	case s.Comment:
		asked = "đang xin ý kiến góp ý"
	case s.Initial:
		asked = "đang chờ ký nháy"
	}
	line := fmt.Sprintf("%s: %s (bước %d/%d), dự thảo lần %d", s.Label, asked, s.Step, s.Steps, s.Version)
	if !s.Due.IsZero() {
		line += ", cần có ý kiến trước " + FormatDateTime(s.Due)
	}
	if len(s.Answered) > 0 {
		line += "; đã có ý kiến: " + joinNamed(s.Answered)
	}
	if len(s.Awaited) > 0 {
		line += "; chưa có ý kiến: " + joinNamed(s.Awaited)
	}
	return line + "."
}
