package letters

import (
	"fmt"
	"strings"
	"time"
)

// Letters to the Planning Office about mail tonghop does not answer by itself, and its daily
// digest of late units. Like units.go, every word here is for a civil servant.

// NoticeReason says why the Planning Office is told about a mail.
type NoticeReason int

// Reasons for a Notice.
const (
	NoticeUnknownSender    NoticeReason = iota // an address no unit or person owns; not answered
	NoticeUnitMessage                          // a unit wrote without a report ("em sẽ gửi chiều nay"); not answered
	NoticeAfterClose                           // a report arrived after its period was closed
	NoticeUnverifiedSender                     // a unit's mail failed mail authentication; not answered
	NoticeRefusedReply                         // a reply to an approval request was not counted (digest only)
	NoticeForwarded                            // a configured person's mail, forwarded (digest only)
)

// Notice tells the Planning Office about a received mail that needs a person's decision.
type Notice struct {
	Office     Office
	Reason     NoticeReason
	From       string // the sender's address
	FromName   string // the sender's display name, if any
	Unit       string // the unit's name, when the sender is one (NoticeUnverifiedSender: or the person's)
	Subject    string
	ReceivedAt time.Time
	Excerpt    string   // what the sender wrote, first lines
	Files      []string // names of the attached files
	Folder     string   // the shared mailbox folder the mail is in now
	Request    Request  // NoticeAfterClose: the form and period
	Version    int      // NoticeAfterClose: the version recorded
	Why        string   // NoticeUnverifiedSender: what the authentication found, in Vietnamese
}

// NoticeLetter writes the notice. A unit's message goes with the original mail, attached by the
// caller; a stranger's never does: its files could be anything, so the letter points to the
// folder the mail is in instead.
func NoticeLetter(n Notice) Letter {
	switch n.Reason {
	case NoticeUnitMessage:
		return unitMessageNotice(n)
	case NoticeAfterClose:
		return afterCloseNotice(n)
	case NoticeUnverifiedSender:
		return unverifiedSenderNotice(n)
	}
	return unknownSenderNotice(n)
}

func unknownSenderNotice(n Notice) Letter {
	return letter(Request{}, "Thư từ địa chỉ chưa đăng ký: "+SafeText(n.From),
		toDesk(n.Office),
		"Hệ thống đã nhận được thư từ địa chỉ "+sender(n)+received(n)+". Địa chỉ này chưa được đăng ký cho "+
			"đơn vị hay cán bộ nào nên thư không được xử lý và không được trả lời tự động"+folder(n)+".",
		"Để phòng mã độc, thư gốc và tệp đính kèm của địa chỉ chưa đăng ký không được gửi kèm thông báo này; "+
			"nếu cần xem, đề nghị "+deskYou(n.Office)+" mở thư trong "+folderName(n)+" của hộp thư chung.",
		excerpt(n),
		"Nếu đây là địa chỉ của một đơn vị, đề nghị "+deskYou(n.Office)+" báo cán bộ quản trị hệ thống bổ sung địa chỉ "+
			"vào danh sách địa chỉ của đơn vị đó, rồi đề nghị đơn vị gửi lại. Nếu thư gửi nhầm hoặc là thư rác, không cần xử lý.",
		"Các thư khác từ địa chỉ này trong ngày hôm nay sẽ không được thông báo lại.",
		signature(n.Office))
}

func unitMessageNotice(n Notice) Letter {
	who := unitName(n.Unit)
	return letter(Request{}, "Thư của "+who+" không kèm báo cáo"+quotedSubject(n.Subject),
		toDesk(n.Office),
		who+", địa chỉ "+SafeText(n.From)+", đã trả lời thư của hệ thống"+received(n)+" nhưng không kèm tệp báo cáo. "+
			"Hệ thống không trả lời tự động thư này; đề nghị "+deskYou(n.Office)+" xem và trả lời đơn vị nếu cần. "+
			"Bản gốc của thư được gửi kèm thư này.",
		excerpt(n),
		signature(n.Office))
}

