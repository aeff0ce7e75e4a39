package config

import (
	"strings"
	"testing"
)

// TestParse_MailLimits: the hourly limits on answers and notices default to a handful and are
// checked: at least one each, and no more from one sender than from all of them.
func TestParse_MailLimits(t *testing.T) {
	c, err := Parse([]byte(minimal), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := c.Mailbox
	if m.RepliesPerHour != 10 || m.NoticesPerHour != 5 || m.NoticesPerSenderPerHour != 3 {
		t.Errorf("defaults: got replies %d, notices %d, per sender %d; want 10, 5, 3",
			m.RepliesPerHour, m.NoticesPerHour, m.NoticesPerSenderPerHour)
	}
	const at = `user = "tonghop@example.vn"`
	tests := []struct {
		name, set string
		want      []string
	}{
		{"NoticesPerHourZero", "notices_per_hour = 0", []string{`mailbox.notices_per_hour: 0 is too small: use at least 1`}},
		{"PerSenderZero", "notices_per_sender_per_hour = 0", []string{`mailbox.notices_per_sender_per_hour: 0 is too small: use at least 1`}},
		{"PerSenderOverTotal", "notices_per_sender_per_hour = 6",
			[]string{`mailbox.notices_per_sender_per_hour: 6 is more than mailbox.notices_per_hour (5): use at most that`}},
		{"BothBad", "notices_per_hour = -1\nnotices_per_sender_per_hour = 2", []string{`mailbox.notices_per_hour: -1 is too small`}},
		{"RepliesZero", "replies_per_hour = 0", []string{`mailbox.replies_per_hour: 0 is too small: use at least 1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := problemsWith(t, at, at+"\n"+tt.set)
			for _, w := range tt.want {
				if !containsPrefix(problems, w) {
					t.Errorf("missing problem %q; got:\n  %s", w, strings.Join(problems, "\n  "))
				}
			}
			if len(problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n  %s", len(problems), len(tt.want), strings.Join(problems, "\n  "))
			}
		})
	}
	t.Run("Equal", func(t *testing.T) {
		src := strings.Replace(minimal, at, at+"\nnotices_per_hour = 2\nnotices_per_sender_per_hour = 2", 1)
		if _, err := Parse([]byte(src), "t.toml"); err != nil {
			t.Errorf("per sender equal to the total: got %v, want it accepted", err)
		}
	})
}
