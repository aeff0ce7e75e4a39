package letters

import (
	"fmt"
	"time"
)

// RecordsDamaged tells the Planning Office's clerks that the daemon's own check of the records
// found stored files missing or no longer matching what the ledger recorded: the office's
// records (hồ sơ lưu) may be damaged. It names no file: the details are for the system
// administrator, in the log.
type RecordsDamaged struct {
	Office   Office
	At       time.Time // when the check ran
	Problems int       // how many problems it found
}

// RecordsDamagedLetter writes the notice.
func RecordsDamagedLetter(n RecordsDamaged) Letter {
	return letter(Request{}, "Phát hiện hồ sơ lưu trữ bị hư hỏng",
		toDesk(n.Office),
		fmt.Sprintf("Khi tự kiểm tra hồ sơ lưu trữ lúc %s, hệ thống phát hiện %d chỗ không toàn vẹn: "+
			"tệp đã lưu bị thiếu, hoặc nội dung không còn khớp với bản ghi khi nhận.", FormatDateTime(n.At), n.Problems),
		"Đề nghị "+deskYou(n.Office)+" báo ngay cán bộ quản trị hệ thống để kiểm tra và khôi phục từ bản sao lưu. "+
			"Trong khi chờ, đề nghị chưa ban hành báo cáo tổng hợp mới, vì số liệu có thể đã bị ảnh hưởng.",
		signature(n.Office))
}
