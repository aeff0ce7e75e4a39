package document

// The page and type of Decree 30/2020/NĐ-CP, Appendix I. Lengths in twips (1/1440 inch, 1 mm ≈
// 56.7 twips), sizes in points.
const (
	Font = "Times New Roman"

	pageWidth  = 11906 // A4, 210 mm
	pageHeight = 16838 // 297 mm
	// Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
	MarginTop    = 1134 // 20 mm
	MarginBottom = 1134 // 20 mm
	MarginLeft   = 1701 // 30 mm
	MarginRight  = 851  // 15 mm
	textWidth    = pageWidth - MarginLeft - MarginRight

	// The header table: the office's column and the national title's, wide enough for the
	// national title on one line.
	leftColumn  = 3402 // 60 mm
	rightColumn = textWidth - leftColumn

	// Sizes (item numbers of Appendix I, section II).
	sizeGoverning = 13 // cơ quan chủ quản: 12–13, capitals
	sizeOffice    = 13 // cơ quan ban hành: 12–13, capitals, bold
	sizeNational  = 12 // Quốc hiệu: 12–13, capitals, bold (12: one line in its column)
	sizeMotto     = 14 // Tiêu ngữ: 13–14, bold
	sizeNumber    = 13 // số, ký hiệu: 13
	sizeDate      = 14 // địa danh, ngày tháng: 13–14, italic
	sizeKind      = 14 // tên loại: 13–14, capitals, bold
	sizeSummary   = 14 // trích yếu: 13–14, bold
	sizeBody      = 14 // nội dung: 13–14
	sizeTable     = 12 // figures in tables: smaller, so a wide table fits the page
	sizeSigner    = 14 // quyền hạn, chức vụ, họ tên người ký: 13–14, bold
	sizeTo        = 12 // "Nơi nhận:": 12, bold italic
	sizeToLines   = 11 // the recipients: 11

	// Rules: the issuing office's is a third to a half of its name's line, the motto's as long
	// as the motto. Both are paragraph borders, centred by indents.
	officeRule = 1417 // 25 mm
	mottoRule  = 3515 // 62 mm: "Độc lập - Tự do - Hạnh phúc" at 14 pt bold
	bodyIndent = 567  // first line of a body paragraph: 10 mm
	ruleHeight = 3    // points: the empty paragraph carrying a rule, clear of the text's descenders
)
