package reply

// The requests the cases of issue 19 answer: a monthly report in its second
// draft, a week's plan, a quarter, a half-year, a year, and the other kinds
// of request about the same month.
var (
	month11  = Request{Kind: KindApprove, Form: "BM.02.01/KH", Period: Period{PeriodMonth, 2026, 11}, Version: 2}
	month11c = Request{Kind: KindComment, Form: "BM.02.01/KH", Period: Period{PeriodMonth, 2026, 11}, Version: 2}
	month11i = Request{Kind: KindInitial, Form: "BM.02.01/KH", Period: Period{PeriodMonth, 2026, 11}, Version: 2}
	month11r = Request{Kind: KindReview, Form: "BM.02.01/KH", Period: Period{PeriodMonth, 2026, 11}, Version: 1}
	week48p  = Request{Kind: KindPlan, Form: "BM.04.01/KH", Period: Period{PeriodWeek, 2026, 48}, Version: 1}
	quarter4 = Request{Kind: KindApprove, Form: "BM.03/KH", Period: Period{PeriodQuarter, 2026, 4}, Version: 1}
	half1    = Request{Kind: KindApprove, Form: "BM.05/KH", Period: Period{PeriodHalf, 2026, 1}, Version: 1}
	year2026 = Request{Kind: KindPlan, Form: "BM.06/KH", Period: Period{PeriodYear, 2026, 0}, Version: 1}
	draft3   = Request{Kind: KindApprove, Form: "BM.02.01/KH", Period: Period{PeriodMonth, 2026, 11}, Version: 3}
)

// rq builds a case answering req.
func rq(name string, cl client, written string, req Request, want Decision) replyCase {
	rc := c(name, cl, written, want)
	rc.req = req
	return rc
}

// alsoApproving marks the kinds under which a non-approval rightly approves.
func (rc replyCase) alsoApproving(kinds ...Kind) replyCase {
	rc.alsoApproves = kinds
	return rc
}

