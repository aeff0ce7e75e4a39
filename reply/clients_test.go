package reply

import (
	"html"
	"strings"
)

// The request mail tonghop sends, as the leader's mail program quotes it.
// Its instruction line says "Duyệt / Đồng ý": if quote stripping failed, a
// reply would wrongly read as an approval, which the tests would catch.
const requestText = `Kính gửi: đồng chí Nguyễn Văn Hùng, Trưởng Ban

Phòng Kế hoạch tổng hợp trân trọng trình báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (BM.02.01/KH), dự thảo lần 2.
Đã tổng hợp 8/8 đơn vị; 2 điểm cần lưu ý, ghi ở cuối trang “Tổng hợp”.
Trần Thị Lan đã duyệt lúc 09:05 20/11/2026.
Tệp tổng hợp “BM.02.01-KH_2026-11_v2.xlsx” được gửi kèm thư này.
Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa. Nếu sửa trực tiếp trên tệp, xin gửi kèm tệp đã sửa khi trả lời.

--
Phòng Kế hoạch tổng hợp
Ban Quản lý các KCN tỉnh Thái Nguyên`

// requestInstruction is the instruction line alone, as a failed quote
// strip leaves it in the person's text.
const requestInstruction = "Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa. " +
	"Nếu sửa trực tiếp trên tệp, xin gửi kèm tệp đã sửa khi trả lời."

const (
	requestFrom    = "Phòng Kế hoạch tổng hợp"
	requestAddr    = "tonghop@bqlkcn.thainguyen.gov.vn"
	requestSubject = "[TH BM.02.01/KH 2026-11 v2] Xin ý kiến duyệt: báo cáo tháng 11/2026"
	leaderName     = "Nguyễn Văn Hùng"
	leaderAddr     = "hung.nv@bqlkcn.thainguyen.gov.vn"
)

// client builds the bodies a mail program sends when the person types
// written above (or, for bottom-posting programs, below) the quote.
type client struct {
	name  string
	build func(written string) (plain, html string)
}

// quoteLines prefixes every line with "> " as Gmail and Apple Mail do (">"
// alone for empty lines).
func quoteLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// htmlLines escapes text and turns line breaks into <br>.
func htmlLines(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// htmlDivs writes one <div> per line, as Gmail's and Apple's editors do.
func htmlDivs(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if l == "" {
			b.WriteString("<div><br></div>")
			continue
		}
		b.WriteString("<div>" + html.EscapeString(l) + "</div>")
	}
	return b.String()
}

// msoParas writes Outlook's Word-generated paragraphs.
func msoParas(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if l == "" {
			l = "<o:p>&nbsp;</o:p>"
		} else {
			l = html.EscapeString(l) + "<o:p></o:p>"
		}
		b.WriteString(`<p class="MsoNormal"><span style="font-size:14.0pt">` + l + "</span></p>\n")
	}
	return b.String()
}

var (
	gmailWeb = client{"Gmail web", func(w string) (string, string) {
		attr := "On Fri, Nov 20, 2026 at 9:12 AM " + requestFrom + " <\n" + requestAddr + "> wrote:"
		plain := w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<div dir="ltr">` + htmlDivs(w) + `</div><br><div class="gmail_quote gmail_quote_container">` +
			`<div dir="ltr" class="gmail_attr">On Fri, Nov 20, 2026 at 9:12 AM ` + requestFrom +
			` &lt;<a href="mailto:` + requestAddr + `">` + requestAddr + `</a>&gt; wrote:<br></div>` +
			`<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
			`<div dir="ltr">` + htmlLines(requestText) + `</div></blockquote></div>` + "\n"
		return plain, h
	}}
	// gmailSigned adds the signature Gmail puts above the quote.
	gmailSigned = client{"Gmail web", func(w string) (string, string) {
		sig := leaderName + "\nTrưởng Ban\nBan Quản lý các KCN tỉnh Thái Nguyên"
		attr := "On Fri, Nov 20, 2026 at 9:12 AM " + requestFrom + " <\n" + requestAddr + "> wrote:"
		plain := w + "\n\n-- \n" + sig + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<div dir="ltr">` + htmlDivs(w) + `<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>` +
			`<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">` + htmlLines(sig) +
			`</div></div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Fri, Nov 20, 2026 at 9:12 AM ` +
			requestFrom + ` &lt;<a href="mailto:` + requestAddr + `">` + requestAddr + `</a>&gt; wrote:<br></div>` +
			`<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
			htmlLines(requestText) + `</blockquote></div>`
		return plain, h
	}}
	gmailVi = client{"Gmail web (tiếng Việt)", func(w string) (string, string) {
		attr := "Vào Th 6, 20 thg 11, 2026 vào lúc 09:12 " + requestFrom + " <\n" + requestAddr + "> đã viết:"
		plain := w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<div dir="ltr">` + htmlDivs(w) + `</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
			`Vào Th 6, 20 thg 11, 2026 vào lúc 09:12 ` + requestFrom + ` &lt;<a href="mailto:` + requestAddr + `">` +
			requestAddr + `</a>&gt; đã viết:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;` +
			`border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">` + htmlLines(requestText) +
			`</div></blockquote></div>`
		return plain, h
	}}
	gmailAndroid = client{"Gmail Android", func(w string) (string, string) {
		attr := "Vào Th 6, 20 thg 11, 2026, 09:12 " + requestFrom + " <" + requestAddr + ">\nđã viết:"
		plain := w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<div dir="auto">` + htmlLines(w) + `</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
			`Vào Th 6, 20 thg 11, 2026, 09:12 ` + requestFrom + ` &lt;` + requestAddr + `&gt; đã viết:<br></div>` +
			`<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">` +
			`<div dir="ltr">` + htmlLines(requestText) + `</div></blockquote></div>`
		return plain, h
	}}
	gmailIOS = client{"Gmail iOS", func(w string) (string, string) {
		attr := "On Fri, 20 Nov 2026 at 09:12, " + requestFrom + " <" + requestAddr + "> wrote:"
		plain := w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<div dir="auto">` + htmlLines(w) + `</div><div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
			html.EscapeString(attr) + `<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;` +
			`padding-left:1ex">` + htmlLines(requestText) + `</blockquote></div></div>`
		return plain, h
	}}
)

