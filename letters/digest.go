package letters

import (
	"fmt"
	"strings"
	"time"
)

// Digest is the Planning Office's daily letter: the units still late after repeated nags, and
// the mails it was not told about one by one because the hourly limits on notices held them back.
type Digest struct {
	Office Office
	Day    time.Time // the day of the digest
	Items  []DigestItem
	Held   []HeldNotices // in the order given; a reason with no mail is left out
}

// DigestItem is one late unit for one form and period.
type DigestItem struct {
	Request Request // form, period and deadline
	Unit    string  // the unit's name
	Nags    int     // nags sent so far, this one included
	// Copied is the leader copied on the nags; zero when nobody is.
	Copied Person
}

// HeldNotices counts the notices of one reason held back since the last digest: a hundred
// strangers writing in one hour make a handful of notices and one line here.
type HeldNotices struct {
	Reason NoticeReason
	Count  int
	Folder string // the shared mailbox folder those mails are in
}

// DigestLetter lists the late units, grouped by form and period in the order given, then the
// mails held back from notices.
func DigestLetter(d Digest) Letter {
	subject := fmt.Sprintf("Đơn vị chưa gửi báo cáo đã quá hạn – ngày %s", FormatDate(d.Day))
	var late []string
	if len(d.Items) > 0 {
		late = []string{
			fmt.Sprintf("Đến %s, các đơn vị sau vẫn chưa gửi báo cáo dù đã được đôn đốc nhiều lần:", FormatDateTime(d.Day)),
			lateUnits(d),
			"Hệ thống tiếp tục đôn đốc các đơn vị theo lịch. Đề nghị " + deskYou(d.Office) +
				" xem xét liên hệ trực tiếp với đơn vị hoặc báo cáo lãnh đạo.",
		}
	} else {
		subject = fmt.Sprintf("Thư đến chưa được thông báo riêng – ngày %s", FormatDate(d.Day))
	}
	paragraphs := append([]string{toDesk(d.Office)}, late...)
	paragraphs = append(paragraphs, heldNotices(d.Held), signature(d.Office))
	return letter(Request{}, subject, paragraphs...)
}

func lateUnits(d Digest) string {
	var b strings.Builder
	var last string
	for _, it := range d.Items {
		head := withCode(it.Request)
		if head != last {
			fmt.Fprintf(&b, "\n%s", upperFirst(head))
			if !it.Request.Deadline.IsZero() {
				fmt.Fprintf(&b, ", thời hạn gửi %s", FormatDeadline(it.Request.Deadline))
			}
			b.WriteString(":\n")
			last = head
		}
		overdue := "đã quá hạn"
		if n := DaysOverdue(it.Request.Deadline, d.Day); n > 0 && !it.Request.Deadline.IsZero() {
			overdue = fmt.Sprintf("quá hạn %d ngày", n)
		}
		fmt.Fprintf(&b, "- %s: %s, đã đôn đốc %d lần", it.Unit, overdue, it.Nags)
		if it.Copied.Name != "" {
			b.WriteString(", đã đồng gửi " + supervisor(it.Copied))
		}
		b.WriteString(".\n")
	}
	return strings.TrimSpace(b.String())
}

// heldNotices is the paragraph about the mails not notified one by one; "" when there are none.
func heldNotices(held []HeldNotices) string {
	var lines []string
	for _, h := range held {
		if h.Count <= 0 {
			continue
		}
		where := "xem thư mục " + quoted(h.Folder) + " của hộp thư chung"
		if h.Folder == "" {
			where = "xem trong hộp thư chung"
		}
		var what, then string
		switch h.Reason {
		case NoticeUnknownSender:
			what = count(h.Count) + " thư khác từ địa chỉ chưa đăng ký đã được chuyển vào thư mục cách ly"
			if h.Folder == "" {
				where = "xem thư mục cách ly của hộp thư chung"
			}
		case NoticeUnitMessage:
			what = count(h.Count) + " thư khác của đơn vị không kèm báo cáo chưa được thông báo riêng"
		case NoticeRefusedReply:
			what = count(h.Count) + " thư trả lời thư xin ý kiến duyệt khác không được tính là ý kiến duyệt, do không xác thực " +
				"được người gửi hoặc không trả lời đúng thư đã gửi, đã được chuyển vào thư mục cách ly"
		case NoticeUnverifiedSender:
			what = count(h.Count) + " thư khác mang địa chỉ của đơn vị nhưng chưa xác thực được người gửi đã được chuyển vào thư mục cách ly"
		case NoticeForwarded:
			what = heldForwards(h.Count)
		case NoticeAfterClose:
			what = count(h.Count) + " báo cáo khác gửi sau khi đã chốt số liệu chưa được thông báo riêng"
			then = " và quyết định có đưa vào số liệu tổng hợp hay không"
		default:
			what = count(h.Count) + " thư khác chưa được thông báo riêng"
		}
		lines = append(lines, "- "+what+": "+where+then+".")
	}
	if len(lines) == 0 {
		return ""
	}
	return "Để tránh gửi quá nhiều thư, mỗi giờ hệ thống chỉ gửi một số thư thông báo; các thư đến sau được tổng hợp tại đây:\n" +
		strings.Join(lines, "\n")
}
