package reply

func unclearCases() []replyCase {
	return []replyCase{
		c("Đã xem", gmailWeb, "Đã xem", Unclear),
		c("Đã nhận", outlookVi, "Đã nhận", Unclear),
		c("Ok để anh xem", iPhone, "Ok để anh xem", Unclear),
		c("Để tôi xem lại", outlookDesktop, "Để tôi xem lại", Unclear),
		c("Chờ ý kiến anh Hải", gmailVi, "Chờ ý kiến anh Hải", Unclear),
		c("Em trình lại sau", owa, "Em trình lại sau", Unclear),
		c("Anh chưa kịp xem, mai duyệt", gmailAndroid, "Anh chưa kịp xem, mai duyệt", Unclear),
		c("empty reply, Gmail", gmailWeb, "", Unclear),
		c("empty reply, Vietnamese Outlook", outlookVi, "", Unclear),
		c("empty reply, only Sent from my iPhone", iPhone, "", Unclear),
		c("Duyệt?", gmailIOS, "Duyệt?", Unclear),
		c("question without change words", gmailWeb, "Báo cáo này đã có số liệu của phường Quang Trung chưa?", Unclear),
		c("someone else approved", outlookDesktop, "Anh Minh duyệt rồi", Unclear),
		c("Mai anh duyệt", iPhoneVi, "Mai anh duyệt", Unclear),
		c("Gọi cho anh", gmailAndroid, "Gọi cho anh", Unclear),
		c("Lên gặp anh trao đổi", zimbra, "Lên gặp anh trao đổi", Unclear),
		c("Cảm ơn em", appleMail, "Cảm ơn em", Unclear),
		c("away, will read later", outlookMobile, "Anh đang đi công tác, về sẽ xem", Unclear),
		c("Received", outlookDesktop, "Received", Unclear),
		c("Noted, thanks", owa, "Noted, thanks", Unclear),
		c("thumbs up alone", iPhone, "👍", Unclear),
		c("Duyệt with thumbs down", gmailIOS, "Duyệt 👎", Unclear),
		c("forwarded to someone else", gmailWeb, "Chuyển anh Tuấn duyệt", Unclear),
		c("part approved, rest later", yahooWeb, "Duyệt phần 1, phần 2 để sau", Unclear),
		c("only the leaked instruction line", bare,
			requestInstruction+"\n[TH BM.02.01/KH 2026-11 v2]", Unclear),
		c("Không alone", gmailWeb, "Không", Unclear),
		c("Duyệt được không em?", gmailAndroid, "Duyệt được không em?", Unclear),
		c("Duyet dc ko em without question mark", gmailAndroid, "Duyet dc ko em", Unclear),
		c("seen, will answer in the afternoon", iPhoneVi, "Ok anh xem rồi, để chiều anh trả lời", Unclear),
		c("approval for one ward only", outlookVi, "Duyệt cho phường Hòa Bình", Unclear),
		c("approve a proposal by another office", owa, "Đồng ý với đề xuất của phòng Kinh tế", Unclear),
		c("Anh Hùng đồng ý rồi em", thunderbird, "Anh Hùng đồng ý rồi em", Unclear),
		c("Đồng ý with thinking face", gmailIOS, "Đồng ý 🤔", Unclear),
		c("Khi nào có bản cuối?", appleMailVi, "Khi nào có bản cuối?", Unclear),
		c("Không có ý kiến gì thêm alone", outlookVi, "Không có ý kiến gì thêm", Unclear).alsoApproving(KindComment),
		c("Chưa xem", samsungMail, "Chưa xem", Unclear),
		c("Để anh đọc kỹ đã", windowsMail, "Để anh đọc kỹ đã", Unclear),
		c("Tuần sau duyệt", zimbraVi, "Tuần sau duyệt", Unclear),
		c("Đồng ý? (asking)", thunderbirdBelow, "Đồng ý?", Unclear),
		c("ok in a longer sentence", gmailWeb, "Ok, em in ra để anh ký", Unclear),
		c("approve word in a sentence about something else", outlookDesktop,
			"Hôm qua anh đã duyệt kế hoạch của phòng Đầu tư rồi", Unclear),
		c("Chưa có ý kiến", aolWeb, "Chưa có ý kiến", Unclear),
		c("empty reply, Yahoo Android", yahooAndroid, "", Unclear),
		c("empty reply, Zimbra", zimbra, "", Unclear),
		c("empty reply, Thunderbird below", thunderbirdBelow, "", Unclear),
		c("Thống nhất lịch họp, not the report", gmailVi, "Thống nhất lịch họp chiều thứ 2", Unclear),
		c("invalid UTF-8 bytes", bare, "Duy\xe1\xbb\x87t \xff\xfe ok", Unclear),
		c("Hong name without diacritics after Duyệt", gmailAndroid, "Duyet. Hong", Unclear),
		// The reader cannot check a period number against the request.
		c("approval naming a month", outlookDesktop, "Duyệt báo cáo tháng 11/2026", Unclear),
		c("approval naming a quarter", owa, "Thống nhất ban hành báo cáo quý IV", Unclear),
		c("Duyệt. Khoan", gmailAndroid, "Duyệt. Khoan", Unclear),
		c("Duyệt - Nope", gmailWeb, "Duyệt - Nope", Unclear),
		c("empty reply with a Gmail signature", gmailSigned, "", Unclear),
		c("Duyệt, gửi Bộ", outlookVi, "Duyệt, gửi Bộ", Unclear),

		{name: "Gmail HTML only, empty above the quote", client: gmailWeb.name, want: Unclear,
			html: `<div dir="ltr"><br></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Fri, Nov 20, 2026 at 9:12 AM X wrote:<br></div>` +
				`<blockquote class="gmail_quote">` + htmlLines(requestText) + `</blockquote></div>`},
		{name: "plain approves but HTML is empty above the quote", client: gmailWeb.name, want: Unclear, bodiesDiffer: true,
			plain: "Duyệt\n",
			html:  `<div dir="ltr"></div><div class="gmail_quote"><blockquote class="gmail_quote">Trả lời thư này: Duyệt</blockquote></div>`},
	}
}

// allCases is the whole table.
func allCases() []replyCase {
	var all []replyCase
	all = append(all, approveCases()...)
	all = append(all, reviseCases()...)
	all = append(all, unclearCases()...)
	return all
}
