package letters

// The catalogue's letters of the clerk's actions on the board (issue 22, part A).

func boardLetters() []entry {
	f := LateFile{Office: office, Contact: contactHa, Unit: qldn, UnitCode: "QLDN", Address: "qldn@bqlkcn.example",
		Request: monthly, Period: "2026-11", File: monthlyFile, Version: 4, ReceivedAt: day(25, 9, 0), Issued: approvedOn20, Counted: 3}
	extended := monthly
	extended.Deadline = day(23, 17, 0)
	withBoard := office
	withBoard.Board = "https://tonghop.bqlkcn.example"
	onBoard := f
	onBoard.Office, onBoard.MAC = withBoard, "3f9a1c0e"
	d2 := draftOf(2, "")
	d2.Office = withBoard
	c := correction()
	c.Draft.Office = withBoard
	named := office
	named.HasBoard = true
	d2named := draftOf(2, "")
	d2named.Office = named
	return []entry{
		{name: "desk-changes-asked-board-named", letter: RevisionLetter(d2named, truongBan, "Bổ sung số liệu của Trung tâm Dịch vụ hỗ trợ đầu tư.", "")},
		{name: "desk-changes-asked-board", letter: RevisionLetter(d2, truongBan, "Bổ sung số liệu của Trung tâm Dịch vụ hỗ trợ đầu tư.", "")},
		{name: "desk-correction-board", letter: CorrectionLetter(c)},
		{name: "desk-after-approval-board", letter: LateFileNoticeLetter(onBoard)},
		{name: "unit-deadline-extended", letter: ExtensionLetter(Extension{Office: office, Contact: contactHa, Unit: qhxd,
			Request: extended, Reason: "Đơn vị đề nghị gia hạn do chờ số liệu của doanh nghiệp."})},
		{name: "unit-deadline-extended-no-reason", letter: ExtensionLetter(Extension{Office: office, Unit: qhxd, Request: extended})},
		{name: "desk-after-approval-taken-on-board", letter: LateFileBoardLetter(f, clerkHa, true)},
		{name: "desk-after-approval-left-out-on-board", letter: LateFileBoardLetter(f, clerkHa, false)},
	}
}
