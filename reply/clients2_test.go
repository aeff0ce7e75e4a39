package reply

import (
	"html"
	"strings"
)

var (
	appleMail = client{"Apple Mail", func(w string) (string, string) {
		attr := "On 20 Nov 2026, at 09:12, " + requestFrom + " <" + requestAddr + "> wrote:"
		plain := w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>` +
			`<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">` +
			htmlLines(w) + `<br id="lineBreakAtBeginningOfMessage"><div><br><blockquote type="cite"><div>` +
			html.EscapeString(attr) + `</div><br class="Apple-interchange-newline"><div>` + htmlDivs(requestText) +
			`</div></blockquote></div><br></body></html>`
		return plain, h
	}}
	appleMailVi = client{"Apple Mail", func(w string) (string, string) {
		attr := "Vào 20 thg 11, 2026, lúc 09:12, " + requestFrom + " <" + requestAddr + "> đã viết:"
		return w + "\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n", ""
	}}
	iPhone = client{"iPhone Mail", func(w string) (string, string) {
		attr := "On 20 Nov 2026, at 09:12, " + requestFrom + " <" + requestAddr + "> wrote:"
		plain := w + "\n\nSent from my iPhone\n\n" + quoteLines(attr+"\n\n"+requestText) + "\n"
		h := `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">` +
			`<div dir="ltr">` + htmlLines(w) + `</div><div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>` +
			`<div dir="ltr"><br><blockquote type="cite">` + html.EscapeString(attr) + `<br><br></blockquote></div>` +
			`<blockquote type="cite"><div dir="ltr">` + htmlLines(requestText) + `</div></blockquote></body></html>`
		return plain, h
	}}
	iPhoneVi = client{"iPhone Mail", func(w string) (string, string) {
		attr := "Vào 20 thg 11, 2026, lúc 09:12, " + requestFrom + " <" + requestAddr + "> đã viết:"
		plain := w + "\n\nGửi từ iPhone của tôi\n\n" + attr + "\n\n" + quoteLines(requestText) + "\n"
		h := `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">` +
			`<div dir="ltr"></div><div dir="ltr">` + htmlLines(w) + `</div><div dir="ltr"><br></div>` +
			`<div id="AppleMailSignature" dir="ltr">Gửi từ iPhone của tôi</div><div dir="ltr"><br>` +
			`<blockquote type="cite">` + html.EscapeString(attr) + `<br><br></blockquote></div><blockquote type="cite">` +
			`<div dir="ltr">` + htmlLines(requestText) + `</div></blockquote></body></html>`
		return plain, h
	}}
	thunderbird = client{"Thunderbird", func(w string) (string, string) {
		attr := "On 20/11/2026 09:12, " + requestFrom + " wrote:"
		plain := w + "\n\n" + attr + "\n" + quoteLines(requestText) + "\n\n-- \n" + leaderName + "\nTrưởng Ban\n"
		h := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>` +
			`<p>` + htmlLines(w) + `</p><div class="moz-cite-prefix">` + html.EscapeString(attr) + `<br></div>` +
			`<blockquote type="cite" cite="mid:7f3a@bqlkcn">` + htmlLines(requestText) + `</blockquote>` +
			`<pre class="moz-signature" cols="72">-- ` + "\n" + leaderName + "\nTrưởng Ban</pre></body></html>"
		return plain, h
	}}
	thunderbirdVi = client{"Thunderbird", func(w string) (string, string) {
		attr := "Vào 20/11/2026 09:12, " + requestFrom + " đã viết:"
		return w + "\n\n" + attr + "\n" + quoteLines(requestText) + "\n", ""
	}}
	// thunderbirdBelow answers below the quote, Thunderbird's old default.
	thunderbirdBelow = client{"Thunderbird", func(w string) (string, string) {
		attr := "On 20/11/2026 09:12, " + requestFrom + " wrote:"
		plain := attr + "\n" + quoteLines(requestText) + "\n\n" + w + "\n"
		h := `<html><body><div class="moz-cite-prefix">` + html.EscapeString(attr) + `<br></div>` +
			`<blockquote type="cite" cite="mid:7f3a@bqlkcn">` + htmlLines(requestText) + `</blockquote><p>` +
			htmlLines(w) + `</p></body></html>`
		return plain, h
	}}
	zimbra = client{"Zimbra", func(w string) (string, string) {
		header := "From: \"" + requestFrom + "\" <" + requestAddr + ">\nTo: \"" + leaderName + "\" <" + leaderAddr +
			">\nSent: Friday, November 20, 2026 9:12:05 AM\nSubject: " + requestSubject
		plain := w + "\n\n----- Original Message -----\n" + header + "\n\n" + requestText + "\n"
		h := `<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">` +
			htmlDivs(w) + `<div><br></div><hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__">` +
			strings.ReplaceAll(html.EscapeString(header), "\n", "<br>") + `</div><br><div data-marker="__QUOTED_TEXT__">` +
			htmlLines(requestText) + `</div></div></body></html>`
		return plain, h
	}}
	zimbraVi = client{"Zimbra", func(w string) (string, string) {
		header := "Từ: \"" + requestFrom + "\" <" + requestAddr + ">\nTới: \"" + leaderName + "\" <" + leaderAddr +
			">\nĐã gửi: Thứ Sáu, 20 Tháng Mười Một, 2026 9:12:05\nChủ đề: " + requestSubject
		return w + "\n\n----- Thư gốc -----\n" + header + "\n\n" + requestText + "\n", ""
	}}
	yahooWeb = client{"Yahoo Mail", func(w string) (string, string) {
		attr := "On Friday, November 20, 2026 at 09:12:00 AM GMT+7, " + requestFrom + " <" + requestAddr + "> wrote:"
		plain := w + "\n\n\n" + attr + " \n\n" + requestText + "\n"
		h := `<html><head></head><body><div class="ydp6a1b2c3yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:16px;">` +
			`<div dir="ltr" data-setdir="false">` + htmlLines(w) + `</div></div><div id="yahoo_quoted_8812" class="yahoo_quoted">` +
			`<div style="font-family:'Helvetica Neue', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;"><div>` +
			html.EscapeString(attr) + `</div><div><br></div><div>` + htmlLines(requestText) + `</div></div></div></body></html>`
		return plain, h
	}}
	yahooAndroid = client{"Yahoo Mail", func(w string) (string, string) {
		plain := w + "\n\nSent from Yahoo Mail on Android \n \n  On Fri, 20 Nov 2026 at 9:12, " + requestFrom + "<" +
			requestAddr + "> wrote:   " + strings.ReplaceAll(requestText, "\n", "\n  ") + "\n"
		return plain, ""
	}}
	windowsMail = client{"Mail for Windows", func(w string) (string, string) {
		plain := w + "\n\nĐược gửi từ Thư cho Windows\n\nTừ: " + requestFrom + "\nĐã gửi: Thứ Sáu, 20 tháng Mười Một 2026 9:12 SA\n" +
			"Đến: " + leaderName + "\nChủ đề: " + requestSubject + "\n\n" + requestText + "\n"
		return plain, ""
	}}
	samsungMail = client{"Samsung Email", func(w string) (string, string) {
		plain := w + "\n\n\n\nGửi từ điện thoại thông minh Samsung Galaxy của tôi.\n\n\n-------- Thư gốc --------\n" +
			"Từ: " + requestFrom + " <" + requestAddr + "> \nNgày: 20/11/26 09:12 (GMT+07:00) \nĐến: " + leaderAddr +
			" \nChủ đề: " + requestSubject + " \n\n" + requestText + "\n"
		return plain, ""
	}}
	hotmailOld = client{"Hotmail (cũ)", func(w string) (string, string) {
		header := "Subject: " + requestSubject + "\nFrom: " + requestAddr + "\nTo: " + leaderAddr +
			"\nDate: Fri, 20 Nov 2026 09:12:00 +0700\n\n" + requestText
		return "\n" + w + "\n\n" + quoteLines(header) + "\n", ""
	}}
	aolWeb = client{"AOL Mail", func(w string) (string, string) {
		plain := w + "\n\n\n\n-----Original Message-----\nFrom: " + requestFrom + " <" + requestAddr + ">\nTo: " + leaderAddr +
			"\nSent: Fri, Nov 20, 2026 9:12 am\nSubject: " + requestSubject + "\n\n" + requestText + "\n"
		h := `<font color='black' size='2' face='arial'>` + htmlLines(w) + `<br><br><div style="font-family:arial,helvetica;` +
			`font-size:10pt;color:black">-----Original Message-----<br>From: ` + html.EscapeString(requestFrom+" <"+requestAddr+">") +
			`<br>Sent: Fri, Nov 20, 2026 9:12 am<br>Subject: ` + html.EscapeString(requestSubject) + `<br><br>` +
			htmlLines(requestText) + `</div></font>`
		return plain, h
	}}
	// bare is a reply without any quote (the person deleted it, or wrote a
	// new mail with the token in the subject).
	bare = client{"no quote", func(w string) (string, string) { return w + "\n", "" }}
)
