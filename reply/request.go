package reply

// Kind is what a mail asked of the person whose reply is read: the rules
// differ a little between an approval, a round of comments, an initial
// before signing, a supervisor's review and the approval of a plan.
type Kind string

// The kinds of request. The zero Kind is KindApprove.
const (
	// KindApprove asks a leader to approve ("duyệt") a consolidated report.
	KindApprove Kind = "approve"
	// KindComment asks for comments ("cho ý kiến"): agreeing with nothing to
	// add ("Nhất trí", "Không có ý kiến") is Approve, any substantive text is
	// a comment (Revise, the words in Comment), not a refusal.
	KindComment Kind = "comment"
	// KindInitial asks for an initial before the signer signs ("ký nháy").
	KindInitial Kind = "initial"
	// KindReview asks a unit's supervising leader whether its file may be
	// counted ("Đồng ý, gửi Văn phòng tổng hợp").
	KindReview Kind = "review"
	// KindPlan asks a supervising leader to approve a unit's plan.
	KindPlan Kind = "plan"
)

// The kinds of Period.
const (
	PeriodWeek    = "week"
	PeriodMonth   = "month"
	PeriodQuarter = "quarter"
	PeriodHalf    = "half" // Number 1: "6 tháng đầu năm", 2: "6 tháng cuối năm"
	PeriodYear    = "year" // Number unused
)

// Period is the reporting period a request is about. The zero Period is
// unknown: then a reply naming any period cannot be checked and is Unclear.
type Period struct {
	Kind         string // PeriodWeek, PeriodMonth, PeriodQuarter, PeriodHalf or PeriodYear
	Year, Number int
}

// Request is what the mail being answered asked, so that a reply naming
// the period or the version ("Duyệt báo cáo tháng 11", "Duyệt bản 2") can
// be checked against it. The zero Request is an approval request about an
// unknown period and version.
type Request struct {
	Kind    Kind
	Form    string // the form's code; carried for the caller, not read in replies
	Period  Period
	Version int // the draft's version number; 0 is unknown
}

// ReadRequest decides from the bodies of a reply to req, by the rules of
// [Read] and those of req.Kind (see the package documentation). A period or
// a version named in the reply confirms an approval only when it is req's;
// any other, or any at all when req does not say, makes the reply Unclear
// with a Reason naming it. An unknown Kind is Unclear.
func ReadRequest(plain, html string, req Request) Result {
	rd, ok := readers[req.Kind]
	if !ok {
		rd = reader{lx: lex, unknown: true}
	}
	rd.req = req
	return rd.readBodies(plain, html)
}

// reader is the reading rules for one kind of request.
type reader struct {
	lx  lexicon
	req Request
	// notes lets a sentence about later periods follow an approval
	// ("Đồng ý. Kỳ sau bổ sung biểu đồ.").
	notes bool
	// comments: "không có ý kiến" alone agrees, and substantive text
	// without a decision, or a note for later periods, is a comment
	// (Revise).
	comments bool
	// unknown: the request's kind is none of ours, so nothing is decided.
	unknown bool
}

// readers holds the rules of each kind, built once.
var readers = func() map[Kind]reader {
	approve := reader{lx: lex, notes: true}
	return map[Kind]reader{
		"":          approve,
		KindApprove: approve,
		KindComment: {lx: lex.with(kindFiller, commentFillers), comments: true},
		KindInitial: {lx: lex.with(kindApprove, initialApprovals).with(kindFiller, initialFillers), notes: true},
		KindReview:  {lx: lex.with(kindFiller, reviewFillers), notes: true},
		KindPlan:    {lx: lex.with(kindFiller, planFillers), notes: true},
	}
}()
