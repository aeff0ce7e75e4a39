package reply

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRead feeds any bytes as the two bodies. Reading must not panic, must
// return one of the three decisions with a reason, and an approval must
// rest on written text of bounded size.
func FuzzRead(f *testing.F) {
	for _, tc := range append(allCases(), requestCases()...) {
		f.Add(tc.plain, tc.html)
	}
	f.Add("Duyệt\n> "+strings.Repeat("x", 1000), "<blockquote>"+strings.Repeat("<div>", 500))
	f.Add("Từ: a\nĐã gửi: b\n", "<div id=appendonsend></div>")
	f.Add("\xff\xfe[TH", "<p>\x00</p>")
	f.Fuzz(func(t *testing.T, plain, html string) {
		got := Read(plain, html)
		switch got.Decision {
		case Approve, Revise, Unclear:
		default:
			t.Fatalf("Decision: got %q, want approve, revise or unclear", got.Decision)
		}
		if got.Reason == "" {
			t.Fatalf("Reason: got empty")
		}
		if !utf8.ValidString(got.Comment) || !utf8.ValidString(got.Reason) || !utf8.ValidString(got.Written) {
			t.Fatalf("invalid UTF-8 in result %+v", got)
		}
		if len(got.Written) > maxWritten {
			t.Fatalf("Written: got %d bytes, want at most %d", len(got.Written), maxWritten)
		}
		if got.Decision == Approve && strings.TrimSpace(got.Written) == "" {
			t.Fatalf("approved an empty reply: %+v", got)
		}
		if again := Read(plain, html); again != got {
			t.Fatalf("Read is not deterministic: %+v then %+v", got, again)
		}
	})
}

// TestRead_HugeBodies reads bodies of growing size, up to 2 MB, of the
// shapes that stress each step (long quote, no quote, one huge line, deep
// HTML), and logs the time: it must grow linearly and stay well under a
// second. There is no timed assertion; a quadratic step shows as a jump.
func TestRead_HugeBodies(t *testing.T) {
	shapes := []struct {
		name        string
		plain, html func(n int) string
	}{
		{"Gmail reply with a long quote", func(n int) string {
			return "Duyệt\n\nOn Fri, Nov 20, 2026 at 9:12 AM X <x@y.vn> wrote:\n" + strings.Repeat("> Trình duyệt báo cáo.\n", n/23)
		}, nil},
		{"no quote at all", func(n int) string { return strings.Repeat("Duyệt nhé anh\n", n/16) }, nil},
		{"one huge line", func(n int) string { return strings.Repeat("Không duyệt ", n/14) }, nil},
		{"header-like lines", func(n int) string { return strings.Repeat("Từ: a\n\n", n/9) }, nil},
		{"deeply nested HTML", nil, func(n int) string { return strings.Repeat("<div><b>Duyệt", n/14) }},
		{"HTML with a long quote", nil, func(n int) string {
			return "<div>Duyệt</div><blockquote>" + strings.Repeat("<p>Trình duyệt</p>", n/18) + "</blockquote>"
		}},
	}
	for _, shape := range shapes {
		for _, size := range []int{256 << 10, 1 << 20, 2 << 20} {
			var plain, html string
			if shape.plain != nil {
				plain = shape.plain(size)
			}
			if shape.html != nil {
				html = shape.html(size)
			}
			start := time.Now()
			got := Read(plain, html)
			t.Logf("%-30s %5d KiB: %-8s in %v", shape.name, size>>10, got.Decision, time.Since(start))
		}
	}
}

// FuzzRead_EditedApprovalNeverApproves checks the safety property on any
// text that reads as an approval: with "Không "/"Chưa " in front, or a
// change request after it, it must not read as an approval any more.
func FuzzRead_EditedApprovalNeverApproves(f *testing.F) {
	for _, tc := range append(approveCases(), requestApproveCases()...) {
		f.Add(tc.written)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		got := Read(typed, "")
		if got.Decision != Approve {
			return
		}
		w := got.Written
		for _, edited := range []string{"Không " + w, "Chưa " + w, "ko " + w, w + " nhưng sửa lại mục 2",
			w + "\nsửa lại mục 2", w + "\nKhông duyệt"} {
			if again := Read(edited, ""); again.Decision == Approve {
				t.Fatalf("%q approves (%s), and so does the edited %q (%s)", typed, got.Reason, edited, again.Reason)
			}
		}
	})
}
