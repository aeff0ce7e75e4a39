package reply

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// periodKinds are the Period kinds a fuzzed request picks from, with the
// unknown "" and one of no meaning.
var periodKinds = []string{"", PeriodWeek, PeriodMonth, PeriodQuarter, PeriodHalf, PeriodYear, "fortnight"}

// fuzzRequest builds a request from fuzzed fields: kind and period kind by
// index (an index past the known kinds takes form as the Kind).
func fuzzRequest(kind uint8, form string, period uint8, year, number, version int) Request {
	k := Kind(form)
	if int(kind) < len(kinds) {
		k = kinds[kind]
	}
	return Request{Kind: k, Form: form, Version: version,
		Period: Period{Kind: periodKinds[int(period)%len(periodKinds)], Year: year, Number: number}}
}

// seedRequest is the inverse of fuzzRequest for the seeds.
func seedRequest(req Request) (kind uint8, period uint8) {
	for i, k := range kinds {
		if k == req.Kind {
			kind = uint8(i)
		}
	}
	for i, p := range periodKinds {
		if p == req.Period.Kind {
			period = uint8(i)
		}
	}
	return kind, period
}

// FuzzReadRequest feeds any bytes as the two bodies and any request. Reading
// must not panic, must return one of the three decisions with a reason,
// must be deterministic; an approval must rest on written text of bounded
// size; a reply that reads as a refusal or a change request to an approval
// request is no approval for any other kind of request about the same
// period; and a reply that approves stops approving once a
// refusal, a change request or a question is added to it.
func FuzzReadRequest(f *testing.F) {
	for _, tc := range append(allCases(), requestCases()...) {
		kind, period := seedRequest(tc.req)
		f.Add(tc.plain, tc.html, kind, tc.req.Form, period, tc.req.Period.Year, tc.req.Period.Number, tc.req.Version)
	}
	f.Add("Duyệt tháng 99999999999999999999/2026", "", uint8(1), "", uint8(2), 2026, 11, 2)
	f.Add("Duyệt quý IV/", "<p>quý</p>", uint8(1), "", uint8(3), -1, 4, -5)
	f.Add("Đồng ý. Kỳ sau", "", uint8(200), "sign", uint8(9), 0, 0, 0)
	f.Fuzz(func(t *testing.T, plain, html string, kind uint8, form string, period uint8, year, number, version int) {
		req := fuzzRequest(kind, form, period, year, number, version)
		got := ReadRequest(plain, html, req)
		switch got.Decision {
		case Approve, Revise, Unclear:
		default:
			t.Fatalf("Decision: got %q, want approve, revise or unclear", got.Decision)
		}
		if got.Reason == "" || !utf8.ValidString(got.Comment) || !utf8.ValidString(got.Reason) || !utf8.ValidString(got.Written) {
			t.Fatalf("empty reason or invalid UTF-8 in result %+v", got)
		}
		if len(got.Written) > maxWritten {
			t.Fatalf("Written: got %d bytes, want at most %d", len(got.Written), maxWritten)
		}
		if again := ReadRequest(plain, html, req); again != got {
			t.Fatalf("ReadRequest is not deterministic: %+v then %+v", got, again)
		}
		if got.Decision != Approve {
			return
		}
		if strings.TrimSpace(got.Written) == "" {
			t.Fatalf("approved an empty reply: %+v", got)
		}
		approval := req
		approval.Kind = KindApprove
		if base := ReadRequest(plain, html, approval); base.Decision == Revise {
			t.Fatalf("%+v approves (%s) what an approval request reads as a refusal or change (%s)", req, got.Reason, base.Reason)
		}
		w := got.Written
		for _, edited := range []string{"Không " + w, "Chưa " + w, "ko " + w, w + " nhưng sửa lại mục 2",
			w + "\nsửa lại mục 2", w + "\nKhông duyệt", w + "?"} {
			if again := ReadRequest(edited, "", req); again.Decision == Approve {
				t.Fatalf("%q approves (%s), and so does the edited %q (%s)", w, got.Reason, edited, again.Reason)
			}
		}
	})
}
