package mailauth

import (
	"fmt"
	"strings"
)

// Every text a clerk reads lives here, in Vietnamese (NFC).

const (
	reasonPrefix    = "Chưa xác nhận được thư này do chính %s gửi: "
	reasonPrefixAny = "Chưa xác nhận được người gửi thư này: "
	adviceTemporary = " Có thể kiểm tra lại sau ít phút."
	adviceConfirm   = " Cần hỏi lại trực tiếp người gửi trước khi sử dụng nội dung thư."
)

// reason sums up a refused verdict in one paragraph.
func reason(from string, v Verdict) string {
	var parts []string
	seen := map[string]bool{}
	for _, f := range v.Failures {
		if s := failureText(f); !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	prefix := reasonPrefixAny
	if from = bareAddress(from); from != "" {
		prefix = fmt.Sprintf(reasonPrefix, from)
	}
	advice := adviceConfirm
	if v.Temporary {
		advice = adviceTemporary
	}
	return prefix + strings.Join(parts, "; ") + "." + advice
}

// failureText says what one failure means, in words a clerk reads: no method names (DKIM, SPF,
// DMARC) and no parentheses, since letters quote it inside their own sentences. The signature a
// mail server puts on a mail is "chữ ký xác thực của máy chủ thư", never "chữ ký số", which a
// clerk takes for a legal digital signature.
func failureText(f Failure) string {
	server := "máy chủ thư " + f.Server
	if f.Server == "" || f.Server == unnamedServer {
		server = "máy chủ thư của cơ quan"
	}
	switch {
	case f.Method == MethodMessage:
		return "không đọc được phần đầu thư"
	case f.Method == MethodFrom && f.Result == "fail":
		return "địa chỉ người gửi ghi trong thư khác địa chỉ đã ghi nhận"
	case f.Method == MethodFrom:
		return "thư không có đúng một địa chỉ người gửi hợp lệ"
	case f.Method == MethodAuthRes && f.Result == "none":
		return "thư không đi qua máy chủ thư của cơ quan, nên không có kết quả xác thực của máy chủ tin cậy"
	case f.Method == MethodAuthRes:
		return "không đọc được kết quả xác thực do " + server + " ghi"
	case f.Method == MethodAlignment:
		return "không có bước kiểm tra nào xác nhận thư đến từ tên miền của người gửi"
	case f.Result == "temperror" && f.Server == "":
		return "chưa tra cứu được khóa để kiểm tra chữ ký xác thực của máy chủ thư, do lỗi tạm thời khi tra cứu tên miền"
	case f.Result == "temperror":
		return server + " chưa kiểm tra xong thư do lỗi tạm thời"
	case f.Method == "dmarc":
		return server + " báo thư không đạt chính sách xác thực của tên miền người gửi"
	case f.Method == "spf":
		return server + " báo thư được gửi từ máy chủ mà tên miền người gửi không cho phép"
	case f.Method == "compauth":
		return server + " đánh giá thư là giả mạo người gửi"
	case f.Method == "dkim" && f.Server != "":
		return server + " báo chữ ký xác thực của máy chủ thư gửi không hợp lệ"
	case f.Result == "none":
		return "thư không có chữ ký xác thực của máy chủ thư gửi"
	case f.Result == "policy":
		return "thư chỉ có chữ ký xác thực của tên miền khác, không phải của tên miền người gửi"
	default:
		return "chữ ký xác thực của máy chủ thư gửi không hợp lệ: thư có thể đã bị sửa hoặc giả mạo"
	}
}

// Reason is the paragraph a clerk reads about a refused verdict for a mail from from (an
// address, or "" when none can be named): every failure in words, then what to do. It is what
// Check puts in Verdict.Reason.
func Reason(from string, v Verdict) string { return reason(from, v) }
