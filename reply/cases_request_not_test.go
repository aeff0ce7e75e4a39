package reply

// requestNotApproveCases look like the approvals of issue 19 and are none:
// refusals, conditions, someone else's approval, a note that governs no
// sentence of its own, "không cần" before the approval itself, another
// period or version, a period the request does not say.
func requestNotApproveCases() []replyCase {
	zero := Request{}
	return []replyCase{
		// formal verbs, refused or someone else's
		rq("N Không phê duyệt", outlookVi, "Không phê duyệt", month11, Revise),
		rq("N Chưa nhất trí", gmailWeb, "Chưa nhất trí", month11, Revise),
		rq("N Nhất trí nhưng sửa mục 2", owa, "Nhất trí nhưng sửa mục 2", month11, Revise),
		rq("N Chưa phê duyệt, chờ Thường trực", zimbraVi, "Chưa phê duyệt, chờ ý kiến Thường trực", month11, Revise),
		rq("N Không chấp thuận", outlookDesktop, "Không chấp thuận.", month11, Revise),
		rq("N Đồng chí Trưởng ban đã nhất trí", outlookVi, "Đồng chí Trưởng ban đã nhất trí", month11, Unclear),
		rq("N Anh Minh đã phê duyệt rồi", gmailWeb, "Anh Minh đã phê duyệt rồi", month11, Unclear),
		rq("N Mọi người đã nhất trí", iPhoneVi, "Mọi người đã nhất trí", month11, Unclear),
		rq("N Các đồng chí đã thống nhất ban hành", owa, "Các đồng chí đã thống nhất ban hành", month11, Unclear),
		rq("N Lãnh đạo Ban đã nhất trí", appleMailVi, "Lãnh đạo Ban đã nhất trí", month11, Unclear),
		rq("N Tôi sẽ phê duyệt sau", thunderbirdVi, "Tôi sẽ phê duyệt sau", month11, Unclear),
		rq("N Phê duyệt?", gmailIOS, "Phê duyệt?", month11, Unclear),
		rq("N Chấp thuận về nguyên tắc, chờ UBND", outlookVi, "Chấp thuận về nguyên tắc, chờ ý kiến UBND tỉnh", month11, Unclear),
		// casual words that are no assent
		rq("N Ừ, để anh xem", gmailAndroid, "Ừ, để anh xem", month11, Unclear),
		rq("N Ừ, đã nhận", iPhone, "Ừ, đã nhận", month11, Unclear),
		rq("N ừ em, mai anh duyệt", gmailAndroid, "ừ em, mai anh duyệt", month11, Unclear),
		rq("N Ừ, sửa lại mục 3 rồi gửi", samsungMail, "Ừ, sửa lại mục 3 rồi gửi", month11, Revise),
		rq("N Ok em, gửi Bộ", outlookMobile, "Ok em, gửi Bộ", month11, Unclear),
		rq("N Ừ nhưng chưa ban hành", yahooAndroid, "Ừ nhưng chưa ban hành", month11, Revise),
		rq("N Chưa ban hành đi", gmailWeb, "Chưa ban hành đi", month11, Revise),
		rq("N Ừ. Anh Minh ký rồi", iPhoneVi, "Ừ. Anh Minh ký rồi", month11, Unclear),
		rq("N Ừ em?", gmailIOS, "Ừ em?", month11, Unclear),
		rq("N Ừ, anh xem rồi", windowsMail, "Ừ, anh xem rồi", month11, Unclear),
		rq("N Không, làm lại đi", gmailAndroid, "Không, làm lại đi", month11, Revise),
		// later-period words that govern no note of their own
		rq("N Đồng ý, bổ sung biểu đồ", outlookVi, "Đồng ý, bổ sung biểu đồ", month11, Revise),
		rq("N Kỳ này chưa được, kỳ sau làm lại", gmailWeb, "Kỳ này chưa được, kỳ sau làm lại", month11, Revise),
		rq("N Đồng ý kỳ sau sẽ duyệt", iPhone, "Đồng ý kỳ sau sẽ duyệt", month11, Unclear),
		rq("N Kỳ sau bổ sung biểu đồ alone", owa, "Kỳ sau bổ sung biểu đồ.", month11, Revise),
		rq("N Đồng ý. Kỳ sau không duyệt nữa", zimbra, "Đồng ý. Kỳ sau không duyệt nữa", month11, Revise),
		rq("N Tháng sau gửi lại bản này", appleMail, "Duyệt. Tháng sau gửi lại bản này.", month11, Unclear),
		rq("N Lần sau, nhưng bổ sung luôn kỳ này", gmailVi, "Đồng ý. Lần sau nhưng bổ sung luôn kỳ này", month11, Revise),
		rq("N Đồng ý, kỳ sau bổ sung biểu đồ (one sentence)", outlookDesktop, "Đồng ý, kỳ sau bổ sung biểu đồ", month11, Revise),
		rq("N Đồng ý. Nhưng kỳ sau bổ sung", thunderbird, "Đồng ý. Nhưng kỳ sau bổ sung biểu đồ", month11, Revise),
		rq("N Bổ sung biểu đồ ngay kỳ sau", owa, "Đồng ý. Bổ sung biểu đồ ngay kỳ sau", month11, Revise),
		rq("N Duyệt. Kỳ sau bổ sung biểu đồ?", gmailIOS, "Duyệt. Kỳ sau bổ sung biểu đồ?", month11, Revise),
		rq("N Kỳ sau bổ sung cho cả kỳ này", iPhoneVi, "Đồng ý. Kỳ sau bổ sung biểu đồ cho cả kỳ này", month11, Revise),
		rq("N Chưa đồng ý. Kỳ sau làm lại", outlookVi, "Chưa đồng ý. Kỳ sau làm lại", month11, Revise),
		rq("N Tuần sau duyệt tiếp", gmailAndroid, "Tuần sau duyệt tiếp", month11, Unclear),
		rq("N Đồng ý. Kỳ sau duyệt tiếp", zimbraVi, "Đồng ý. Kỳ sau duyệt tiếp", month11, Unclear),
		rq("N Kỳ sau bổ sung. Đồng ý?", appleMail, "Kỳ sau bổ sung. Đồng ý?", month11, Revise),
		rq("N Kỳ sau hiện tại sửa luôn", gmailWeb, "Duyệt. Kỳ sau và hiện tại sửa luôn mục 2", month11, Revise),
		rq("N note holding a period", outlookMobile, "Duyệt. Từ kỳ sau bổ sung tháng 11", month11, Revise),
		// "không cần" before the approval, or with a refusal
		rq("N Không cần duyệt", outlookVi, "Không cần duyệt", month11, Revise),
		rq("N Không đồng ý, không cần trình lại", gmailWeb, "Không đồng ý, không cần trình lại", month11, Revise),
		rq("N Không cần họp lại alone", owa, "Không cần họp lại", month11, Unclear),
		rq("N Đồng ý nhưng cần họp lại", iPhone, "Đồng ý nhưng cần họp lại", month11, Revise),
		rq("N Đồng ý, cần họp lại", zimbra, "Đồng ý, cần họp lại", month11, Unclear),
		rq("N Chưa duyệt, không cần gửi lại", gmailAndroid, "Chưa duyệt, không cần gửi lại", month11, Revise),
		rq("N Không cần phê duyệt nữa", outlookDesktop, "Không cần phê duyệt nữa", month11, Revise),
		rq("N không cần họp lại nhưng sửa mục 2", appleMailVi, "Duyệt, không cần họp lại nhưng sửa mục 2", month11, Revise),
		// another period or version, or one the request does not say
		rq("N Duyệt báo cáo tháng 10", outlookVi, "Duyệt báo cáo tháng 10", month11, Unclear),
		rq("N Duyệt bản 1", gmailWeb, "Duyệt bản 1", month11, Unclear),
		rq("N Duyệt tháng 11 năm 2025", owa, "Duyệt tháng 11 năm 2025", month11, Unclear),
		rq("N Duyệt báo cáo tháng 11/2025", iPhoneVi, "Duyệt báo cáo tháng 11/2025", month11, Unclear),
		rq("N Duyệt T10/2026", gmailAndroid, "Duyệt T10/2026", month11, Unclear),
		rq("N Duyệt v3", iPhone, "Duyệt v3", month11, Unclear),
		rq("N Đồng ý dự thảo lần 1", zimbraVi, "Đồng ý dự thảo lần 1", month11, Unclear),
		rq("N quarter named for a month", outlookDesktop, "Duyệt báo cáo quý IV", month11, Unclear),
		rq("N year named for a month", thunderbirdVi, "Duyệt báo cáo năm 2026", month11, Unclear),
		rq("N right month, wrong version", outlookMobile, "Duyệt báo cáo tháng 11, bản 1", month11, Unclear),
		rq("N a number alone", gmailWeb, "Duyệt 11", month11, Unclear),
		rq("N tháng 13", owa, "Duyệt báo cáo tháng 13", month11, Unclear),
		rq("N Duyệt kế hoạch tuần 47", outlookVi, "Duyệt kế hoạch tuần 47", week48p, Unclear),
		rq("N Duyệt báo cáo quý III", appleMail, "Duyệt báo cáo quý III", quarter4, Unclear),
		rq("N 6 tháng cuối năm for the first half", gmailVi, "Duyệt báo cáo 6 tháng cuối năm", half1, Unclear),
		rq("N Phê duyệt kế hoạch năm 2025", outlookVi, "Phê duyệt kế hoạch năm 2025", year2026, Unclear),
		rq("N month named, request unknown", iPhoneVi, "Duyệt báo cáo tháng 11", zero, Unclear),
		rq("N version named, request unknown", gmailWeb, "Duyệt bản 2", zero, Unclear),
		rq("N Không duyệt báo cáo tháng 11", outlookDesktop, "Không duyệt báo cáo tháng 11", month11, Revise),
		rq("N tháng 11 nhưng sửa mục 2", owa, "Duyệt báo cáo tháng 11 nhưng sửa mục 2", month11, Revise),
		rq("N T11 without its year", gmailAndroid, "Duyệt T11", month11, Unclear),
		rq("N tháng 11/26", iPhone, "Duyệt tháng 11/26", month11, Unclear),
		rq("N quý IV/2025", zimbra, "Duyệt báo cáo quý IV/2025", quarter4, Unclear),
		rq("N tuần 48 of last year", outlookVi, "Duyệt kế hoạch tuần 48/2025", week48p, Unclear),
		// a comment round: a comment, a deferral, a question, nothing
		rq("N comment: Đề nghị bổ sung số liệu", outlookVi, "Đề nghị bổ sung số liệu phường Quang Trung", month11c, Revise),
		rq("N comment: nêu rõ nguồn", gmailWeb, "Số liệu xuất khẩu cần nêu rõ nguồn", month11c, Revise),
		rq("N comment: Để anh xem đã", iPhone, "Để anh xem đã", month11c, Unclear),
		rq("N comment: question", gmailIOS, "Khi nào phải góp ý?", month11c, Unclear),
		rq("N comment: empty", outlookVi, "", month11c, Unclear),
		rq("N comment: Nhất trí nhưng làm rõ mục 3", owa, "Nhất trí nhưng đề nghị làm rõ mục 3", month11c, Revise),
		rq("N comment: Chưa có ý kiến", zimbraVi, "Chưa có ý kiến", month11c, Unclear),
		rq("N comment: Mai anh góp ý", gmailAndroid, "Mai anh góp ý", month11c, Unclear),
		rq("N comment: a note is a comment", appleMailVi, "Đồng ý. Kỳ sau bổ sung biểu đồ.", month11c, Revise).
			alsoApproving(KindApprove, KindInitial, KindReview, KindPlan),
		rq("N comment: a note without change words is a comment", gmailWeb, "Duyệt. Lần sau gửi sớm hơn nhé.", month11c, Revise).
			alsoApproving(KindApprove, KindInitial, KindReview, KindPlan),
		rq("N comment: text without change words", outlookDesktop, "Số liệu thu ngân sách tăng mạnh là nhờ dự án điện gió", month11c, Revise),
		rq("N comment: Không cần họp lại", gmailWeb, "Không cần họp lại", month11c, Unclear),
		rq("N comment: Đã xem", iPhoneVi, "Đã xem", month11c, Unclear),
		rq("N comment: Mọi người không có ý kiến", owa, "Mọi người không có ý kiến", month11c, Unclear),
		rq("N comment: Tôi chưa có ý kiến", gmailWeb, "Tôi chưa có ý kiến", month11c, Unclear),
		rq("N comment: Không có ý kiến, anh Minh sẽ góp ý", zimbra, "Không có ý kiến, anh Minh sẽ góp ý", month11c, Unclear),
		rq("N comment: Không góp ý. Sửa mục 2", outlookVi, "Không góp ý. Sửa mục 2", month11c, Revise),
		// initialling: someone else's, refused, deferred
		rq("N initial: Anh Minh đã ký nháy", outlookVi, "Anh Minh đã ký nháy", month11i, Unclear),
		rq("N initial: Chưa ký nháy", gmailWeb, "Chưa ký nháy", month11i, Revise),
		rq("N initial: Không ký nháy, sửa lại", owa, "Không ký nháy, sửa lại mục 2", month11i, Revise),
		rq("N initial: Ký nháy sau", iPhone, "Ký nháy sau", month11i, Unclear),
		rq("N initial: Để anh ký nháy sau", gmailAndroid, "Để anh ký nháy sau", month11i, Unclear),
		rq("N initial: in ra để anh ký nháy", zimbra, "Em in ra để anh ký nháy", month11i, Unclear),
		rq("N initial: Đã ký nháy?", gmailIOS, "Đã ký nháy?", month11i, Unclear),
		// a supervisor's review: returned, or sent elsewhere
		rq("N review: Đồng ý, nhưng đơn vị sửa", outlookVi, "Đồng ý, nhưng đơn vị sửa lại bảng 2", month11r, Revise),
		rq("N review: Chưa đồng ý, trả lại đơn vị", gmailWeb, "Chưa đồng ý, trả lại đơn vị", month11r, Revise),
		rq("N review: Gửi Văn phòng tổng hợp alone", owa, "Gửi Văn phòng tổng hợp", month11r, Unclear),
		rq("N review: Không nộp", iPhone, "Không nộp", month11r, Unclear),
		rq("N review: Đồng ý, gửi Bộ", gmailAndroid, "Đồng ý, gửi Bộ", month11r, Unclear),
		// a plan: refused, or carried out without approval
		rq("N plan: Chưa phê duyệt kế hoạch", outlookVi, "Chưa phê duyệt kế hoạch, bổ sung nhiệm vụ", week48p, Revise),
		rq("N plan: Triển khai thực hiện alone", gmailWeb, "Triển khai thực hiện", week48p, Unclear),
		rq("N plan: Không thông qua kế hoạch", zimbraVi, "Không thông qua kế hoạch", year2026, Revise),
	}
}

