package templates

// Every text a unit reads (workbook labels, input messages, validation problems) lives here, so it
// can be reviewed as Vietnamese text in one place. Format verbs are documented where not obvious.

// Names of the fixed sheets of a generated workbook.
const (
	// CoverSheet is the first sheet: what the form is, for whom, until when, and how to fill it.
	CoverSheet = "Hướng dẫn"
	// NarrativeSheet holds the narrative sections, one row each.
	NarrativeSheet = "Nội dung báo cáo"
	// defaultSheetName names a sheet whose title has no usable character.
	defaultSheetName = "Trang"
)

// Column and sheet labels.
const (
	labelSTT         = "STT"
	labelCode        = "Mã số"
	labelIndicator   = "Chỉ tiêu"
	labelUnit        = "Đơn vị tính"
	labelSection     = "Mục"
	labelSectionText = "Nội dung"
	titleNarrative   = NarrativeSheet
	requiredMark     = " (*)"
)

// Cover sheet.
const (
	coverForm        = "Biểu mẫu"
	coverVersion     = "phiên bản %d"
	coverUnit        = "Đơn vị báo cáo"
	coverPeriod      = "Kỳ báo cáo"
	coverDeadline    = "Hạn gửi"
	coverDeadlineFmt = "trước %s ngày %s" // time, date
	coverReplyTo     = "Gửi về địa chỉ"
	coverPreparer    = "Người lập biểu"
	coverPhone       = "Điện thoại"
	coverEmail       = "Thư điện tử"
	coverDate        = "Ngày báo cáo"
	coverSigner      = "Thủ trưởng đơn vị (người ký)"
	coverFillIn      = "Thông tin đơn vị điền (vào ô trắng)"
	coverHowTo       = "Hướng dẫn điền"
	coverChoices     = "Danh mục giá trị để chọn"
	coverChoiceFor   = "%s (trang %s)" // column title, sheet
	coverIdent       = "Mã nhận dạng (không sửa)"
)

// coverSteps are the short instructions on the cover; %s is the list of sheets to fill.
var coverSteps = []string{
	"1. Điền số liệu, nội dung vào các trang: %s. Không đổi tên trang, không xoá hoặc sửa tiêu đề cột, mã số và tên chỉ tiêu.",
	"2. Cột có dấu (*) là bắt buộc. Ngày nhập dạng dd/mm/yyyy (ví dụ 18/11/2026); số không kèm đơn vị tính; ô có danh sách thả xuống thì chọn trong danh sách.",
	"3. Có thể chèn thêm dòng trong bảng nếu thiếu dòng trống. Xuống dòng trong một ô: Alt+Enter.",
	"4. Lưu tệp ở định dạng Excel (.xlsx), giữ nguyên tên tệp, gửi kèm thư trả lời về địa chỉ nêu trên trước hạn.",
	"5. Hệ thống tự động kiểm tra tệp và gửi lại thư báo đã nhận hoặc danh sách lỗi cần sửa; khi có lỗi, sửa và gửi lại cả tệp.",
}

// Sheet headings.
const (
	sheetSubtitle  = "Đơn vị: %s — Kỳ báo cáo: %s" // unit name, period label
	hintTable      = "Mỗi dòng một nội dung; cột có dấu (*) bắt buộc nhập. Có thể chèn thêm dòng khi cần."
	hintIndicators = "Chỉ nhập số vào các ô trắng; không sửa mã số, tên chỉ tiêu. Chỉ tiêu tổng phải bằng tổng các chỉ tiêu thành phần."
	hintNarrative  = "Nhập nội dung vào cột Nội dung; mục có dấu (*) bắt buộc. Xuống dòng trong ô: Alt+Enter."
)

// Data validation input and error messages.
const (
	dvChoose      = "Chọn một giá trị trong danh sách."
	dvDate        = "Nhập ngày dạng dd/mm/yyyy, ví dụ 18/11/2026."
	dvInteger     = "Nhập số nguyên."
	dvDecimal     = "Nhập số; phần thập phân dùng dấu phẩy hoặc dấu chấm theo máy tính của bạn."
	dvPercent     = "Nhập tỷ lệ phần trăm, ví dụ 85%."
	dvMin         = " Không nhỏ hơn %s."
	dvMax         = " Không lớn hơn %s."
	dvText        = "Tối đa %d ký tự."
	dvEmail       = "Nhập địa chỉ thư điện tử, ví dụ ten@coquan.gov.vn."
	dvPhone       = "Nhập số điện thoại, ví dụ 0912345678."
	dvErrTitle    = "Giá trị không hợp lệ"
	dvErrChoice   = "Hãy chọn một giá trị trong danh sách thả xuống."
	dvErrDate     = "Ngày không hợp lệ. Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 18/11/2026."
	dvErrNumber   = "Giá trị không phải số hoặc nằm ngoài khoảng cho phép."
	dvErrTextLen  = "Nội dung quá dài so với số ký tự cho phép."
	dvErrEmail    = "Địa chỉ thư điện tử phải có dấu @."
	dvRequiredTag = " Bắt buộc nhập."
)

