package reply

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestRead(t *testing.T) {
	cases := allCases()
	if len(cases) < 100 {
		t.Fatalf("table has %d cases, want at least 100", len(cases))
	}
	names := map[string]bool{}
	for _, tc := range cases {
		if names[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		names[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			got := Read(tc.plain, tc.html)
			if got.Decision != tc.want {
				t.Errorf("Read: got %s (%s), want %s\nwritten: %q\ncomment: %q",
					got.Decision, got.Reason, tc.want, got.Written, got.Comment)
			}
			if tc.comment != "" && got.Comment != tc.comment {
				t.Errorf("Comment: got %q, want %q", got.Comment, tc.comment)
			}
			if got.Reason == "" {
				t.Errorf("Reason: got empty, want an explanation")
			}
			if !norm.NFC.IsNormalString(got.Comment) || !norm.NFC.IsNormalString(got.Reason) {
				t.Errorf("Comment or Reason not NFC: %q / %q", got.Comment, got.Reason)
			}
			if got.Decision != Approve && strings.TrimSpace(got.Written) != "" && got.Comment == "" {
				t.Errorf("Comment: got empty for a %s reply with text %q", got.Decision, got.Written)
			}
		})
	}
	logCounts(t, cases)
}

// logCounts reports the table by decision and by mail program.
func logCounts(t *testing.T, cases []replyCase) {
	byDecision, byClient := map[Decision]int{}, map[string]int{}
	for _, tc := range cases {
		byDecision[tc.want]++
		byClient[tc.client]++
	}
	clients := make([]string, 0, len(byClient))
	for cl := range byClient {
		clients = append(clients, cl)
	}
	sort.Strings(clients)
	var b strings.Builder
	for _, cl := range clients {
		fmt.Fprintf(&b, "\n  %s: %d", cl, byClient[cl])
	}
	t.Logf("%d cases: approve %d, revise %d, unclear %d; by mail program:%s",
		len(cases), byDecision[Approve], byDecision[Revise], byDecision[Unclear], b.String())
}

// TestRead_NeverApprovesWrongly is the safety property of the package: no
// reply a careful reader would not approve comes out as Approve.
func TestRead_NeverApprovesWrongly(t *testing.T) {
	checked := 0
	for _, tc := range allCases() {
		if tc.want == Approve {
			continue
		}
		checked++
		if got := Read(tc.plain, tc.html); got.Decision == Approve {
			t.Errorf("%s: got approve (%s), want %s", tc.name, got.Reason, tc.want)
		}
	}
	t.Logf("%d revise/unclear cases checked, none approved", checked)
}

// TestRead_NegatedApprovalsAreNotApproved turns every approval in the table
// into a refusal or a conditional approval and checks that none of them
// reads as Approve: "Không "/"Chưa " before the approval phrase, and
// " nhưng sửa lại mục 2" after it or at the end.
func TestRead_NegatedApprovalsAreNotApproved(t *testing.T) {
	variants := 0
	for _, tc := range approveCases() {
		res := Read(tc.plain, tc.html)
		phrase := approvalPhrase(t, res.Comment, res.Written)
		for _, edit := range []func(string) string{
			insertAt(phrase, "Không ", true), insertAt(phrase, "Chưa ", true),
			insertAt(phrase, "không ", true), insertAt(phrase, "ko ", true),
			insertAt(phrase, " nhưng sửa lại mục 2", false),
			func(w string) string { return w + " nhưng sửa lại mục 2" },
		} {
			for _, body := range mutations(tc, edit) {
				variants++
				if got := Read(body[0], body[1]); got.Decision == Approve {
					t.Errorf("%s: edited reply\nplain %q\nhtml %q\ngot approve (%s)", tc.name, body[0], body[1], got.Reason)
				}
			}
		}
	}
	t.Logf("%d edited approvals checked, none approved", variants)
}

// approvalPhrase returns the first approval phrase of an approved reply,
// as written.
func approvalPhrase(t *testing.T, comment, written string) string {
	t.Helper()
	text := comment
	if text == "" {
		text = cleanText(written)
	}
	r := read(text)
	s, ok := r.find(kindApprove)
	if !ok {
		t.Fatalf("no approval phrase in %q", text)
	}
	return r.text[r.toks[s.first].start:r.toks[s.first+s.n-1].end]
}

