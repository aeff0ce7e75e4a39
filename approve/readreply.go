package approve

import (
	"github.com/tonghop/tonghop/approval"
	replyreader "github.com/tonghop/tonghop/reply"
)

// readReply reads a leader's reply to the request of a step of kind (approval.StepApprove,
// StepComment or StepInitial) about ref's draft. It is the one place the approval chain calls
// the reply reader, so that the reader that takes the request into account replaces it in one
// line: reply.ReadRequest(plain, html, reply.Request{Kind: KindApprove, KindComment or
// KindInitial, Form: ref.Form.Code, Period: …, Version: ref.Version}). Until then every kind
// is read as an approval: for a comment round an approval reading is an agreement and a
// revise reading a comment (approval/doc.go), so nothing is lost.
func readReply(plain, html, kind string, ref Ref) replyreader.Result {
	_, _ = kind, ref
	return replyreader.Read(plain, html)
}

// waitingKind is the kind of the step st waits for under c; StepApprove when none waits (the
// reply is then not counted whatever it says).
func waitingKind(st approval.State, c approval.Chain) string {
	if st.Status != approval.Reviewing || st.Step < 0 || st.Step >= len(c.Steps) || c.Steps[st.Step].Kind == "" {
		return approval.StepApprove
	}
	return c.Steps[st.Step].Kind
}
