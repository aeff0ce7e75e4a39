package reply

import "golang.org/x/text/unicode/norm"

// replyCase is one real-looking reply with the reading a careful secretary
// would give it.
type replyCase struct {
	name    string
	client  string // mail program, for the counts in the report
	written string // what the person typed (for builder cases)
	build   func(string) (string, string)
	plain   string
	html    string
	want    Decision
	comment string // expected Comment, checked when set
	drop    string // "plain" or "html": the body this program variant leaves out
	// bodiesDiffer marks cases whose two bodies say different things on
	// purpose, to test how Read resolves them.
	bodiesDiffer bool
	// req is the request the reply answers (the zero Request for Read).
	req Request
	// alsoApproves lists the kinds of request under which a reply that is
	// no approval under req.Kind rightly approves ("Không có ý kiến gì
	// thêm" in a comment round).
	alsoApproves []Kind
}

// c builds a case from what the person typed and the program they used.
func c(name string, cl client, written string, want Decision) replyCase {
	plain, html := cl.build(written)
	return replyCase{name: name, client: cl.name, written: written, build: cl.build,
		plain: plain, html: html, want: want}
}

// withComment sets the expected Comment.
func (rc replyCase) withComment(s string) replyCase {
	rc.comment = s
	return rc
}

// plainOnly and htmlOnly drop one body, as some programs send only one.
func (rc replyCase) plainOnly() replyCase {
	rc.html, rc.drop = "", "html"
	return rc
}

func (rc replyCase) htmlOnly() replyCase {
	rc.plain, rc.drop = "", "plain"
	return rc
}

// bodies builds the bodies for what the person typed.
func (rc replyCase) bodies(written string) (plain, html string) {
	plain, html = rc.build(written)
	switch rc.drop {
	case "plain":
		plain = ""
	case "html":
		html = ""
	}
	return plain, html
}

func nfd(s string) string { return norm.NFD.String(s) }

