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
	adviceConfirm   = " Cần hỏi lại trực tiếp người gửi trước khi ghi nhận ý kiến trong thư."
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

// failureText says what one failure means, without technical terms where possible.
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
		return "thư không có đúng một địa chỉ người gửi (From) hợp lệ"
	case f.Method == MethodAuthRes && f.Result == "none":
		return "thư không đi qua máy chủ thư của cơ quan (không có kết quả xác thực của máy chủ tin cậy)"
	case f.Method == MethodAuthRes:
		return "không đọc được kết quả xác thực do " + server + " ghi"
	case f.Method == MethodAlignment:
		return "không có bước kiểm tra nào xác nhận thư đến từ tên miền của người gửi"
	case f.Result == "temperror" && f.Server == "":
		return "chưa tra cứu được khoá chữ ký số DKIM (lỗi DNS tạm thời)"
	case f.Result == "temperror":
		return server + " chưa kiểm tra xong thư (lỗi tạm thời)"
	case f.Method == "dmarc":
		return server + " báo thư không đạt kiểm tra DMARC của tên miền người gửi"
	case f.Method == "spf":
		return server + " báo thư được gửi từ máy chủ mà tên miền người gửi không cho phép (SPF)"
	case f.Method == "compauth":
		return server + " (Microsoft 365) đánh giá thư là giả mạo người gửi"
	case f.Method == "dkim" && f.Server != "":
		return server + " báo chữ ký số DKIM của thư không hợp lệ"
	case f.Result == "none":
		return "thư không có chữ ký số DKIM"
	case f.Result == "policy":
		return "thư chỉ có chữ ký số DKIM của tên miền khác, không phải của tên miền người gửi"
	default:
		return "chữ ký số DKIM của thư không hợp lệ (thư có thể đã bị sửa hoặc giả mạo)"
	}
}
