package status

import (
	"testing"
	"time"
)

// Issue 19, part V: files held for the unit's supervisor.
func TestBuild_Review(t *testing.T) {
	week := Period{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline}
	held := func(version int, r Review, received time.Time) Submission {
		s := sub("PKH", version, true, received)
		s.Review = r
		return s
	}
	tests := []struct {
		name      string
		subs      []Submission
		now       time.Time
		state     State
		version   int
		review    Review
		wantLabel string
	}{
		{"Pending", []Submission{held(1, ReviewPending, at(-time.Hour))}, at(-time.Minute),
			OnTime, 0, ReviewPending, "đúng hạn, chờ ý kiến lãnh đạo phụ trách"},
		{"Agreed", []Submission{held(1, ReviewAgreed, at(-time.Hour))}, at(time.Hour),
			OnTime, 1, ReviewAgreed, "đúng hạn, đã được đồng ý"},
		{"ReturnedNothingElse", []Submission{held(1, ReviewReturned, at(-time.Hour))}, at(time.Hour),
			Missing, 0, ReviewReturned, "chưa gửi, trả lại để sửa"},
		{"ReturnedBeforeDeadline", []Submission{held(1, ReviewReturned, at(-time.Hour))}, at(-time.Minute),
			Pending, 0, ReviewReturned, "chưa đến hạn, trả lại để sửa"},
		{"CorrectedPendingAfterAgreed", []Submission{held(1, ReviewAgreed, at(-time.Hour)), held(2, ReviewPending, at(time.Hour))},
			at(2 * time.Hour), OnTime, 1, ReviewPending, "đúng hạn, chờ ý kiến lãnh đạo phụ trách"},
		{"CorrectedAfterReturnLate", []Submission{held(1, ReviewReturned, at(-time.Hour)), held(2, ReviewAgreed, at(time.Hour))},
			at(2 * time.Hour), Late, 2, ReviewAgreed, "trễ 1g, lần 2, đã được đồng ý"},
		{"Superseded", []Submission{held(1, ReviewSuperseded, at(-2*time.Hour)), held(2, ReviewPending, at(-time.Hour))},
			at(-time.Minute), OnTime, 0, ReviewPending, "đúng hạn, chờ ý kiến lãnh đạo phụ trách"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build([]Unit{{Code: "PKH"}}, []Period{week}, tt.subs, nil, tt.now)
			c := m.Cells[0][0]
			if c.State != tt.state || c.Version != tt.version || c.Review != tt.review {
				t.Errorf("got %s v%d %q, want %s v%d %q", c.State, c.Version, c.Review, tt.state, tt.version, tt.review)
			}
			if got := c.Label(); got != tt.wantLabel {
				t.Errorf("label: got %q, want %q", got, tt.wantLabel)
			}
		})
	}
}
