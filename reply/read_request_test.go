package reply

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// kinds are every kind of request, the zero Kind included.
var kinds = []Kind{"", KindApprove, KindComment, KindInitial, KindReview, KindPlan}

func TestReadRequest(t *testing.T) {
	cases := requestCases()
	approvals, others := len(requestApproveCases()), len(requestNotApproveCases())+len(requestNoteEdges())+len(requestLaterEdges())+len(requestIssueEdges())+len(requestAssentEdges())
	if approvals < 60 || others < approvals {
		t.Fatalf("table has %d approvals and %d non-approvals, want at least 60 and at least as many", approvals, others)
	}
	names := map[string]bool{}
	for _, tc := range append(allCases(), cases...) {
		if names[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		names[tc.name] = true
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ReadRequest(tc.plain, tc.html, tc.req)
			if got.Decision != tc.want {
				t.Errorf("ReadRequest: got %s (%s), want %s\nwritten: %q", got.Decision, got.Reason, tc.want, got.Written)
			}
			if tc.comment != "" && got.Comment != tc.comment {
				t.Errorf("Comment: got %q, want %q", got.Comment, tc.comment)
			}
			if got.Reason == "" || !norm.NFC.IsNormalString(got.Reason) || !norm.NFC.IsNormalString(got.Comment) {
				t.Errorf("Reason %q, Comment %q: want a reason, both NFC", got.Reason, got.Comment)
			}
			if got.Decision != Approve && strings.TrimSpace(got.Written) != "" && got.Comment == "" {
				t.Errorf("Comment: got empty for a %s reply with text %q", got.Decision, got.Written)
			}
			for _, one := range [][2]string{{tc.plain, ""}, {"", tc.html}} {
				if one[0]+one[1] == "" {
					continue
				}
				if alone := ReadRequest(one[0], one[1], tc.req); alone.Decision != tc.want {
					t.Errorf("one body alone: got %s (%s), want %s", alone.Decision, alone.Reason, tc.want)
				}
			}
		})
	}
	t.Logf("%d request cases: %d approvals, %d non-approvals", len(cases), approvals, others)
}

// TestReadRequest_NeverApprovesWrongly extends the safety property to every
// kind of request: no case, old or new, that is no approval reads as one,
// whatever kind of request it answers (except the kinds a case names as
// rightly approving), with its own request and with the zero one.
func TestReadRequest_NeverApprovesWrongly(t *testing.T) {
	checked, unsafe := 0, 0
	for _, tc := range append(allCases(), requestCases()...) {
		if tc.want == Approve {
			continue
		}
		for _, k := range kinds {
			if kindIn(k, tc.alsoApproves) {
				continue
			}
			for _, req := range []Request{tc.req, {}} {
				req.Kind = k
				checked++
				if got := ReadRequest(tc.plain, tc.html, req); got.Decision == Approve {
					unsafe++
					t.Errorf("%s, %+v: got approve (%s), want %s", tc.name, req, got.Reason, tc.want)
				}
			}
		}
	}
	t.Logf("%d readings of non-approvals checked, %d unsafe", checked, unsafe)
}

func kindIn(k Kind, ks []Kind) bool {
	for _, x := range ks {
		if x == k || (x == KindApprove && k == "") {
			return true
		}
	}
	return false
}

// TestReadRequest_EditedApprovalsAreNotApproved turns every new approval
// into a refusal, a conditional approval, a question or a deferral, and
// checks that none of them approves.
func TestReadRequest_EditedApprovalsAreNotApproved(t *testing.T) {
	variants := 0
	edits := []func(string) string{
		func(w string) string { return "Không " + w },
		func(w string) string { return "Chưa " + w },
		func(w string) string { return "ko " + w },
		func(w string) string { return w + " nhưng sửa lại mục 2" },
		func(w string) string { return w + "\nsửa lại mục 2" },
		func(w string) string { return w + "\nKhông duyệt" },
		func(w string) string { return w + "?" },
		func(w string) string { return w + ", mai anh xem lại" },
		func(w string) string { return "Anh Minh bảo: " + w },
	}
	for _, tc := range requestApproveCases() {
		for _, edit := range edits {
			for _, body := range mutations(tc, edit) {
				variants++
				if got := ReadRequest(body[0], body[1], tc.req); got.Decision == Approve {
					t.Errorf("%s: edited reply\nplain %q\nhtml %q\ngot approve (%s)", tc.name, body[0], body[1], got.Reason)
				}
			}
		}
	}
	t.Logf("%d edited approvals checked, none approved", variants)
}

