package letters

import "fmt"

// FailedMail tells the Planning Office's clerks about a received mail that the system tried to
// handle several times and failed each time the same way: it is set aside, so that the mail
// behind it is read, and not answered. Its file is never attached to this letter.
type FailedMail struct {
	Office Office
	Tries  int    // tries that failed the same way
	Size   int64  // the mail's size in bytes
	SHA256 string // of the raw mail, for the operator
	Folder string // the shared mailbox folder the mail is in now, "" when not in the mailbox
}

// FailedMailLetter writes the notice.
func FailedMailLetter(n FailedMail) Letter {
	where := "Thư đã được để riêng"
	if n.Folder != "" {
		where = "Thư đã được chuyển vào thư mục " + quoted(n.Folder) + " của hộp thư chung"
	}
	id := n.SHA256[:min(16, len(n.SHA256))]
	return letter(Request{}, "Thư không xử lý được, đã để riêng",
		toDesk(n.Office),
		fmt.Sprintf("Hệ thống đã %d lần xử lý một thư nhận được, dung lượng %s, và lần nào cũng gặp cùng một lỗi. ",
			n.Tries, FormatSize(n.Size))+
			"Để các thư khác không phải chờ, hệ thống ngừng xử lý và không trả lời tự động thư này. "+where+".",
		"Đề nghị "+deskYou(n.Office)+" mở thư để xem người gửi và nội dung, và báo cán bộ quản trị hệ thống, kèm mã "+
			"nhận dạng của thư: "+id+". Nếu đó là báo cáo của đơn vị, đề nghị liên hệ đơn vị để nhận lại báo cáo.",
		signature(n.Office))
}