// insertAt returns an edit that puts extra before (or after) the first
// occurrence of phrase, in NFC or NFD.
func insertAt(phrase, extra string, before bool) func(string) string {
	return func(w string) string {
		for _, p := range []string{phrase, norm.NFD.String(phrase)} {
			if i := strings.Index(w, p); i >= 0 {
				if before {
					return w[:i] + extra + w[i:]
				}
				return w[:i+len(p)] + extra + w[i+len(p):]
			}
		}
		return ""
	}
}

// mutations applies an edit to a case: through its mail program when it
// has one (both bodies change), and also to one body at a time, which
// checks that a disagreement between the bodies never approves.
func mutations(tc replyCase, edit func(string) string) [][2]string {
	var out [][2]string
	if tc.build != nil {
		if w := edit(tc.written); w != "" {
			p, h := tc.bodies(w)
			out = append(out, [2]string{p, h})
			if tc.plain != "" && tc.html != "" {
				out = append(out, [2]string{p, tc.html}, [2]string{tc.plain, h})
			}
		}
	}
	return out
}

// TestRead_Fields checks Comment, Reason and Written on a few replies.
func TestRead_Fields(t *testing.T) {
	long := strings.Repeat("Duyệt nhé ", maxWritten/10+10)
	tests := []struct {
		name, plain, html string
		want              Result
	}{
		{"approval alone has no comment", "Duyệt.\n\n> Trình\n", "",
			Result{Approve, "", "ý kiến duyệt rõ ràng: “Duyệt”", "Duyệt."}},
		{"approval with extra words keeps them", "Duyệt, cảm ơn em\n\nSent from my iPhone\n", "",
			Result{Approve, "Duyệt, cảm ơn em", "ý kiến duyệt rõ ràng: “Duyệt”", "Duyệt, cảm ơn em"}},
		{"negation reason names both words", "ko duyệt\n", "",
			Result{Revise, "ko duyệt", "có từ phủ định “ko” trước “duyệt”", "ko duyệt"}},
		{"NFD comment comes out NFC", nfd("Chưa đồng ý") + "\n", "",
			Result{Revise, "Chưa đồng ý", "có từ phủ định “Chưa” trước “đồng ý”", nfd("Chưa đồng ý")}},
		{"empty reply", "\n\nOn Fri, Nov 20, 2026 at 9:12 AM X <x@y.vn> wrote:\n> Duyệt\n", "",
			Result{Unclear, "", reasonEmpty, ""}},
		{"no decision", "Cảm ơn em\n", "", Result{Unclear, "Cảm ơn em", reasonNoDecision, "Cảm ơn em"}},
		{"too long to read", long, "", Result{Decision: Unclear, Reason: reasonTooLong}},
		{"bodies disagree", "Duyệt\n", "<div>Duyệt nhưng sửa mục 2</div>",
			Result{Revise, "Duyệt nhưng sửa mục 2", reasonBodiesDisagree("có yêu cầu sửa: “sửa”"), "Duyệt nhưng sửa mục 2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Read(tc.plain, tc.html)
			if tc.want.Reason == reasonTooLong {
				if got.Decision != Unclear || got.Reason != reasonTooLong || len(got.Written) > maxWritten {
					t.Errorf("got %s (%s), %d bytes written; want unclear (%s), at most %d bytes",
						got.Decision, got.Reason, len(got.Written), reasonTooLong, maxWritten)
				}
				return
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestRead_EachBodyAlone reads the plain and the HTML body of every case on
// their own: each must give the expected decision too, so the HTML reader
// is checked on every mail program, not only where it breaks a tie.
func TestRead_EachBodyAlone(t *testing.T) {
	for _, tc := range allCases() {
		if tc.bodiesDiffer {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if tc.plain != "" {
				if got := Read(tc.plain, ""); got.Decision != tc.want {
					t.Errorf("plain alone: got %s (%s), want %s; written %q", got.Decision, got.Reason, tc.want, got.Written)
				}
			}
			if tc.html != "" {
				if got := Read("", tc.html); got.Decision != tc.want {
					t.Errorf("html alone: got %s (%s), want %s; written %q", got.Decision, got.Reason, tc.want, got.Written)
				}
			}
		})
	}
}
