package letters

import (
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/mailauth"
)

// The catalogue's lists of the messages letters quote: the problems found in a unit's mail
// beyond a workbook's own, those of the opening-figures workbook and of past files brought in,
// the reasons a mail failed authentication, and what a draft changed.

func messageLists() []entry {
	return []entry{
		{name: "messages-unit-problems", text: list("Lỗi và lưu ý về thư, tệp của đơn vị, ngoài lỗi trong bảng tính", unitProblems())},
		{name: "messages-opening", text: list("Bảng số liệu các kỳ trước: trang hướng dẫn và lỗi", openingTexts())},
		{name: "messages-mail-check", text: list("Kết quả kiểm tra xác thực thư, như thư gửi cán bộ tổng hợp trích dẫn", mailCheck())},
		{name: "messages-approval", text: list("Các câu ngắn của quy trình duyệt", []string{
			IssuedNext, RevisingNext, SentOnTo(PersonNames([]Person{truongBan})),
			SentOnTo(PersonNames([]Person{chanhVP, {Title: "Phó Chánh Văn phòng", Name: "Hoàng Minh Tuấn"}})),
			upperFirst(NotInChain) + ".", upperFirst(NoMailAuth) + ".", upperFirst(NotBound) + ".", UnauthenticatedApprovals,
			UnitAdded(qldn, 1), UnitResent(qhxd, 2, 1), UnitDropped("Phòng Quản lý lao động"),
			ReplacedBecause(truongBan, nil), ReplacedBecause(Person{}, []string{qldn, qhxd}),
			ReplacedBecause(truongBan, []string{qldn}),
		})},
	}
}

// list numbers texts under a heading.
func list(heading string, texts []string) string {
	var b strings.Builder
	b.WriteString(heading + ":\n")
	for i, t := range texts {
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, t)
	}
	return b.String()
}

func unitProblems() []string {
	var ps []form.Problem
	ps = append(ps, NoWorkbookProblems(nil)...)
	for _, kind := range []string{"zip", "xls", "ods"} {
		ps = append(ps, NoWorkbookProblems([]AttachedFile{{Name: "bao-cao." + kind, Kind: kind}})...)
	}
	ps = append(ps,
		ProblemEncrypted("BM.02.01-KH_2026-11_QLDN.xlsx", "bao-cao.zip"),
		ProblemUnitUnknown("Đinh Thu Hà"),
		ProblemNotForPerson("Đinh Thu Hà", "QLMT", "Phòng Quản lý môi trường"),
		ProblemPeriodClosed("Tháng 11/2026"),
		ProblemTooLarge("BM.02.01-KH_2026-11_QLDN.xlsx", 33<<20),
		ProblemUnverified(), ProblemUnreadable(), ProblemInternal(),
		ProblemWrongUnit(qhxd, "QLDN", qldn),
		ProblemFormNotForUnit("BM.04.02/KH", qhxd),
		ProblemBadPeriod("BM.02.01/KH"),
		ProblemPeriodGuessed("Tháng 11/2026"),
		ProblemPeriodNotOpen("Tháng 12/2026", day(1, 0, 0).AddDate(0, 1, 8)),
	)
	texts := make([]string, len(ps))
	for i, p := range ps {
		texts[i] = p.Message
	}
	return append(texts, InFile("BM.02.01-KH_2026-11_QLDN.xlsx", cellErrors[2].Message))
}

func openingTexts() []string {
	o := Opening{Office: office.Name, FormCode: "BM.02.01/KH", FormTitle: "Báo cáo kết quả thực hiện nhiệm vụ", FormVersion: 1,
		Column: "Thực hiện kỳ báo cáo", From: "Tháng 01/2025", To: "Tháng 10/2026", Current: "Tháng 11/2026",
		Sheets: []string{"Chỉ tiêu"}}
	facts, steps := OpeningCover(o)
	var texts []string
	for _, f := range facts {
		texts = append(texts, f[0]+": "+f[1])
	}
	texts = append(texts, steps...)
	field := OpeningField("Tháng 01/2026", "1", "Số dự án thu hút mới", qldn)
	return append(texts,
		OpeningSheetTitle("Chỉ tiêu"), OpeningSheetHint(o), field,
		ProblemOpeningTag(), ProblemOpeningForm("BM.09.09/KH"), ProblemOpeningPeriod("2026-13", "BM.02.01/KH"),
		ProblemOpeningSheet("Chỉ tiêu"), ProblemOpeningHeader(), ProblemOpeningColumn("2027-01"),
		ProblemOpeningColumnTwice("Tháng 3/2026", "F"), ProblemOpeningUnit("QLXX", "BM.02.01/KH"),
		ProblemOpeningIndicator("9.9", "Chỉ tiêu"), ProblemOpeningDuplicate("QLDN", "1.1", 12), ProblemOpeningTooMany(200),
		ProblemOpeningEmpty(), ProblemOpeningNoKey(),
		ProblemOpeningSubtotal("F9", field, "15", []string{"1.1", "1.2"}, "13"),
		ProblemImportUnitUnknown(), ProblemImportPeriodUnknown(), ProblemImportPeriodDiffers("tháng 10/2026", "tháng 11/2026"),
		ProblemImportNoFigures(),
	)
}

// mailCheck is every failure of a mail's authentication, each as the clerks read it.
func mailCheck() []string {
	failures := []mailauth.Failure{
		{Method: mailauth.MethodMessage}, {Method: mailauth.MethodFrom, Result: "fail"}, {Method: mailauth.MethodFrom},
		{Method: mailauth.MethodAuthRes, Result: "none"}, {Method: mailauth.MethodAuthRes, Result: "permerror", Server: "mx.bqlkcn.example"},
		{Method: mailauth.MethodAlignment}, {Method: "dkim", Result: "temperror"},
		{Method: "dkim", Result: "temperror", Server: "mx.bqlkcn.example"}, {Method: "dmarc", Result: "fail", Server: "mx.bqlkcn.example"},
		{Method: "spf", Result: "fail", Server: "mx.bqlkcn.example"}, {Method: "compauth", Result: "fail", Server: "(unnamed)"},
		{Method: "dkim", Result: "fail", Server: "mx.bqlkcn.example"}, {Method: "dkim", Result: "none"},
		{Method: "dkim", Result: "policy"}, {Method: "dkim", Result: "fail"},
	}
	var texts []string
	for _, f := range failures {
		texts = append(texts, mailauth.Reason("qldn@bqlkcn.example", mailauth.Verdict{Failures: []mailauth.Failure{f},
			Temporary: f.Result == "temperror"}))
	}
	return append(texts, mailauth.Reason("", mailauth.Verdict{Failures: failures[:2]}))
}

// authReason is a mail check's account of a forged reply, as letters quote it.
func authReason() string {
	return mailauth.Reason("truong.ban@bqlkcn.example", mailauth.Verdict{Failures: []mailauth.Failure{
		{Method: "dmarc", Result: "fail", Server: "mx.bqlkcn.example"}, {Method: "dkim", Result: "fail", Server: "mx.bqlkcn.example"}}})
}
