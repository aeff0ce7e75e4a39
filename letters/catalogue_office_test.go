package letters

import "github.com/tonghop/tonghop/mailauth"

// The catalogue's letters of the approval cycle: to leaders, to the report's recipients, and to
// the clerks of the collecting desk.

// draftOf is the monthly report's draft n, with the units it counts and lacks.
func draftOf(n int, mac string) Draft {
	d := Draft{Office: office, Request: monthly, Period: "2026-11", Version: n, MAC: mac,
		FileName: "TongHop_BM.02.01-KH_2026-11_v" + itoa(n) + ".xlsx", Expected: len(allUnits),
		Counted: allUnits[:7], Missing: allUnits[7:]}
	if n > 1 {
		d.Changes = []string{UnitResent(qhxd, 2, 1), UnitAdded("Phòng Xúc tiến đầu tư", 1)}
	}
	return d
}

var approvedOn20 = Issued{At: day(20, 10, 30), Version: 3}

// corrected is draft 4, the correction of the report approved as draft 3.
func corrected(mac string) Draft {
	d := draftOf(4, mac)
	d.Counted, d.Missing = allUnits, nil
	d.Replaces = &Replacement{Issued: approvedOn20, Why: ReplacedBecause(truongBan, []string{"Trung tâm Dịch vụ hỗ trợ đầu tư"})}
	return d
}

func leaderLetters() []entry {
	d1, d2 := draftOf(1, "3f9a1c0e"), draftOf(2, "5b0d27aa")
	approvedByCVP := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 2}}
	return []entry{
		{name: "leader-request", letter: ApprovalRequestLetter(d1, chanhVP, nil, 0)},
		{name: "leader-request-second-step", letter: ApprovalRequestLetter(d2, truongBan, approvedByCVP, 0)},
		{name: "leader-request-replaces", letter: ApprovalRequestLetter(d2, chanhVP, nil, 1)},
		{name: "leader-request-correction", letter: ApprovalRequestLetter(corrected("0badcafe"), chanhVP, nil, 0)},
		{name: "leader-reminder", letter: ApprovalReminderLetter(d1, chanhVP, 1, day(18, 14, 5))},
		{name: "leader-reminder-third", letter: ApprovalReminderLetter(d1, chanhVP, 2, day(18, 14, 5))},
		{name: "leader-ack-approved-next", letter: AcknowledgeLetter(d2, chanhVP, true, "",
			SentOnTo(PersonNames([]Person{truongBan})))},
		{name: "leader-ack-approved-sent", letter: AcknowledgeLetter(d2, truongBan, true, "", IssuedNext)},
		{name: "leader-ack-revise", letter: AcknowledgeLetter(d2, truongBan, false,
			"Bổ sung số liệu của Trung tâm Dịch vụ hỗ trợ đầu tư.\nMục II.2 viết ngắn gọn lại.", RevisingNext)},
		{name: "leader-ask-again", letter: AskAgainLetter(d2, truongBan, "Để mai anh xem.")},
		{name: "leader-new-draft", letter: StaleLetter(d2, truongBan, 1)},
		{name: "leader-new-draft-unknown", letter: StaleLetter(d2, truongBan, 0)},
		{name: "leader-not-your-turn", letter: NotYourTurnLetter(d2, truongBan, []Person{chanhVP})},
		{name: "leader-not-your-turn-two", letter: NotYourTurnLetter(d2, truongBan,
			[]Person{chanhVP, {Title: "Phó Chánh Văn phòng", Name: "Hoàng Minh Tuấn"}})},
		{name: "leader-draft-replaced", letter: WithdrawLetter(d2, truongBan, 1)},
		{name: "leader-edited-not-taken", letter: EditedNotTakenLetter(d2, truongBan, "TongHop_sua.xlsx",
			"Tệp đã được đặt mật khẩu nên hệ thống không đọc được")},
		{name: "leader-edited-too-large", letter: EditedNotTakenLetter(d2, truongBan, "TongHop_sua.xlsx", EditedTooLarge)},
		{name: "leader-correction-received", letter: CorrectionAckLetter(correction(), truongBan)},
	}
}

func correction() Correction {
	d := draftOf(3, "")
	return Correction{Draft: d, From: truongBan, Issued: approvedOn20, Steps: PersonNames([]Person{chanhVP}),
		Words: "Số liệu chỉ tiêu 2 chưa đúng, đề nghị Văn phòng kiểm tra, sửa lại và trình lại."}
}