// requestCases is the table of issue 19.
func requestCases() []replyCase {
	var not []replyCase
	not = append(not, requestNotApproveCases()...)
	not = append(not, requestNoteEdges()...)
	not = append(not, requestLaterEdges()...)
	not = append(not, requestIssueEdges()...)
	not = append(not, requestAssentEdges()...)
	return append(requestApproveCases(), not...)
}

// requestNoteEdges are sentences after an approval that start like a note
// and are none: they time, repeat or condition this report.
func requestNoteEdges() []replyCase {
	return []replyCase{
		rq("N Về sau mới ban hành", outlookVi, "Duyệt. Về sau mới ban hành.", month11, Unclear),
		rq("N Tuần sau ban hành", gmailWeb, "Đồng ý. Tuần sau ban hành.", month11, Unclear),
		rq("N Tuần sau họp bàn lại", owa, "Đồng ý. Tuần sau họp bàn lại.", month11, Unclear),
		rq("N Bản sau sửa mục 2", iPhoneVi, "Đồng ý. Bản sau sửa mục 2.", month11, Revise),
		rq("N Sau này bổ sung", appleMail, "Duyệt. Sau này bổ sung biểu đồ.", month11, Revise),
		rq("N Kỳ sau mai anh xem lại", zimbra, "Đồng ý; kỳ sau bổ sung biểu đồ, mai anh xem lại", month11, Revise),
		rq("N Đồng chí đã nhất trí", outlookDesktop, "Đồng chí đã nhất trí", month11, Unclear),
		rq("N Tất cả đồng ý", gmailAndroid, "Tất cả đồng ý", month11, Unclear),
	}
}

