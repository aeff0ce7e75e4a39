package letters

// documentLetters (issue 20, part D): the letters that carry the administrative document with the
// workbook — the clerks' draft notice, the request up the chain and the issue to the recipients.
func documentLetters() []entry {
	d := draftOf(2, "5b0d27aa")
	d.DocName = "VanBan_BM.02.01-KH_2026-11_v2.docx"
	issued := draftOf(3, "")
	issued.FileName, issued.DocName = "BaoCao_BM.02.01-KH_2026-11.xlsx", "VanBan_BM.02.01-KH_2026-11.docx"
	issued.To = []Person{truongBan, phoBanBinh}
	approvals := []Decided{{Person: chanhVP, At: day(19, 9, 15), Version: 3}, {Person: truongBan, At: day(20, 10, 30), Version: 3}}
	return []entry{
		{name: "document-draft-notice", letter: DraftNoticeLetter(d, PersonNames([]Person{chanhVP}))},
		{name: "document-leader-request", letter: ApprovalRequestLetter(d, chanhVP, nil, 0)},
		{name: "document-recipients-report", letter: IssueLetter(issued, approvals)},
	}
}
