package approve

import (
	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/office"
	replyreader "github.com/tonghop/tonghop/reply"
)

// readReply reads a leader's reply to the request of a step of kind (approval.StepApprove,
// StepComment or StepInitial) about ref's draft, with what the request was about: a reply that
// names the same period or version confirms it; one naming another is unclear. For a comment
// round an approval reading is an agreement and a revise reading a comment (approval/doc.go).
func readReply(plain, html, kind string, ref Ref) replyreader.Result {
	kinds := map[string]replyreader.Kind{approval.StepComment: replyreader.KindComment, approval.StepInitial: replyreader.KindInitial}
	k, ok := kinds[kind]
	if !ok {
		k = replyreader.KindApprove
	}
	return replyreader.ReadRequest(plain, html, office.ReplyRequest(k, ref.Form.Code, ref.Period, ref.Version))
}

// waitingKind is the kind of the step st waits for under c; StepApprove when none waits (the
// reply is then not counted whatever it says).
func waitingKind(st approval.State, c approval.Chain) string {
	if st.Status != approval.Reviewing || st.Step < 0 || st.Step >= len(c.Steps) || c.Steps[st.Step].Kind == "" {
		return approval.StepApprove
	}
	return c.Steps[st.Step].Kind
}