// requestApproveCases are the replies of issue 19 that a careful secretary
// reads as approval of the request they answer.
func requestApproveCases() []replyCase {
	return append(requestLaterApprovals(), []replyCase{
		// formal approval verbs
		rq("R Phê duyệt.", outlookVi, "Phê duyệt.", month11, Approve),
		rq("R Tôi phê duyệt", owa, "Tôi phê duyệt.", month11, Approve),
		rq("R Tôi nhất trí ban hành", zimbraVi, "Tôi nhất trí ban hành.", month11, Approve),
		rq("R Đồng ý phê duyệt", gmailWeb, "Đồng ý phê duyệt.", month11, Approve),
		rq("R Nhất trí thông qua", appleMailVi, "Nhất trí thông qua", month11, Approve),
		rq("R Chấp thuận", outlookDesktop, "Chấp thuận.", month11, Approve),
		rq("R Đồng ý chấp thuận ban hành", iPhoneVi, "Đồng ý chấp thuận ban hành", month11, Approve),
		rq("R Phê duyệt như tờ trình", outlookVi, "Phê duyệt như tờ trình.", month11, Approve),
		rq("R Đồng ý ký ban hành", gmailVi, "Đồng ý ký ban hành", month11, Approve),
		rq("R Tôi đồng ý với nội dung báo cáo, cho ban hành", thunderbirdVi,
			"Tôi đồng ý với nội dung báo cáo, cho ban hành.", month11, Approve),
		// casual assent
		rq("R ừ em", gmailAndroid, "ừ em", month11, Approve),
		rq("R Ừ, gửi đi em", iPhoneVi, "Ừ, gửi đi em", month11, Approve),
		rq("R ok em, gửi đi", gmailIOS, "ok em, gửi đi", month11, Approve),
		rq("R được rồi, ban hành đi", samsungMail, "được rồi, ban hành đi", month11, Approve),
		rq("R Ừ ok", gmailAndroid, "Ừ ok", month11, Approve),
		rq("R Ờ, được", iPhone, "Ờ, được", month11, Approve),
		rq("R Ban hành đi em", outlookMobile, "Ban hành đi em", month11, Approve),
		rq("R uh, cho ban hành", gmailAndroid, "uh, cho ban hành", month11, Approve),
		rq("R Ừ ừ, gửi đi", iPhone, "Ừ ừ, gửi đi", month11, Approve),
		rq("R Oke, phát hành đi nhé", yahooAndroid, "Oke, phát hành đi nhé", month11, Approve),
		rq("R Ừ, anh đồng ý", windowsMail, "Ừ, anh đồng ý", month11, Approve),
		// an approval followed by a note for later periods
		rq("R Đồng ý. Kỳ sau bổ sung biểu đồ.", outlookVi, "Đồng ý. Kỳ sau bổ sung biểu đồ.", month11, Approve).
			withComment("Đồng ý. Kỳ sau bổ sung biểu đồ."),
		rq("R Duyệt. Lần sau gửi sớm hơn nhé.", gmailWeb, "Duyệt. Lần sau gửi sớm hơn nhé.", month11, Approve),
		rq("R note on its own line", outlookDesktop, "Đồng ý ban hành.\nTháng sau bổ sung số liệu xuất khẩu.", month11, Approve),
		rq("R Từ kỳ sau đưa thêm phần so sánh", zimbra, "Duyệt. Từ kỳ sau đưa thêm phần so sánh cùng kỳ.", month11, Approve),
		rq("R Các kỳ tới chú ý gửi đúng hạn", appleMail, "Nhất trí. Các kỳ tới chú ý gửi đúng hạn.", month11, Approve),
		rq("R Quý sau làm rõ nguyên nhân", owa, "Ok. Quý sau làm rõ hơn phần nguyên nhân.", quarter4, Approve),
		rq("R Lần sau rà soát chính tả", iPhone, "Duyệt nhé. Lần sau em rà soát kỹ chính tả.", month11, Approve),
		rq("R note after a semicolon", thunderbird, "Đồng ý; kỳ sau bổ sung biểu đồ", month11, Approve),
		rq("R note before the approval", gmailWeb, "Kỳ sau nhớ bổ sung biểu đồ. Đồng ý ban hành.", month11, Approve),
		rq("R Các kỳ sau gửi kèm bản word", outlookMobile, "Thống nhất ban hành.\nCác kỳ sau gửi kèm bản word.", month11, Approve),
		// something not needed
		rq("R Đồng ý, không cần họp lại", outlookVi, "Đồng ý, không cần họp lại", month11, Approve),
		rq("R Duyệt, không cần trình lại", gmailWeb, "Duyệt, không cần trình lại", month11, Approve),
		rq("R không cần xin ý kiến thêm", owa, "Đồng ý ban hành, không cần xin ý kiến thêm.", month11, Approve),
		rq("R Nhất trí, không cần gửi lại", iPhoneVi, "Nhất trí, không cần gửi lại", month11, Approve),
		rq("R Ok em, khỏi trình lại", gmailAndroid, "Ok em, khỏi trình lại", month11, Approve),
		rq("R Đồng ý, không cần họp thêm", zimbraVi, "Đồng ý, không cần họp thêm", month11, Approve),
		// the period or version approved, matching the request
		rq("R Duyệt báo cáo tháng 11", outlookDesktop, "Duyệt báo cáo tháng 11", month11, Approve),
		rq("R Duyệt báo cáo tháng 11/2026", outlookVi, "Duyệt báo cáo tháng 11/2026", month11, Approve),
		rq("R Đồng ý ban hành báo cáo T11/2026", gmailWeb, "Đồng ý ban hành báo cáo T11/2026", month11, Approve),
		rq("R Duyệt bản 2", iPhone, "Duyệt bản 2", month11, Approve),
		rq("R Đồng ý dự thảo lần 2", appleMail, "Đồng ý dự thảo lần 2", month11, Approve),
		rq("R Duyệt v2", gmailAndroid, "Duyệt v2", month11, Approve),
		rq("R tháng 11 năm 2026", owa, "Phê duyệt báo cáo tháng 11 năm 2026", month11, Approve),
		rq("R Đồng ý phiên bản 2", thunderbirdVi, "Đồng ý phiên bản 2", month11, Approve),
		rq("R Duyệt báo cáo tháng 11, bản 2", outlookMobile, "Duyệt báo cáo tháng 11, bản 2", month11, Approve),
		rq("R duyet bao cao thang 11 without diacritics", gmailAndroid, "duyet bao cao thang 11", month11, Approve),
		rq("R Duyệt kế hoạch tuần 48", outlookVi, "Duyệt kế hoạch tuần 48", week48p, Approve),
		rq("R Phê duyệt kế hoạch tuần thứ 48", zimbraVi, "Phê duyệt kế hoạch tuần thứ 48", week48p, Approve),
		rq("R báo cáo quý IV", owa, "Thống nhất ban hành báo cáo quý IV", quarter4, Approve),
		rq("R Duyệt báo cáo quý 4/2026", gmailWeb, "Duyệt báo cáo quý 4/2026", quarter4, Approve),
		rq("R Đồng ý báo cáo quý IV/2026", iPhoneVi, "Đồng ý báo cáo quý IV/2026", quarter4, Approve),
		rq("R 6 tháng đầu năm 2026", outlookDesktop, "Duyệt báo cáo 6 tháng đầu năm 2026", half1, Approve),
		rq("R 6 tháng đầu năm", appleMailVi, "Đồng ý ban hành báo cáo 6 tháng đầu năm", half1, Approve),
		rq("R Phê duyệt kế hoạch năm 2026", outlookVi, "Phê duyệt kế hoạch năm 2026", year2026, Approve),
		rq("R Đồng ý dự thảo lần 3", gmailVi, "Đồng ý dự thảo lần 3", draft3, Approve),
		// a comment round: agreeing with nothing to add
		rq("R comment: Nhất trí", outlookVi, "Nhất trí", month11c, Approve),
		rq("R comment: Không có ý kiến", gmailWeb, "Không có ý kiến", month11c, Approve),
		rq("R comment: Thống nhất với dự thảo", owa, "Thống nhất với dự thảo.", month11c, Approve),
		rq("R comment: Tôi không có ý kiến gì thêm", zimbraVi, "Tôi không có ý kiến gì thêm.", month11c, Approve),
		rq("R comment: Đã xem, không có ý kiến khác", iPhoneVi, "Đã xem, không có ý kiến khác", month11c, Approve),
		rq("R comment: Nhất trí với nội dung dự thảo", appleMailVi, "Nhất trí với nội dung dự thảo", month11c, Approve),
		rq("R comment: Không góp ý", gmailAndroid, "Không góp ý gì thêm em nhé", month11c, Approve),
		// initialling before signing
		rq("R initial: Đã ký nháy", outlookVi, "Đã ký nháy", month11i, Approve),
		rq("R initial: ký nháy", gmailAndroid, "ký nháy", month11i, Approve),
		rq("R initial: trình đồng chí Chủ tịch ký", owa, "Đồng ý, trình đồng chí Chủ tịch ký", month11i, Approve),
		rq("R initial: Đã ký nháy, trình Chủ tịch ký", zimbra, "Đã ký nháy, trình Chủ tịch ký.", month11i, Approve),
		rq("R initial: Đồng ý, trình ký", iPhone, "Đồng ý, trình ký", month11i, Approve),
		// a supervisor's review of a unit's file
		rq("R review: Đồng ý", outlookVi, "Đồng ý", month11r, Approve),
		rq("R review: gửi Văn phòng tổng hợp", gmailWeb, "Đồng ý, gửi Văn phòng tổng hợp", month11r, Approve),
		rq("R review: Nhất trí nội dung", owa, "Nhất trí nội dung.", month11r, Approve),
		rq("R review: chuyển phòng Kế hoạch tổng hợp", iPhoneVi, "Ok, chuyển phòng Kế hoạch tổng hợp", month11r, Approve),
		rq("R review: Đồng ý, cho nộp", gmailAndroid, "Đồng ý, cho nộp", month11r, Approve),
		// approval of a unit's plan
		rq("R plan: Phê duyệt kế hoạch", outlookVi, "Phê duyệt kế hoạch.", week48p, Approve),
		rq("R plan: Đồng ý, triển khai thực hiện", gmailWeb, "Đồng ý, triển khai thực hiện", week48p, Approve),
		rq("R plan: Thông qua kế hoạch, tổ chức thực hiện", zimbraVi, "Thông qua kế hoạch, tổ chức thực hiện.", year2026, Approve),
	}...)
}

// requestLaterApprovals: a later-period marker that matches the request's
// period, and the version phrases with "số" and "thứ".
func requestLaterApprovals() []replyCase {
	return []replyCase{
		rq("R Tuần sau for a weekly plan", gmailWeb, "Đồng ý. Tuần sau bổ sung nhiệm vụ của phòng Đầu tư.", week48p, Approve),
		rq("R Năm sau for a yearly plan", outlookVi, "Phê duyệt. Năm sau xây dựng kế hoạch sớm hơn.", year2026, Approve),
		rq("R Đợt sau", iPhoneVi, "Nhất trí. Đợt sau gửi kèm biểu đồ.", Request{}, Approve),
		rq("R Phê duyệt phiên bản số 2", owa, "Phê duyệt phiên bản số 2", month11, Approve),
		rq("R Duyệt lần thứ 2", gmailAndroid, "Duyệt lần thứ 2", month11, Approve),
		rq("R Cho phép ban hành", zimbraVi, "Cho phép ban hành.", month11, Approve),
	}
}
