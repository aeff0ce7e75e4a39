package review

import (
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reply"
)

// readReply reads a supervisor's answer about the unit's file r: agreement (Approve), a comment
// to return to the unit (Revise, Comment holding their words), or neither (Unclear). The reader
// is given the request — a view on the file, or the approval of the unit's plan for mode
// approve — with its form, period and version, so that "Đồng ý báo cáo tháng 11" confirms the
// request about November and one naming another period is unclear.
func readReply(plain, html string, r ledger.Review) reply.Result {
	kind := reply.KindReview
	if r.Mode == ledger.ReviewApprove {
		kind = reply.KindPlan
	}
	s := r.Submission
	p, err := period.Parse(s.Period)
	if err != nil { // a period the ledger holds always parses; unknown only makes naming one unclear
		p = period.Period{}
	}
	return reply.ReadRequest(plain, html, office.ReplyRequest(kind, s.Form, p, s.Version))
}