func afterCloseNotice(n Notice) Letter {
	who := unitName(n.Unit)
	version := ""
	if n.Version > 0 {
		version = fmt.Sprintf(", lần gửi thứ %d", n.Version)
		if !n.ReceivedAt.IsZero() {
			version += ","
		}
	}
	return letter(n.Request, "Báo cáo gửi sau khi đã chốt số liệu: "+who+" – "+upperFirst(brief(n.Request)),
		toDesk(n.Office),
		who+" đã gửi "+withCode(n.Request)+version+received(n)+", sau khi kỳ báo cáo đã chốt số liệu. "+
			"Lần gửi này đã được lưu và đánh dấu là gửi sau khi chốt số liệu; đơn vị đã được báo là "+desk(n.Office)+
			" sẽ xem xét.",
		"Đề nghị "+deskYou(n.Office)+" quyết định có đưa lần gửi này vào số liệu tổng hợp hay không.",
		signature(n.Office))
}

func unverifiedSenderNotice(n Notice) Letter {
	who := n.Unit
	if who == "" {
		who = n.From
	}
	files := ""
	if len(n.Files) > 0 {
		files = "Các tệp báo cáo trong thư được lưu lại nhưng đánh dấu là chưa xác thực và không được đưa vào " +
			"số liệu tổng hợp. "
	}
	return letter(Request{}, "Thư chưa xác thực được người gửi: "+who+", "+SafeText(n.From),
		toDesk(n.Office),
		"Hệ thống đã nhận được thư mang địa chỉ "+sender(n)+" của "+who+received(n)+
			". Thư không qua được bước xác thực người gửi nên có thể không phải do "+who+" gửi.",
		strings.TrimSpace(n.Why),
		files+"Hệ thống không gửi thư xác nhận hay báo lỗi cho địa chỉ này"+folder(n)+".",
		"Nếu thư đúng là của "+who+", đề nghị "+deskYou(n.Office)+" liên hệ để xác nhận và đề nghị gửi lại từ hộp thư "+
			"chính thức. Nếu không phải, đây có thể là thư giả mạo: không đưa số liệu trong thư vào báo cáo và báo cho "+
			"bộ phận quản trị hệ thống thư.",
		"Các thư chưa xác thực khác từ địa chỉ này trong ngày hôm nay sẽ không được thông báo lại.",
		signature(n.Office))
}

func sender(n Notice) string {
	if name := SafeText(n.FromName); name != "" {
		return SafeText(n.From) + " (" + name + ")"
	}
	return SafeText(n.From)
}

func received(n Notice) string {
	s := ""
	if !n.ReceivedAt.IsZero() {
		s = " lúc " + FormatDateTime(n.ReceivedAt)
	}
	if t := SafeText(n.Subject); t != "" {
		s += " với tiêu đề " + quoted(t)
	}
	if len(n.Files) > 0 {
		s += fmt.Sprintf(", kèm %d tệp: %s", len(n.Files), fileList(n.Files))
	}
	return s
}

func folder(n Notice) string {
	if n.Folder == "" {
		return ""
	}
	return "; thư được chuyển vào thư mục " + quoted(n.Folder) + " của hộp thư chung"
}

// folderName names the folder a mail is in: "thư mục “Quarantine”", or the quarantine folder
// when the caller did not say which.
func folderName(n Notice) string {
	if n.Folder == "" {
		return "thư mục cách ly"
	}
	return "thư mục " + quoted(n.Folder)
}

func quotedSubject(s string) string {
	if s = SafeText(s); s == "" {
		return ""
	}
	return ": " + quoted(s)
}

// excerptLines and excerptRunes bound how much of a sender's text a notice quotes.
const (
	excerptLines = 15
	excerptRunes = 300
)

func excerpt(n Notice) string {
	text := strings.TrimSpace(n.Excerpt)
	if text == "" {
		return ""
	}
	lines := SafeLines(text, excerptLines, excerptRunes)
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return "Nội dung thư:\n" + strings.Join(lines, "\n")
}
