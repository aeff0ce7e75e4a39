package reply

func reviseCases() []replyCase {
	return []replyCase{
		c("Không duyệt", gmailWeb, "Không duyệt.", Revise).withComment("Không duyệt."),
		c("Chưa duyệt", outlookVi, "Chưa duyệt", Revise),
		c("Chưa đồng ý", owa, "Chưa đồng ý", Revise),
		c("Không đồng ý", iPhone, "Không đồng ý", Revise),
		c("ko duyet", gmailAndroid, "ko duyet", Revise),
		c("Ko đồng ý, số liệu chưa khớp", gmailIOS, "Ko đồng ý, số liệu phường Quang Trung chưa khớp", Revise),
		c("Duyệt nhưng sửa lại mục 2", outlookDesktop, "Duyệt nhưng sửa lại mục 2 trước khi ban hành.", Revise).
			withComment("Duyệt nhưng sửa lại mục 2 trước khi ban hành."),
		c("Đồng ý nếu bổ sung số liệu", gmailVi, "Đồng ý nếu bổ sung số liệu phường X", Revise).
			withComment("Đồng ý nếu bổ sung số liệu phường X"),
		c("Đồng ý, tuy nhiên lưu ý", appleMail, "Đồng ý, tuy nhiên cần lưu ý số liệu xuất khẩu.", Revise),
		c("Sửa lại bảng 3", thunderbird, "Sửa lại bảng 3, cột lũy kế bị sai.", Revise).
			withComment("Sửa lại bảng 3, cột lũy kế bị sai."),
		c("Bổ sung rồi trình lại", zimbra, "Bổ sung số liệu phường Tân Lập rồi trình lại.", Revise),
		c("Đồng ý, sửa rồi trình Trưởng Ban", outlookVi, "Đồng ý, sửa mục 3 rồi trình Trưởng Ban.", Revise),
		c("Đồng ý nhưng trình lại lãnh đạo", gmailWeb, "Đồng ý nhưng trình lại lãnh đạo sau khi bổ sung.", Revise),
		c("Em điều chỉnh lại", outlookMobile, "Em điều chỉnh lại phần phương hướng tháng 12 nhé", Revise),
		c("Xem lại số liệu thu ngân sách", owa, "Xem lại số liệu thu ngân sách, hình như lệch với Sở Tài chính.", Revise),
		c("Kiểm tra lại mục II.3", gmailWeb, "Kiểm tra lại mục II.3", Revise),
		c("Làm rõ nguyên nhân", iPhone, "Làm rõ nguyên nhân chậm tiến độ dự án.", Revise),
		c("Thay số liệu tháng 10", yahooWeb, "Thay số liệu tháng 10 bằng số liệu chính thức", Revise),
		c("Bỏ đoạn cuối", gmailAndroid, "Bỏ đoạn cuối mục III", Revise),
		c("Chỉnh lại font", outlookVi, "Chỉnh lại font chữ và căn lề", Revise),
		c("Cập nhật số lao động", samsungMail, "Cập nhật số lao động mới của KCN Điềm Thụy", Revise),
		c("Gửi lại bản có chữ ký nháy", windowsMail, "Gửi lại bản có chữ ký nháy của Chánh Văn phòng", Revise),
		c("Duyệt, nhưng lần sau gửi sớm hơn", gmailWeb, "Duyệt, nhưng lần sau gửi sớm hơn", Revise),
		c("Đồng ý, trừ mục 4", owa, "Đồng ý, trừ mục 4", Revise),
		c("Đồng ý sau khi bổ sung", appleMail, "Đồng ý sau khi bổ sung ý kiến phòng Đầu tư", Revise),
		c("Chưa ổn, em xem lại", iPhoneVi, "Chưa ổn, em xem lại phần đánh giá", Revise),
		c("Not approved, please revise", outlookDesktop, "Not approved. Please revise section 2.", Revise),
		c("Please revise the figures", gmailWeb, "Please revise the figures in table 3", Revise),
		c("Rejected", owa, "Rejected", Revise),
		c("Ko dc", gmailAndroid, "Ko dc", Revise),
		c("Không duyệt, trình lại sau khi có số liệu", outlookVi, "Không duyệt. Trình lại sau khi có số liệu quý IV.", Revise),
		c("Duyet nhung sua lai muc 2 without diacritics", gmailAndroid, "Duyet nhung sua lai muc 2", Revise),
		c("NFD Không đồng ý", appleMail, nfd("Không đồng ý"), Revise),
		c("question asking for a change", gmailIOS, "Sao không bổ sung số liệu phường X?", Revise),
		c("Thiếu số liệu 2 đơn vị", thunderbird, "Thiếu số liệu của 2 đơn vị, bổ sung rồi trình lại em nhé", Revise),
		c("Lưu ý thống nhất số liệu", zimbraVi, "Lưu ý thống nhất số liệu với báo cáo của UBND tỉnh", Revise),
		c("Duyệt. Nhưng sửa chính tả", yahooWeb, "Duyệt. Nhưng sửa chính tả trang 2", Revise),
		c("Đồng ý về cơ bản, đề nghị bổ sung", outlookDesktop, "Đồng ý về cơ bản, đề nghị bổ sung phần kiến nghị.", Revise),
		c("Không được, làm lại", iPhone, "Không được, làm lại bảng tổng hợp", Revise),
		c("k duyệt", gmailAndroid, "k duyệt", Revise),
		c("hok dong y", gmailAndroid, "hok dong y", Revise),
		c("Chưa được em ạ", thunderbirdVi, "Chưa được em ạ", Revise),
		c("Dừng ban hành", outlookMobile, "Dừng ban hành, chờ ý kiến UBND tỉnh", Revise),
		c("Không duyệt, below the quote", thunderbirdBelow, "Không duyệt, bổ sung phần đánh giá.", Revise),
		c("Duyệt nhưng sửa mục 2, HTML only", outlookDesktop, "Duyệt nhưng sửa mục 2", Revise).htmlOnly(),
		c("Không đồng ý from old Hotmail", hotmailOld, "Không đồng ý", Revise),
		c("Chưa duyệt from Outlook Android", outlookAndroidVi, "Chưa duyệt, em gọi anh", Revise),
		c("Không duyệt from a Samsung", samsungMail, "Không duyệt", Revise),
		c("change request with a Gmail signature", gmailSigned, "Bổ sung số liệu xuất khẩu của KCN Yên Bình.", Revise).
			withComment("Bổ sung số liệu xuất khẩu của KCN Yên Bình."),
		c("Duyệt. Ngừng (a capitalised word that is no name)", iPhone, "Duyệt. Ngừng", Revise),
		c("own sentence mentioning trả lời thư này is kept", gmailWeb,
			"Duyệt phần 1.\nEm trả lời thư này hộ anh là chưa đồng ý phần 2", Revise),
		c("Không đồng ý from AOL", aolWeb, "Không đồng ý", Revise),
		c("Chưa duyệt from Yahoo Android", yahooAndroid, "Chưa duyệt", Revise),
		c("signed revise keeps the request, drops the signature", outlookVi,
			"Duyệt nhưng sửa lại mục 2.\n\nTrân trọng,\nNguyễn Văn Hùng\nTrưởng Ban", Revise).
			withComment("Duyệt nhưng sửa lại mục 2."),
		{name: "inline comment between quoted lines (Thunderbird)", client: thunderbird.name, want: Revise,
			plain: "Duyệt.\n\nOn 20/11/2026 09:12, " + requestFrom + " wrote:\n> Kính gửi đồng chí Trưởng Ban,\n>\n" +
				"> Phòng Kế hoạch tổng hợp trình bản tổng hợp Báo cáo tháng 11/2026.\n\nSửa số lao động của KCN Sông Công II.\n\n" +
				"> Đơn vị chưa nộp: không có.\n> Trả lời thư này: Duyệt / Đồng ý để duyệt; hoặc ghi ý kiến cần sửa.\n"},
		{name: "plain approves but HTML asks for a change", client: gmailWeb.name, want: Revise, bodiesDiffer: true,
			plain: "Duyệt\n\nOn Fri, Nov 20, 2026 at 9:12 AM X <x@y.vn> wrote:\n> Trình duyệt\n",
			html:  `<div dir="ltr">Duyệt nhưng sửa mục 2</div><div class="gmail_quote">On Fri… wrote:<blockquote>Trình duyệt</blockquote></div>`},
		{name: "Outlook for Mac: plain without markers, HTML with blockquote", client: "Outlook for Mac", want: Revise,
			plain: "Chưa duyệt, bổ sung số liệu.\n\n" + requestText + "\n",
			html: `<html><body><div>Chưa duyệt, bổ sung số liệu.</div><div><br></div><div id="mail-editor-reference-message-container">` +
				`<div class="ms-outlook-mobile-reference-message"><b>From: </b>Phòng Kế hoạch tổng hợp<br><b>Date: </b>Friday, 20 November 2026 at 09:12<br></div>` +
				`<blockquote>Trả lời thư này: Duyệt / Đồng ý để duyệt</blockquote></div></body></html>`},
		// A failed strip leaks the request into the person's text; its own
		// words ("2 điểm cần lưu ý") then read as a change request, never as
		// an approval, and the clerk sees the whole text in Comment.
		{name: "failed strip: plain without any quote marker", client: "Outlook desktop", want: Revise,
			plain: "Đã xem\n\n" + requestText + "\n"},
	}
}