// Problems found in cells. Each message starts with msgCell (cell, field title).
const (
	msgCell           = "Ô %s (%s): "
	msgIndicatorField = "%s, chỉ tiêu %s %q" // column title, code, indicator name
	msgRequired       = "chưa nhập; đây là nội dung bắt buộc."
	msgNotANumber     = "%q không phải số; hãy nhập số, ví dụ 1234,5."
	msgNotAnInteger   = "%q không phải số nguyên; hãy nhập số nguyên, ví dụ 12."
	msgNotADate       = "%q không phải ngày hợp lệ; hãy nhập ngày dạng dd/mm/yyyy."
	msgBadChoice      = "%q không có trong danh sách; hãy chọn một trong: %s."
	msgTooLong        = "nội dung dài %d ký tự, vượt quá %d ký tự cho phép; hãy rút gọn."
	msgBelowMin       = "%s nhỏ hơn mức tối thiểu %s."
	msgAboveMax       = "%s lớn hơn mức tối đa %s."
	msgBadEmail       = "%q không phải địa chỉ thư điện tử hợp lệ; hãy nhập dạng ten@coquan.gov.vn."
	msgBadPhone       = "%q không phải số điện thoại hợp lệ; hãy nhập 10 hoặc 11 chữ số, ví dụ 0912345678."
	msgSubtotal       = "%s khác tổng các chỉ tiêu thành phần (%s) là %s; hãy kiểm tra lại."
	msgNumberCleaned  = "%q được hiểu là %s; nếu không đúng, hãy sửa lại."
	msgPercentSmall   = "%s được hiểu là %s%%; nếu ý là %s%%, hãy nhập kèm dấu %%."
	msgDateCleaned    = "%q được hiểu là ngày %s; nếu không đúng, hãy nhập ngày dạng dd/mm/yyyy."
	msgDateSerial     = "số %s được hiểu là ngày %s; hãy nhập ngày dạng dd/mm/yyyy."
	msgChoiceGuessed  = "%q được hiểu là %q; lần sau hãy chọn trong danh sách thả xuống."
	msgPhoneZero      = "số %s được hiểu là %s (Excel đã bỏ số 0 ở đầu); nên định dạng ô là văn bản."
)

// Problems about the workbook's structure and identity.
const (
	msgMinRows        = "Trang %q có %d dòng, cần ít nhất %d dòng."
	msgNoRows         = "Trang %q chưa có dòng nào; cần ít nhất %d dòng."
	msgTooManyRows    = "Trang %q có hơn %d dòng; chỉ đọc %d dòng đầu, hãy tách bớt."
	msgMissingPart    = "Không tìm thấy trang %q (dòng tiêu đề gồm %s); không đổi tên trang, không xoá hoặc sửa tiêu đề cột."
	msgMissingColumn  = "Trang %q: không tìm thấy cột %q ở dòng tiêu đề (dòng %d); hãy giữ nguyên tiêu đề cột như mẫu."
	msgMissingInd     = "Trang %q: không tìm thấy chỉ tiêu %s %q; hãy giữ nguyên cột Mã số và tên chỉ tiêu như mẫu."
	msgMissingSection = "Không tìm thấy mục %q trên trang %q; hãy giữ nguyên tên các mục như mẫu."
	msgSectionEmpty   = "Mục %q chưa có nội dung; đây là mục bắt buộc."
	msgSectionTooLong = "Mục %q dài %d ký tự, vượt quá %d ký tự cho phép; hãy rút gọn."
	msgTagMismatch    = "Thông tin nhận dạng của tệp (biểu mẫu, đơn vị, kỳ báo cáo) đã bị thay đổi so với tệp mẫu đã gửi cho đơn vị, nên không xác định được đây là báo cáo của đơn vị nào, kỳ nào; hãy nhập số liệu vào tệp mẫu đã nhận qua thư điện tử, không sửa thông tin nhận dạng."
	msgTagUnknown     = "Tệp không khớp với tệp mẫu hiện hành đã gửi cho đơn vị: tệp có thể được lập từ tệp mẫu cũ, tệp mẫu của cơ quan khác, hoặc thông tin nhận dạng (biểu mẫu, đơn vị, kỳ báo cáo) đã bị thay đổi; hãy nhập số liệu vào tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgOtherKey       = "Tệp được lập từ tệp mẫu cũ hoặc tệp mẫu của cơ quan khác, không phải tệp mẫu hiện hành đã gửi cho đơn vị; hãy nhập số liệu vào tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgOldKey         = "Tệp được lập từ tệp mẫu đã gửi cho đơn vị trước khi tệp mẫu được thay mới; tệp vẫn hợp lệ và được tiếp nhận. Lần sau, hãy dùng tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgUnknownForm    = "Tệp không phải biểu mẫu báo cáo của hệ thống (không có thông tin nhận dạng, các trang không khớp biểu mẫu nào); hãy dùng tệp mẫu đã nhận qua thư điện tử."
	msgUnknownCode    = "Tệp là biểu mẫu %q, không phải biểu mẫu đang thu thập; hãy dùng tệp mẫu đã nhận qua thư điện tử."
	msgGuessedCover   = "Tệp đã mất trang nhận dạng ẩn (thường do được lưu lại bằng chương trình khác); hệ thống nhận dạng theo dòng mã nhận dạng trên trang Hướng dẫn."
	msgGuessedLayout  = "Tệp không còn thông tin nhận dạng; hệ thống nhận dạng là biểu mẫu %s theo bố cục các trang. Đơn vị và kỳ báo cáo được xác định theo thư gửi kèm."
	msgOldVersion     = "Tệp được tạo theo phiên bản %d của biểu mẫu %s, phiên bản hiện hành là %d; hệ thống vẫn đọc theo tiêu đề cột, nhưng lần sau hãy dùng mẫu mới nhất."
)

