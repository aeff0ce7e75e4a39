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
	coverForm      = "Biểu mẫu"
	coverRevision  = "%s, sửa đổi lần %d" // form code, revision (the form's version less one)
	coverUnit      = "Đơn vị báo cáo"
	coverPeriod    = "Kỳ báo cáo"
	coverDeadline  = "Hạn gửi"
	coverReplyTo   = "Gửi về địa chỉ"
	coverPreparer  = "Người lập biểu"
	coverPhone     = "Điện thoại"
	coverEmail     = "Thư điện tử"
	coverDate      = "Ngày báo cáo"
	coverSigner    = "Thủ trưởng đơn vị (người ký)"
	coverFillIn    = "Thông tin đơn vị điền (vào ô trắng)"
	coverHowTo     = "Hướng dẫn điền"
	coverChoices   = "Danh mục giá trị để chọn"
	coverChoiceFor = "%s, trang “%s”" // column title, sheet
	coverIdent     = "Mã nhận dạng (không sửa)"
)

// coverSteps are the short instructions on the cover; %s is the list of sheets to fill.
var coverSteps = []string{
	"1. Điền số liệu, nội dung vào các trang: %s. Không đổi tên trang, không xóa hoặc sửa tiêu đề cột, mã số và tên chỉ tiêu.",
	"2. Cột có dấu (*) là bắt buộc. Ngày nhập theo dạng ngày/tháng/năm, ví dụ 18/11/2026; số không kèm đơn vị tính; ô có danh sách thả xuống thì chọn trong danh sách.",
	"3. Có thể chèn thêm dòng trong bảng nếu thiếu dòng trống. Xuống dòng trong một ô: Alt+Enter.",
	"4. Lưu tệp ở định dạng Excel (.xlsx), giữ nguyên tên tệp, gửi kèm thư trả lời về địa chỉ nêu trên trong thời hạn.",
	"5. Hệ thống tự động kiểm tra tệp và gửi lại thư báo đã nhận hoặc danh sách lỗi cần sửa; khi có lỗi, sửa và gửi lại cả tệp.",
}

// Sheet headings.
const (
	sheetSubtitle  = "Đơn vị: %s — Kỳ báo cáo: %s" // unit name, period label
	hintTable      = "Mỗi dòng một nội dung; cột có dấu (*) bắt buộc nhập. Có thể chèn thêm dòng khi cần."
	hintIndicators = "Chỉ nhập số vào các ô trắng; không sửa mã số, tên chỉ tiêu. Chỉ tiêu tổng phải bằng tổng các chỉ tiêu thành phần."
	hintNarrative  = "Nhập nội dung vào cột Nội dung; mục có dấu (*) bắt buộc. Xuống dòng trong ô: Alt+Enter."
)

// Data validation input and error messages: what Excel shows beside a cell, plain "Nhập …".
const (
	dvChoose      = "Chọn một giá trị trong danh sách."
	dvDate        = "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 18/11/2026."
	dvInteger     = "Nhập số nguyên."
	dvDecimal     = "Nhập số; phần thập phân ngăn cách bằng dấu phẩy hoặc dấu chấm tùy theo cài đặt của máy tính."
	dvPercent     = "Nhập tỷ lệ phần trăm, ví dụ 85%."
	dvMin         = " Không nhỏ hơn %s."
	dvMax         = " Không lớn hơn %s."
	dvText        = "Tối đa %s ký tự." // the limit, written by viNumber
	dvEmail       = "Nhập địa chỉ thư điện tử, ví dụ ten@coquan.gov.vn."
	dvPhone       = "Nhập số điện thoại, ví dụ 0912345678."
	dvErrTitle    = "Giá trị không hợp lệ"
	dvErrChoice   = "Chọn một giá trị trong danh sách thả xuống."
	dvErrDate     = "Ngày không hợp lệ. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 18/11/2026."
	dvErrNumber   = "Giá trị không phải là số hoặc nằm ngoài khoảng cho phép."
	dvErrTextLen  = "Nội dung quá dài so với số ký tự cho phép."
	dvErrEmail    = "Địa chỉ thư điện tử phải có dấu @."
	dvRequiredTag = " Bắt buộc nhập."
)

