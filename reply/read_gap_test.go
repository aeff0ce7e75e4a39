package reply

import (
	"strings"
	"testing"
)

// TestRead_BodiesMustBothApprove: a reply whose plain body approves while its HTML body is
// unclear (a question, a deferral, nothing of the person's own) does not approve, whichever
// body is read first; the stricter reading wins and says the bodies disagree. Both bodies
// approving still approves.
func TestRead_BodiesMustBothApprove(t *testing.T) {
	quoted := func(own string) string {
		return `<div dir="ltr">` + own + `</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
			`Vào 09:00 16/11/2026, Văn phòng đã viết:</div><blockquote class="gmail_quote">Trình anh duyệt</blockquote></div>`
	}
	tests := []struct {
		name, plain, html string
		want              Decision
		disagree          bool // the reason says the two bodies differ
	}{
		{"HTMLQuestion", "Duyệt", "<div>Duyệt?</div>", Unclear, true},
		{"HTMLDeferral", "Duyệt", "<div>Để anh xem đã</div>", Unclear, true},
		{"HTMLNoDecision", "Duyệt", "<div>Cảm ơn em</div>", Unclear, true},
		{"HTMLOnlyQuote", "Duyệt", quoted(""), Unclear, false}, // the HTML is read first, and is empty
		{"HTMLQuotedDeferral", "Duyệt\n\n> Trình anh duyệt", quoted("Để anh xem đã"), Unclear, true},
		// The HTML body is read first when only it shows the quote; the plain one must agree.
		{"PlainQuestionHTMLFirst", "Duyệt?", quoted("Duyệt"), Unclear, true},
		{"PlainDeferralHTMLFirst", "Để anh xem đã", quoted("Duyệt"), Unclear, true},
		{"PlainRefusalHTMLApproves", "Không duyệt", "<div>Duyệt</div>", Revise, false},
		{"BothApprove", "Duyệt", "<div>Duyệt</div>", Approve, false},
		{"BothApproveQuoted", "Duyệt\n\n> Trình anh duyệt", quoted("Duyệt"), Approve, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Read(tc.plain, tc.html)
			if got.Decision != tc.want {
				t.Fatalf("got %s (%s), want %s", got.Decision, got.Reason, tc.want)
			}
			if d := strings.HasPrefix(got.Reason, reasonBodiesDisagree("")); d != tc.disagree {
				t.Errorf("reason %q: says the bodies disagree %v, want %v", got.Reason, d, tc.disagree)
			}
			for _, one := range [][2]string{{tc.plain, ""}, {"", tc.html}} {
				if alone := Read(one[0], one[1]).Decision; alone != Approve && got.Decision == Approve {
					t.Errorf("approved although one body alone reads %s", alone)
				}
			}
		})
	}
}
