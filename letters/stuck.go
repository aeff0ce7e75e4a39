package letters

import (
	"fmt"
	"time"
)

// StuckMail tells the Planning Office's clerks about a received mail tonghop began to read twice
// and never finished: the program stopped while reading it (a crash, out of memory) or reading
// it took longer than allowed. Such a mail is not read again, so that it cannot stop the reading
// of every other mail; it is not answered, and its file is never attached to this letter.
type StuckMail struct {
	Office     Office
	Tries      int       // times reading it began
	ReceivedAt time.Time // when tonghop first began to read it
	Size       int64     // the mail's size in bytes
	SHA256     string    // of the raw mail, for the operator
	Folder     string    // the shared mailbox folder the mail is in now, "" when not in the mailbox
}

// StuckMailLetter writes the notice.
func StuckMailLetter(n StuckMail) Letter {
	where := "Thư đã được tạm giữ"
	if n.Folder != "" {
		where = "Thư đã được chuyển vào thư mục " + quoted(n.Folder) + " của hộp thư chung"
	}
	received := ""
	if !n.ReceivedAt.IsZero() {
		received = " lúc " + FormatDateTime(n.ReceivedAt)
	}
	id := n.SHA256[:min(16, len(n.SHA256))]
	return letter(Request{}, "Thư không đọc được, đã tạm giữ",
		toDesk(n.Office),
		fmt.Sprintf("Hệ thống đã %d lần bắt đầu đọc một thư nhận được%s, dung lượng %s, nhưng không đọc xong: "+
			"chương trình bị dừng giữa chừng hoặc việc đọc thư vượt quá thời gian cho phép. ", n.Tries, received, FormatSize(n.Size))+
			"Để không làm gián đoạn việc nhận các thư khác, hệ thống không đọc lại và không trả lời tự động thư này. "+
			where+".",
		"Đề nghị "+deskYou(n.Office)+" mở thư để xem người gửi và nội dung. Nếu đó là báo cáo của đơn vị, đề nghị đơn vị "+
			"mở tệp bằng Excel, xóa các trang, dòng, nội dung thừa, lưu lại rồi gửi lại. Nếu việc này lặp lại, đề nghị báo "+
			"cán bộ quản trị hệ thống, kèm mã nhận dạng của thư: "+id+".",
		signature(n.Office))
}
