package document

// Every text of the document that is not the caller's: labels of the layout, in Vietnamese,
// NFC. The catalogue test (catalogue_test.go) holds them as a reader sees them.

// The national title and motto (Decree 30/2020, Appendix I, items 1 and 2).
const (
	NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto         = "Độc lập - Tự do - Hạnh phúc"
)

const (
	labelNumber = "Số: "
	// numberBlank leaves room for the registry clerk to write the number by hand.
	numberBlank   = "     "
	dateFormat    = "ngày %s tháng %s năm %d"
	labelDraft    = "DỰ THẢO"
	labelVersion  = "(lần %d)"
	labelTo       = "Nơi nhận:"
	archivePrefix = "- Lưu: "
	archiveClerk  = "VT"
	recipientLine = "- %s;"
	// The signer's name is written under room for the signature and the seal.
	signatureRoom = 3
)

var kindTitles = map[Kind]string{
	KindReport: "BÁO CÁO", KindNotice: "THÔNG BÁO", KindProgram: "CHƯƠNG TRÌNH", KindPlan: "KẾ HOẠCH",
}

var kindAbbrevs = map[Kind]string{
	KindReport: "BC", KindNotice: "TB", KindProgram: "CTr", KindPlan: "KH",
}

// Texts of the body built from a consolidated book (see FromBook).
const (
	headFigures    = "SỐ LIỆU TỔNG HỢP"
	headMissing    = "ĐƠN VỊ CHƯA GỬI BÁO CÁO"
	headSource     = "NGUỒN SỐ LIỆU"
	entryLine      = "%s: %s"
	noEntries      = "Không có đơn vị nào báo cáo nội dung này."
	noMissing      = "Tất cả các đơn vị đã gửi báo cáo."
	missingWaiting = "%s (%s)"
	countedNote    = "Số liệu tính từ %d/%d đơn vị."
	sourceLine     = "Số liệu tổng hợp từ báo cáo của %d/%d đơn vị gửi qua thư điện tử; từng số liệu dẫn về tệp của đơn vị (tên tệp, mã SHA-256, thư gửi đến) tại trang tính “Nguồn số liệu” của bảng tổng hợp kèm theo (Phụ lục)."
	sourceHistory  = "Một số số liệu lũy kế, cùng kỳ lấy từ số liệu các kỳ trước được nhập vào hệ thống (%d tệp)."
	colNo          = "TT"
	colUnit        = "Đơn vị"
	carriedOver    = "(chuyển từ kỳ trước)"
	colIndicator   = "Chỉ tiêu"
	colMeasure     = "ĐVT"
	colPlan        = "Kế hoạch"
	colPeriod      = "Kỳ báo cáo"
	colYTD         = "Lũy kế"
	colLastYear    = "Cùng kỳ năm trước"
	colPctPlan     = "% so KH"
	colPctLastYear = "% so cùng kỳ"
	appendixLine   = "(Chi tiết tại Phụ lục: bảng tổng hợp %s kèm theo.)"
)

// Why a leader's edited document was not taken as the next draft (approve's EditedNotTakenLetter).
const (
	EditedUnreadable = "Tệp Word không đọc được an toàn (tệp hỏng, quá lớn, hoặc chứa mã lệnh, đối tượng nhúng, liên kết ra ngoài) nên hệ thống không dùng."
	EditedLacksLines = "Tệp Word đã bỏ dòng số, ký hiệu hoặc dòng địa danh, ngày tháng của dự thảo, nên khi phát hành không điền được số và ngày; kính đề nghị giữ nguyên hai dòng này."
)