// Problems found in cells, quoted in the letter to the unit beside "Đề nghị đơn vị …": one
// register, "đề nghị", never "hãy". Each message starts with msgCell (cell, field); the field is
// fieldColumn, fieldCover or msgIndicatorField. Values typed by the unit are quoted “…” (see
// sayf); counts of 10.000 and more are written by viNumber ("20.000").
const (
	msgCell           = "Ô %s, %s: "
	fieldColumn       = "cột “%s”"                   // column title
	fieldCover        = "mục “%s”"                   // cover field
	msgIndicatorField = "cột “%s”, chỉ tiêu %s “%s”" // column title, code, indicator name
	msgRequired       = "chưa nhập; đây là nội dung bắt buộc."
	msgNotANumber     = "“%s” không phải là số; đề nghị nhập số, ví dụ 1234,5."
	msgNotAnInteger   = "“%s” không phải là số nguyên; đề nghị nhập số nguyên, ví dụ 12."
	msgNotADate       = "“%s” không phải là ngày hợp lệ; đề nghị nhập ngày theo dạng ngày/tháng/năm, ví dụ 18/11/2026."
	msgBadChoice      = "“%s” không có trong danh sách; đề nghị chọn một trong các giá trị: %s."
	msgTooLong        = "nội dung dài %s ký tự, vượt quá %s ký tự cho phép; đề nghị rút gọn."
	msgBelowMin       = "%s nhỏ hơn mức tối thiểu %s."
	msgAboveMax       = "%s lớn hơn mức tối đa %s."
	msgBadEmail       = "“%s” không phải là địa chỉ thư điện tử hợp lệ; đề nghị nhập theo dạng ten@coquan.gov.vn."
	msgBadPhone       = "“%s” không phải là số điện thoại hợp lệ; đề nghị nhập 10 hoặc 11 chữ số, ví dụ 0912345678."
	msgSubtotal       = "%s khác tổng các chỉ tiêu thành phần (%s) là %s; đề nghị kiểm tra lại."
	msgNumberCleaned  = "“%s” được hiểu là %s; nếu không đúng, đề nghị sửa lại."
	msgPercentSmall   = "%s được hiểu là %s%%; nếu ý là %s%%, đề nghị nhập kèm dấu %%."
	msgDateCleaned    = "“%s” được hiểu là ngày %s; nếu không đúng, đề nghị nhập ngày theo dạng ngày/tháng/năm."
	msgDateSerial     = "“%s” được hiểu là ngày %s; đề nghị nhập ngày theo dạng ngày/tháng/năm."
	msgChoiceGuessed  = "“%s” được hiểu là “%s”; lần sau, đề nghị chọn trong danh sách thả xuống."
	msgPhoneZero      = "“%s” được hiểu là %s vì Excel đã bỏ số 0 ở đầu; đề nghị định dạng ô là văn bản."
)

// Problems about the workbook's structure and identity.
const (
	msgMinRows        = "Trang “%s” có %d dòng, cần ít nhất %d dòng."
	msgNoRows         = "Trang “%s” chưa có dòng nào; cần ít nhất %d dòng."
	msgTooManyRows    = "Trang “%s” có hơn %s dòng; hệ thống chỉ đọc %s dòng đầu, đề nghị tách bớt."
	msgMissingPart    = "Không tìm thấy trang “%s” (dòng tiêu đề gồm %s); đề nghị không đổi tên trang, không xóa hoặc sửa tiêu đề cột."
	msgMissingColumn  = "Trang “%s”: không tìm thấy cột “%s” ở dòng tiêu đề (dòng %d); đề nghị giữ nguyên tiêu đề cột như mẫu."
	msgMissingInd     = "Trang “%s”: không tìm thấy chỉ tiêu %s “%s”; đề nghị giữ nguyên cột Mã số và tên chỉ tiêu như mẫu."
	msgMissingSection = "Không tìm thấy mục “%s” trên trang “%s”; đề nghị giữ nguyên tên các mục như mẫu."
	msgSectionEmpty   = "Mục “%s” chưa có nội dung; đây là mục bắt buộc."
	msgSectionTooLong = "Mục “%s” dài %s ký tự, vượt quá %s ký tự cho phép; đề nghị rút gọn."
	msgTagMismatch    = "Thông tin nhận dạng của tệp (biểu mẫu, đơn vị, kỳ báo cáo) đã bị thay đổi so với tệp mẫu đã gửi cho đơn vị, nên không xác định được đây là báo cáo của đơn vị nào, kỳ nào; đề nghị đơn vị nhập số liệu vào tệp mẫu đã nhận qua thư điện tử, không sửa thông tin nhận dạng."
	msgTagUnknown     = "Tệp không khớp với tệp mẫu hiện hành đã gửi cho đơn vị: tệp có thể được lập từ tệp mẫu cũ, tệp mẫu của cơ quan khác, hoặc thông tin nhận dạng (biểu mẫu, đơn vị, kỳ báo cáo) đã bị thay đổi; đề nghị đơn vị nhập số liệu vào tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgOtherKey       = "Tệp được lập từ tệp mẫu cũ hoặc tệp mẫu của cơ quan khác, không phải tệp mẫu hiện hành đã gửi cho đơn vị; đề nghị đơn vị nhập số liệu vào tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgOldKey         = "Tệp được lập từ tệp mẫu đã gửi cho đơn vị trước khi tệp mẫu được thay mới; tệp vẫn hợp lệ và được tiếp nhận. Lần sau, đề nghị đơn vị dùng tệp mẫu mới nhất đã nhận qua thư điện tử."
	msgUnknownForm    = "Tệp không phải biểu mẫu báo cáo của hệ thống: không có thông tin nhận dạng, các trang không khớp biểu mẫu nào; đề nghị đơn vị dùng tệp mẫu đã nhận qua thư điện tử."
	msgUnknownCode    = "Tệp là biểu mẫu “%s”, không phải biểu mẫu đang thu thập; đề nghị đơn vị dùng tệp mẫu đã nhận qua thư điện tử."
	msgGuessedCover   = "Tệp đã mất trang nhận dạng ẩn, thường do được lưu lại bằng chương trình khác; hệ thống nhận dạng theo dòng mã nhận dạng trên trang “Hướng dẫn”."
	msgGuessedLayout  = "Tệp không còn thông tin nhận dạng; hệ thống nhận dạng là biểu mẫu %s theo bố cục các trang. Đơn vị và kỳ báo cáo được xác định theo thư gửi kèm."
	msgOldVersion     = "Tệp được lập theo mẫu cũ của biểu mẫu %s, trước khi biểu mẫu được sửa đổi; hệ thống vẫn đọc theo tiêu đề cột. Lần sau, đề nghị đơn vị dùng tệp mẫu mới nhất đã nhận qua thư điện tử."
)

