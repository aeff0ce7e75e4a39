package reply

import "testing"

// TestRead_WhitelistEdges pins the edges of the approval whitelist: names pass only in a
// greeting or a short sign-off, a question in any script is a question, an approval word must
// carry its own diacritics, a negated positive word is a refusal, and a deferral is named as
// one.
func TestRead_WhitelistEdges(t *testing.T) {
	tests := []struct {
		name, text string
		want       Decision
		reason     string // "" when any reason will do
	}{
		{"SignOff", "Duyệt. Tuấn", Approve, ""},
		{"Greeting", "Chào anh Minh. Duyệt", Approve, ""},
		{"NamesNotGreetingNotLast", "Minh Tuấn. Duyệt", Unclear, ""},
		{"FiveNamesInGreeting", "Chào Nguyễn Văn Minh Tuấn Hải. Duyệt", Unclear, ""},
		{"LongLastClause", "Duyệt. Nguyễn Văn Minh Tuấn", Unclear, ""},
		{"FullWidthQuestion", "Duyệt？", Unclear, reasonQuestion},
		{"InvertedQuestion", "¿Duyệt", Unclear, reasonQuestion},
		{"OtherDiacriticsDong", "Đông ý", Unclear, ""},
		{"OtherDiacriticsDuoc", "Dược", Unclear, ""},
		{"OtherDiacriticsDuyet", "Duyết", Unclear, ""},
		{"NegatedPositive", "Không ổn", Revise, reasonNegated("Không", "ổn")},
		{"ApprovalThenNegatedPositive", "Duyệt. Chưa ổn", Revise, reasonNegated("Chưa", "ổn")},
		{"Deferral", "Để anh xem đã", Unclear, reasonDeferral("Để anh xem")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Read(tc.text, "")
			if got.Decision != tc.want || tc.reason != "" && got.Reason != tc.reason {
				t.Errorf("Read(%q): got %s (%s), want %s (%s)", tc.text, got.Decision, got.Reason, tc.want, tc.reason)
			}
		})
	}
}
