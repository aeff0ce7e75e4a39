package approve

import "github.com/tonghop/tonghop/intake"

// ownSpreadsheets returns the workbooks a leader attached to the reply: not those inside a
// message the leader forwarded (a unit's mail, a colleague's answer), which are not the
// leader's edit of the draft.
func ownSpreadsheets(msg *intake.Message) []intake.Attachment {
	var out []intake.Attachment
	for _, a := range msg.Spreadsheets() {
		if !a.Forwarded {
			out = append(out, a)
		}
	}
	return out
}