// outlookHeader is the header block Outlook puts above the original.
func outlookHeader(vi bool) string {
	if vi {
		return "Từ: " + requestFrom + " <" + requestAddr + ">\nĐã gửi: Thứ Sáu, 20 tháng 11, 2026 9:12 SA\n" +
			"Đến: " + leaderName + " <" + leaderAddr + ">\nChủ đề: " + requestSubject
	}
	return "From: " + requestFrom + " <" + requestAddr + ">\nSent: Friday, November 20, 2026 9:12 AM\n" +
		"To: " + leaderName + " <" + leaderAddr + ">\nSubject: " + requestSubject
}

func outlookHTML(w string, vi bool) string {
	header := outlookHeader(vi)
	var hb strings.Builder
	for i, l := range strings.Split(header, "\n") {
		label, value, _ := strings.Cut(l, ": ")
		if i > 0 {
			hb.WriteString("<br>\n")
		}
		hb.WriteString("<b>" + label + ":</b> " + html.EscapeString(value))
	}
	return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name="Generator" content="Microsoft Word 15 (filtered medium)">` +
		"<style><!--\np.MsoNormal {margin:0cm; font-size:11.0pt;}\n--></style></head>\n" +
		`<body lang="VI" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">` + "\n" +
		msoParas(w) + `<p class="MsoNormal"><o:p>&nbsp;</o:p></p>` + "\n" +
		`<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">` +
		`<p class="MsoNormal">` + hb.String() + "<o:p></o:p></p></div>\n" +
		`<p class="MsoNormal"><o:p>&nbsp;</o:p></p>` + msoParas(requestText) + "</div></body></html>"
}

var (
	outlookDesktop = client{"Outlook desktop", func(w string) (string, string) {
		return w + "\n\n" + outlookHeader(false) + "\n\n" + requestText + "\n", outlookHTML(w, false)
	}}
	outlookVi = client{"Outlook desktop (tiếng Việt)", func(w string) (string, string) {
		return w + "\n\n" + outlookHeader(true) + "\n\n" + requestText + "\n", outlookHTML(w, true)
	}}
	owa = client{"Outlook on the web", func(w string) (string, string) {
		plain := w + "\n\n________________________________\n" + outlookHeader(false) + "\n\n" + requestText + "\n"
		h := `<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>` +
			`<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">` +
			htmlLines(w) + `</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">` +
			`<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">` +
			strings.ReplaceAll(html.EscapeString(outlookHeader(false)), "\n", "<br>") + `</font><div>&nbsp;</div></div>` +
			`<div>` + htmlLines(requestText) + `</div></body></html>`
		return plain, h
	}}
	outlookMobile = client{"Outlook iOS/Android", func(w string) (string, string) {
		plain := w + "\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\n" +
			strings.Replace(outlookHeader(false), "9:12 AM", "9:12:31 AM", 1) + "\n\n" + requestText + "\n"
		h := `<html><head></head><body><div dir="ltr">` + htmlLines(w) + `</div><div dir="ltr"><br></div>` +
			`<div id="ms-outlook-mobile-signature" dir="ltr">Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div>` +
			`<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">` +
			`<div id="divRplyFwdMsg" dir="ltr">` + strings.ReplaceAll(html.EscapeString(outlookHeader(false)), "\n", "<br>") +
			`</div><div dir="ltr">` + htmlLines(requestText) + `</div></body></html>`
		return plain, h
	}}
	outlookAndroidVi = client{"Outlook iOS/Android", func(w string) (string, string) {
		plain := w + "\n\nNhận Outlook cho Android<https://aka.ms/AAb9ysg>\n________________________________\n" +
			outlookHeader(true) + "\n\n" + requestText + "\n"
		return plain, ""
	}}
)