// Warnings about the file as a whole.
const (
	msgConvertedXLS = "Tệp ở định dạng Excel cũ (.xls); hệ thống đã tự chuyển sang .xlsx để đọc. Lần sau hãy lưu tệp kiểu Excel Workbook (.xlsx) để tránh sai lệch khi chuyển đổi."
	// count, encoding and fonts, example cell, converted example
	msgLegacyEncoding = "%d ô được gõ bằng bảng mã cũ %s; hệ thống đã tự chuyển sang Unicode (ví dụ ô %s: “%s”). Hãy kiểm tra lại và lần sau dùng bảng mã Unicode (phông Times New Roman)."
	msgMacros         = "Tệp có chứa macro (.xlsm); hệ thống chỉ đọc số liệu, không chạy và không lưu macro. Lần sau hãy lưu tệp kiểu Excel Workbook (.xlsx)."
)

// Reasons a file cannot be read at all.
const (
	msgEmpty        = "Tệp đính kèm rỗng (0 byte); hãy đính kèm lại tệp Excel đã điền."
	msgTooBig       = "Tệp quá lớn (%s MB, tối đa %s MB); hãy xoá hình ảnh, trang thừa rồi gửi lại."
	msgNotXLSX      = "Tệp không phải tệp Excel .xlsx hoặc đã bị hỏng; hãy mở bằng Excel, chọn Lưu thành (Save As) kiểu Excel Workbook (.xlsx) rồi gửi lại."
	msgOLE          = "Tệp ở định dạng Excel cũ (.xls); hãy mở bằng Excel, chọn Lưu thành (Save As) kiểu Excel Workbook (.xlsx) rồi gửi lại."
	msgEncrypted    = "Tệp đã được đặt mật khẩu nên hệ thống không đọc được; hãy bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc), lưu lại rồi gửi lại."
	msgUnzipTooBig  = "Nội dung tệp khi giải nén quá lớn (có thể tệp bị hỏng hoặc không phải bảng tính thông thường); hãy dùng tệp mẫu đã nhận và gửi lại."
	msgCorrupt      = "Không đọc được tệp Excel (tệp bị hỏng hoặc có cấu trúc không chuẩn); hãy mở bằng Excel, lưu lại kiểu Excel Workbook (.xlsx) rồi gửi lại."
	msgTooManyCells = "Tệp có quá nhiều ô dữ liệu (hơn %d ô); hãy xoá các trang, dòng thừa rồi gửi lại."
	msgTooManyChars = "Tệp chứa quá nhiều chữ trong các ô (hơn %s ký tự); hãy xoá các trang, dòng, nội dung thừa rồi gửi lại."
	msgTimeout      = "Hệ thống không đọc xong tệp trong %d giây (tệp quá lớn hoặc có cấu trúc bất thường); hãy xoá các trang, dòng thừa, lưu lại kiểu Excel Workbook (.xlsx) rồi gửi lại."
)