func recipientLetters() []entry {
	approvals := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 3}, {Person: truongBan, At: day(20, 10, 30), Version: 3}}
	issue := func(edit func(*Draft)) Letter {
		d := draftOf(3, "")
		d.FileName = "BM.02.01-KH_2026-11_BaoCao.xlsx"
		d.To = []Person{truongBan, phoBanBinh, phoBanDung}
		if edit != nil {
			edit(&d)
		}
		return IssueLetter(d, approvals)
	}
	return []entry{
		{name: "recipients-report", letter: issue(nil)},
		{name: "recipients-report-one", letter: issue(func(d *Draft) { d.To = d.To[:1] })},
		{name: "recipients-report-many", letter: issue(func(d *Draft) { d.To = append(d.To, chanhVP) })},
		{name: "recipients-report-unnamed", letter: issue(func(d *Draft) { d.ToOthers = true })},
		{name: "recipients-report-clerks", letter: issue(func(d *Draft) { d.To = nil })},
		{name: "recipients-report-unauthenticated", letter: issue(func(d *Draft) { d.Unauthenticated = true })},
		{name: "recipients-report-replacement", letter: IssueLetter(func() Draft {
			d := corrected("")
			d.To = []Person{truongBan, phoBanBinh, phoBanDung}
			return d
		}(), []Decided{{Person: chanhVP, At: day(26, 8, 40), Version: 4}, {Person: truongBan, At: day(26, 9, 0), Version: 4}})},
	}
}

func deskLetters() []entry {
	d2 := draftOf(2, "")
	twoClerks := office
	twoClerks.Clerks = []Person{clerkHa, {Title: "Văn thư", Name: "Bùi Thị Lan"}}
	at := day(17, 9, 15)
	return []entry{
		{name: "desk-draft", letter: DraftNoticeLetter(func() Draft { d := d2; d.Warnings = 2; return d }(),
			PersonNames([]Person{chanhVP}))},
		{name: "desk-draft-no-approval", letter: DraftNoticeLetter(draftOf(1, ""), "")},
		{name: "desk-draft-two-clerks", letter: DraftNoticeLetter(func() Draft { d := d2; d.Office = twoClerks; return d }(),
			PersonNames([]Person{chanhVP}))},
		{name: "desk-changes-asked", letter: RevisionLetter(d2, truongBan, "Bổ sung số liệu của Trung tâm Dịch vụ hỗ trợ đầu tư.",
			"TongHop_sua.xlsx")},
		{name: "desk-answer-unclear", letter: UnclearLetter(d2, truongBan, "Để mai anh xem.",
			"người trả lời hẹn xem hoặc chờ thêm: “Để mai anh xem”")},
		{name: "desk-reply-not-counted-chain", letter: RefusedReplyLetter(office, "ke.toan@bqlkcn.example",
			"Re: Xin ý kiến duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 (dự thảo lần 2) [TH BM.02.01/KH 2026-11 v2]", NotInChain)},
		{name: "desk-reply-not-counted-unbound", letter: RefusedReplyLetter(office, "truong.ban@bqlkcn.example",
			"Duyệt báo cáo tháng 11", NotBound)},
		{name: "desk-reply-not-counted-auth", letter: RefusedReplyLetter(office, "truong.ban@bqlkcn.example",
			"Re: Xin ý kiến duyệt", AuthFailed(authReason()))},
		{name: "desk-reply-not-counted-no-auth", letter: RefusedReplyLetter(office, "truong.ban@bqlkcn.example",
			"Re: Xin ý kiến duyệt", NoMailAuth)},
		{name: "desk-mail-unknown-sender", letter: NoticeLetter(Notice{Office: office, Reason: NoticeUnknownSender,
			From: "ai.do@gmail.com", FromName: "Đỗ Văn Ai", ReceivedAt: at, Subject: "Báo cáo tháng 11", Files: []string{"bc.xlsx"},
			Folder: "Quarantine", Excerpt: "Gửi Văn phòng báo cáo tháng 11.\nTrân trọng"})},
		{name: "desk-mail-without-report", letter: NoticeLetter(Notice{Office: office, Reason: NoticeUnitMessage,
			From: "qhxd@bqlkcn.example", Unit: qhxd, ReceivedAt: day(17, 10, 0),
			Subject: "Re: Nhắc hạn gửi: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 – hạn 18/11/2026 [BM.02.01/KH]",
			Excerpt: "Em sẽ gửi chiều nay ạ."})},
		{name: "desk-mail-unverified", letter: NoticeLetter(Notice{Office: office, Reason: NoticeUnverifiedSender,
			From: "qldn@bqlkcn.example", FromName: "QLDN", Unit: qldn, ReceivedAt: at, Subject: "Báo cáo tháng 11",
			Files: []string{monthlyFile}, Folder: "Quarantine", Why: mailauth.Reason("qldn@bqlkcn.example",
				mailauth.Verdict{Failures: []mailauth.Failure{{Method: "spf", Result: "fail", Server: "mx.bqlkcn.example"}}})})},
		{name: "desk-report-after-closing", letter: NoticeLetter(Notice{Office: office, Reason: NoticeAfterClose,
			From: "qldn@bqlkcn.example", Unit: qldn, ReceivedAt: day(25, 10, 0), Request: monthly, Version: 3})},
		{name: "desk-digest-late", letter: DigestLetter(Digest{Office: office, Day: day(23, 8, 0), Items: []DigestItem{
			{Request: monthly, Unit: qhxd, Nags: 3, Copied: phoBanDung},
			{Request: monthly, Unit: "Trung tâm Dịch vụ hỗ trợ đầu tư", Nags: 2},
			{Request: weekly, Unit: "Phòng Quản lý lao động", Nags: 3, Copied: phoBanBinh}}})},
		{name: "desk-digest-held", letter: DigestLetter(Digest{Office: office, Day: day(23, 8, 0), Held: []HeldNotices{
			{Reason: NoticeUnknownSender, Count: 95, Folder: "Quarantine"}, {Reason: NoticeUnitMessage, Count: 2, Folder: "Processed"},
			{Reason: NoticeAfterClose, Count: 1, Folder: "Processed"}, {Reason: NoticeUnverifiedSender, Count: 4, Folder: "Quarantine"},
			{Reason: NoticeRefusedReply, Count: 3, Folder: "Quarantine"}, {Reason: NoticeForwarded, Count: 12, Folder: "Processed"}}})},
		{name: "desk-stuck-mail", letter: StuckMailLetter(StuckMail{Office: office, Tries: 2, ReceivedAt: at, Size: 12<<20 + 300<<10,
			SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Folder: "Quarantine"})},
		{name: "desk-correction", letter: CorrectionLetter(correction())},
		{name: "desk-correction-figures-differ", letter: CorrectionLetter(func() Correction {
			c := correction()
			c.Differs = true
			return c
		}())},
		{name: "desk-correction-edited", letter: CorrectionLetter(func() Correction {
			c := correction()
			c.Edited = "BaoCao_sua.xlsx"
			return c
		}())},
	}
}