// Warnings about the file as a whole.
const (
	msgConvertedXLS = "Tệp ở định dạng Excel cũ (.xls); hệ thống đã tự chuyển sang định dạng .xlsx để đọc. Lần sau, đề nghị lưu tệp ở định dạng .xlsx để tránh sai lệch khi chuyển đổi."
	// count, encoding and fonts, example cell, converted example
	msgLegacyEncoding = "%s ô được gõ bằng bảng mã cũ %s; hệ thống đã tự chuyển sang Unicode, ví dụ ô %s: “%s”. Đề nghị kiểm tra lại và lần sau dùng bảng mã Unicode, phông chữ Times New Roman."
	msgMacros         = "Tệp có chứa macro (.xlsm); hệ thống chỉ đọc số liệu, không chạy và không lưu macro. Lần sau, đề nghị lưu tệp ở định dạng Excel thông thường (.xlsx)."
)

// Reasons a file cannot be read at all.
const (
	msgEmpty        = "Tệp đính kèm rỗng (0 byte); đề nghị đính kèm lại tệp Excel đã điền."
	msgTooBig       = "Tệp quá lớn (%s MB, tối đa %s MB); đề nghị xóa hình ảnh, trang thừa rồi gửi lại."
	msgNotXLSX      = "Tệp không phải tệp Excel định dạng .xlsx hoặc đã bị hỏng; đề nghị mở tệp bằng Excel, lưu lại ở định dạng .xlsx rồi gửi lại."
	msgOLE          = "Tệp ở định dạng Excel cũ (.xls); đề nghị mở tệp bằng Excel, lưu lại ở định dạng .xlsx rồi gửi lại."
	msgEncrypted    = "Tệp đã được đặt mật khẩu nên hệ thống không đọc được; đề nghị bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc), lưu lại rồi gửi lại."
	msgUnzipTooBig  = "Nội dung tệp khi giải nén quá lớn, có thể tệp bị hỏng hoặc không phải bảng tính thông thường; đề nghị dùng tệp mẫu đã nhận và gửi lại."
	msgCorrupt      = "Không đọc được tệp Excel vì tệp bị hỏng hoặc có cấu trúc không chuẩn; đề nghị mở tệp bằng Excel, lưu lại ở định dạng .xlsx rồi gửi lại."
	msgTooManyCells = "Tệp có quá nhiều ô dữ liệu (hơn %s ô); đề nghị xóa các trang, dòng thừa rồi gửi lại."
	msgTooManyChars = "Tệp chứa quá nhiều chữ trong các ô (hơn %s ký tự); đề nghị xóa các trang, dòng, nội dung thừa rồi gửi lại."
	msgTimeout      = "Hệ thống không đọc xong tệp trong %d giây vì tệp quá lớn hoặc có cấu trúc bất thường; đề nghị xóa các trang, dòng thừa, lưu lại ở định dạng .xlsx rồi gửi lại."
)