// TestRead_IsReadRequestWithZeroRequest: Read is ReadRequest with the zero
// Request, and KindApprove is the zero Kind, on every case.
func TestRead_IsReadRequestWithZeroRequest(t *testing.T) {
	for _, tc := range append(allCases(), requestCases()...) {
		got := Read(tc.plain, tc.html)
		if zero := ReadRequest(tc.plain, tc.html, Request{}); zero != got {
			t.Errorf("%s: Read %+v, ReadRequest with the zero Request %+v", tc.name, got, zero)
		}
		req := tc.req
		if req.Kind != "" && req.Kind != KindApprove {
			continue
		}
		a, z := req, req
		a.Kind, z.Kind = KindApprove, ""
		if x, y := ReadRequest(tc.plain, tc.html, a), ReadRequest(tc.plain, tc.html, z); x != y {
			t.Errorf("%s: KindApprove %+v, zero Kind %+v", tc.name, x, y)
		}
	}
}

// TestReadRequest_Reasons checks what the clerk is told about periods,
// versions, notes and comments.
func TestReadRequest_Reasons(t *testing.T) {
	tests := []struct {
		name, text string
		req        Request
		want       Result
	}{
		{"OtherMonth", "Duyệt báo cáo tháng 10", month11, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “tháng 10”, trong khi nội dung trình duyệt là tháng 11/2026"}},
		{"OtherYear", "Duyệt tháng 11 năm 2025", month11, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “tháng 11 năm 2025”, trong khi nội dung trình duyệt là tháng 11/2026"}},
		{"OtherQuarter", "Duyệt quý III/2026", quarter4, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “quý III/2026”, trong khi nội dung trình duyệt là quý IV/2026"}},
		{"OtherHalf", "Duyệt báo cáo 6 tháng cuối năm", half1, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “6 tháng cuối năm”, trong khi nội dung trình duyệt là 6 tháng đầu năm 2026"}},
		{"OtherWeek", "Duyệt tuần 47", week48p, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “tuần 47”, trong khi nội dung trình duyệt là tuần 48 năm 2026"}},
		{"OtherVersion", "Duyệt bản 1", month11, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “bản 1”, trong khi bản trình duyệt là bản số 2"}},
		{"PeriodUnknown", "Duyệt tháng 11", Request{}, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “tháng 11” nhưng không đối chiếu được với kỳ báo cáo trình duyệt"}},
		{"VersionUnknown", "Duyệt v2", Request{}, Result{Decision: Unclear,
			Reason: "thư trả lời nêu “v2” nhưng không đối chiếu được với bản trình duyệt"}},
		{"MatchingPeriodKeepsComment", "Duyệt báo cáo tháng 11", month11, Result{Decision: Approve,
			Comment: "Duyệt báo cáo tháng 11", Reason: "ý kiến duyệt rõ ràng: “Duyệt”"}},
		{"Note", "Đồng ý. Kỳ sau bổ sung biểu đồ.", month11, Result{Decision: Approve, Comment: "Đồng ý. Kỳ sau bổ sung biểu đồ.",
			Reason: "ý kiến duyệt rõ ràng: “Đồng ý”, kèm lưu ý cho các kỳ sau: “Kỳ sau bổ sung biểu đồ”"}},
		{"Comment", "Đề nghị nêu rõ nguồn số liệu", month11c, Result{Decision: Revise,
			Comment: "Đề nghị nêu rõ nguồn số liệu", Reason: "có ý kiến góp ý: “Đề”"}},
		{"NoComment", "Không có ý kiến", month11c, Result{Decision: Approve,
			Reason: "ý kiến duyệt rõ ràng: “Không có ý kiến”"}},
		{"Others", "Mọi người đã nhất trí", month11, Result{Decision: Unclear, Comment: "Mọi người đã nhất trí",
			Reason: "“nhất trí” là ý kiến của người khác (“Mọi người”), chưa phải ý kiến của người trả lời"}},
		{"UnknownKind", "Duyệt", Request{Kind: "sign"}, Result{Decision: Unclear, Reason: reasonUnknownKind}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ReadRequest(tc.text, "", tc.req)
			got.Written = ""
			if tc.want.Decision != Approve {
				tc.want.Comment = tc.text
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestReadRequest_HugeBodies reads written texts of growing size, up to the
// 64 KiB the reader examines, of the shapes that stress the new steps (many
// notes, many periods, many approvals in one clause), and logs the time:
// it must grow linearly. There is no timed assertion.
func TestReadRequest_HugeBodies(t *testing.T) {
	shapes := []struct{ name, unit string }{
		{"notes", "Duyệt. Kỳ sau bổ sung biểu đồ. "},
		{"periods", "duyệt tháng 11/2026 bản 2 quý IV "},
		{"one clause of approvals", "Mọi người ừ duyệt đồng ý "},
		{"half-years", "6 tháng đầu năm 2026 "},
	}
	for _, shape := range shapes {
		for _, size := range []int{4 << 10, 16 << 10, 60 << 10} {
			text := strings.Repeat(shape.unit, size/len(shape.unit))
			start := time.Now()
			got := ReadRequest(text, "", month11)
			t.Logf("%-25s %3d KiB: %-8s in %v", shape.name, size>>10, got.Decision, time.Since(start))
		}
	}
}