// requestLaterEdges: "tuần sau", "tháng sau" are later periods only for a
// weekly, a monthly report; otherwise they time this one.
func requestLaterEdges() []replyCase {
	return []replyCase{
		rq("N Tuần sau gửi Bộ about a monthly report", outlookVi, "Tôi đồng ý. Tuần sau gửi Bộ.", month11, Unclear),
		rq("N Tháng sau gửi Bộ, period unknown", gmailWeb, "Đồng ý. Tháng sau gửi Bộ.", Request{}, Unclear),
		rq("N Năm sau bổ sung about a quarter", owa, "Duyệt. Năm sau bổ sung số liệu FDI.", quarter4, Revise),
	}
}

// requestIssueEdges: a "note" that speaks of issuing times this report.
func requestIssueEdges() []replyCase {
	return []replyCase{
		rq("N Lần sau ký ban hành", outlookVi, "Đồng ý. Lần sau ký ban hành.", month11, Unclear),
		rq("N Kỳ sau phát hành", gmailWeb, "Duyệt. Kỳ sau phát hành", Request{}, Unclear),
	}
}

// requestAssentEdges: sounds that are no assent.
func requestAssentEdges() []replyCase {
	return []replyCase{
		rq("N Um alone", gmailWeb, "Um", month11, Unclear),
		rq("N Ừm... (hesitation)", iPhoneVi, "Ừm...", month11, Unclear),
		rq("N Ờ, thế (I see)", gmailAndroid, "Ờ, thế", month11, Unclear),
		rq("N Uhm em", samsungMail, "Uhm em", month11, Unclear),
	}
}