// forwards is a configured person's mail passed to the clerks, and every reason it is only passed.
func forwards() []entry {
	forward := func(edit func(*Forward)) Letter {
		f := Forward{Office: office, From: truongBan, Address: "truong.ban@bqlkcn.example",
			Subject:    "Re: Báo cáo đã duyệt: Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026 [TH BM.02.01/KH 2026-11 v3]",
			ReceivedAt: day(21, 8, 15), Words: "Em xem lại giúp anh số liệu Phòng Quản lý môi trường.\nCảm ơn em.",
			Files: []string{"ghi-chu.pdf"}, Why: WhyNoChangeAsked,
			About: About{Answered: AnsweredIssue, Report: monthly, Version: 3, Issued: &approvedOn20}}
		if edit != nil {
			edit(&f)
		}
		return ForwardLetter(f)
	}
	out := []entry{
		{name: "desk-forward-report", letter: forward(nil)},
		{name: "desk-forward-unverified", letter: forward(func(f *Forward) {
			f.Unverified, f.Why, f.Folder = authReason(), WhyNotAuthentic, "Quarantine"
		})},
		{name: "desk-forward-new-mail", letter: forward(func(f *Forward) {
			f.About, f.Words, f.Files, f.Why, f.Subject = About{}, "", nil, WhyNotDecision, "Lịch họp giao ban"
		})},
		{name: "desk-forward-nag-copy", letter: forward(func(f *Forward) {
			f.From, f.Address, f.Why = phoBanDung, "pho.truong.ban.2@bqlkcn.example", WhyNotDecision
			f.About = About{Answered: AnsweredUnit, Report: monthly, Unit: qhxd}
			f.Words = "Đề nghị Phòng Quy hoạch - Xây dựng gửi ngay trong sáng nay."
		})},
		{name: "desk-forward-old-draft", letter: forward(func(f *Forward) {
			f.Why, f.About = WhyOldVersion, About{Answered: AnsweredApproval, Report: monthly, Version: 2, Issued: &approvedOn20, Correcting: true}
		})},
	}
	reasons := "Lý do thư chỉ được chuyển, không được hệ thống tự xử lý, từng trường hợp:\n"
	for why := WhyNotDecision; why <= WhyUnderRevision; why++ {
		reasons += "\n" + itoa(int(why)+1) + ". " + whyLine(Forward{Office: office, From: truongBan, Why: why})
	}
	return append(out, entry{name: "desk-forward-reasons", text: reasons + "\n"})
}

func lateFiles() []entry {
	f := LateFile{Office: office, Contact: contactHa, Unit: qldn, UnitCode: "QLDN", Address: "qldn@bqlkcn.example",
		Request: monthly, Period: "2026-11", File: monthlyFile, Version: 4, ReceivedAt: day(25, 9, 0), Issued: approvedOn20, Counted: 3,
		MAC: "3f9a1c0e"}
	none := f
	none.Counted, none.Unit = 0, "Trung tâm Dịch vụ hỗ trợ đầu tư"
	return []entry{
		{name: "unit-after-approval-receipt", letter: LateFileReceiptLetter(f)},
		{name: "unit-after-approval-taken", letter: LateFileDecisionLetter(f, true)},
		{name: "unit-after-approval-left-out", letter: LateFileDecisionLetter(f, false)},
		{name: "desk-after-approval", letter: LateFileNoticeLetter(f)},
		{name: "desk-after-approval-new-unit", letter: LateFileNoticeLetter(none)},
		{name: "desk-after-approval-ask-again", letter: LateFileAskAgainLetter(f, clerkHa, "Để chị xem đã")},
		{name: "desk-after-approval-taken", letter: LateFileRecordedLetter(f, clerkHa, true)},
		{name: "desk-after-approval-left-out", letter: LateFileRecordedLetter(f, clerkHa, false)},
	}
}