func approveCases() []replyCase {
	return []replyCase{
		c("Duyệt", gmailWeb, "Duyệt", Approve),
		c("Duyệt with full stop, Vietnamese Gmail", gmailVi, "Duyệt.", Approve),
		c("duyet without diacritics", gmailAndroid, "duyet", Approve),
		c("DUYỆT in capitals", outlookDesktop, "DUYỆT", Approve),
		c("Đồng ý", outlookVi, "Đồng ý.", Approve),
		c("Đồng ý ban hành", owa, "Đồng ý ban hành.", Approve),
		c("Cho ban hành", outlookMobile, "Cho ban hành", Approve),
		c("Nhất trí", appleMail, "Nhất trí.", Approve),
		c("Thống nhất", iPhone, "Thống nhất", Approve),
		c("OK", iPhoneVi, "OK", Approve),
		c("Ok anh", gmailIOS, "Ok anh", Approve),
		c("oke em", gmailAndroid, "oke em", Approve),
		c("Okie", zimbra, "Okie", Approve),
		c("Được", yahooWeb, "Được", Approve),
		c("Được rồi em nhé", thunderbird, "Được rồi em nhé", Approve),
		c("Phê duyệt", zimbraVi, "Phê duyệt", Approve),
		c("Đồng ý, trình Trưởng Ban", iPhoneVi, "Đồng ý, trình Trưởng Ban.", Approve),
		c("Đồng ý, chuyển Phó Trưởng Ban", gmailAndroid, "Đồng ý, chuyển Phó Trưởng Ban", Approve),
		c("Approved", outlookDesktop, "Approved", Approve),
		c("Approved, thanks", gmailWeb, "Approved, thanks.", Approve),
		c("I agree", appleMail, "I agree.", Approve),
		c("Agreed", owa, "Agreed", Approve),
		c("Không có ý kiến gì thêm, duyệt", outlookVi, "Không có ý kiến gì thêm, duyệt.", Approve),
		c("Không có ý kiến, đồng ý", gmailWeb, "Không có ý kiến, đồng ý", Approve),
		c("Duyệt. Không sửa gì", iPhone, "Duyệt. Không sửa gì", Approve),
		c("Đồng ý, không cần sửa", outlookMobile, "Đồng ý, không cần sửa", Approve),
		c("Outlook signature after Trân trọng", outlookDesktop,
			"Chào em,\nAnh duyệt nhé.\n\nTrân trọng,\nNguyễn Văn Hùng\nTrưởng Ban\nBan Quản lý các KCN tỉnh Thái Nguyên\nĐT: 0208 3855 123",
			Approve).withComment("Chào em,\nAnh duyệt nhé."),
		c("greeting with a name", owa, "Gửi chị Lan,\nĐồng ý ban hành.\nThanks", Approve),
		c("dong y without diacritics", gmailAndroid, "dong y", Approve),
		c("NFD Duyệt from an iPhone", iPhone, nfd("Duyệt"), Approve),
		c("NFD Đồng ý, cảm ơn em", appleMail, nfd("Đồng ý, cảm ơn em"), Approve),
		c("Duyệt with thumbs up", gmailIOS, "Duyệt 👍", Approve),
		c("Ừ, duyệt", gmailAndroid, "Ừ, duyệt", Approve),
		c("Duyệt báo cáo tháng này", outlookDesktop, "Duyệt báo cáo tháng này", Approve),
		c("Đồng ý với nội dung báo cáo", outlookVi, "Đồng ý với nội dung báo cáo.", Approve),
		c("Duyệt - Hùng", gmailWeb, "Duyệt - Hùng", Approve),
		c("Em ơi, anh đồng ý nhé", gmailVi, "Em ơi, anh đồng ý nhé", Approve),
		c("Ok, ban hành đi em", iPhoneVi, "Ok, ban hành đi em", Approve),
		c("Dc em (teen code)", gmailAndroid, "Dc em", Approve),
		c("OK. Thanks", yahooWeb, "OK. Thanks", Approve),
		c("Nhất trí ban hành, cảm ơn các đồng chí", zimbra, "Nhất trí ban hành. Cảm ơn các đồng chí.", Approve),
		c("Đã xem, đồng ý", outlookVi, "Đã xem, đồng ý.", Approve),
		c("Duyệt ạ", thunderbirdVi, "Duyệt ạ", Approve),
		c("Đồng ý như dự thảo", outlookDesktop, "Đồng ý như dự thảo.", Approve),
		c("Thống nhất ban hành báo cáo quý", owa, "Thống nhất ban hành báo cáo quý", Approve),
		c("Tốt, duyệt", iPhone, "Tốt, duyệt", Approve),
		c("Duyệt, không vấn đề gì", gmailIOS, "Duyệt, không vấn đề gì", Approve),
		c("Duyệt luôn from a Samsung", samsungMail, "Duyệt luôn", Approve),
		c("Duyệt from Mail for Windows", windowsMail, "Duyệt.", Approve),
		c("Approved below the quote", thunderbirdBelow, "Approved.", Approve),
		c("Đồng ý from Outlook Android (tiếng Việt)", outlookAndroidVi, "Đồng ý", Approve),
		c("Duyệt from Yahoo Android", yahooAndroid, "Duyệt", Approve),
		c("OK anh from old Hotmail", hotmailOld, "OK anh", Approve),
		c("Đồng ý from AOL", aolWeb, "Đồng ý", Approve),
		c("Duyệt typed into a new mail", bare, "Duyệt", Approve),
		c("ko có ý kiến gì, dc", gmailAndroid, "ko có ý kiến gì, dc", Approve),
		c("Duyệt. K cần sửa", iPhoneVi, "Duyệt. K cần sửa", Approve),
		c("Thanks em, ok", thunderbird, "Thanks em, ok", Approve),
		c("Duyệt, plain only Gmail", gmailWeb, "Duyệt nhé", Approve).plainOnly(),
		c("Đồng ý, HTML only Outlook", outlookVi, "Đồng ý", Approve).htmlOnly(),
		c("Duyệt, HTML only OWA", owa, "Duyệt", Approve).htmlOnly(),
		c("Duyệt with leaked instruction line", bare,
			"Duyệt\n\n"+requestInstruction+"\n[TH BM.02.01/KH 2026-11 v2]", Approve),
		c("Duyệt with a Vietnamese closing and name", zimbraVi, "Duyệt.\nTrân trọng!\nHùng", Approve),
		c("Chào anh, em đồng ý ạ", appleMailVi, "Chào anh, em đồng ý ạ", Approve),
		c("Duyệt with a Gmail signature", gmailSigned, "Duyệt, cảm ơn em.", Approve),
	}
}
