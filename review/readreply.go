package review

import (
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/reply"
)

// readReply reads a supervisor's answer about a unit's file: agreement (Approve), a comment to
// return to the unit (Revise, Comment holding their words), or neither (Unclear). The one place
// the reader is called, so that it can be given the request (reply.ReadRequest with
// reply.KindReview, or reply.KindPlan for mode approve) in one line.
func readReply(plain, html string, mode ledger.ReviewMode) reply.Result {
	_ = mode
	return reply.Read(plain, html)
}
