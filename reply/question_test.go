package reply

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// takeIn is the question the Planning Office answers about a file received after the issue.
var takeIn = Question{Yes: []string{"đưa|tính vào", "đưa|tính bản này vào", "đưa|tính vào báo cáo điều chỉnh",
	"đưa|tính bản này vào báo cáo điều chỉnh"}}

func TestReadAnswer(t *testing.T) {
	tests := []struct {
		text string
		want Decision
	}{
		{"Đồng ý đưa vào", Approve},
		{"Đồng ý đưa vào.", Approve},
		{"Đưa vào", Approve},
		{"dua vao nhe", Approve},
		{"Đồng ý đưa bản này vào báo cáo điều chỉnh. Cảm ơn.", Approve},
		{"Đồng ý", Approve},
		{"Không đưa vào", Revise},
		{"Không đưa vào báo cáo điều chỉnh", Revise},
		{"Chưa đưa vào", Revise},
		{"Không đồng ý", Revise},
		{"Không", Unclear},
		{"Đưa vào sau nhé", Unclear},
		{"Đưa vào không?", Unclear},
		{"Để chị xem", Unclear},
		{"Đưa vào phần phụ lục", Unclear},
		{"", Unclear},
	}
	for _, tt := range tests {
		if got := ReadAnswer(tt.text, "", takeIn); got.Decision != tt.want {
			t.Errorf("ReadAnswer(%q) = %s (%s), want %s", tt.text, got.Decision, got.Reason, tt.want)
		}
	}
}

// The question's phrases never leak into the reading of an approval request, and the
// question's own reading keeps every refusal of the whitelist.
func TestReadAnswer_LeavesReadAlone(t *testing.T) {
	for _, text := range []string{"Đưa vào", "Đồng ý đưa vào"} {
		if got := Read(text, ""); got.Decision == Approve {
			t.Errorf("Read(%q) = approve after a question was read; the approval reader must not know its phrases", text)
		}
	}
	_ = ReadAnswer("Đưa vào", "", takeIn)
	if got := Read("Đưa vào", ""); got.Decision == Approve {
		t.Error("Read approves “Đưa vào” once a question was asked")
	}
	for _, text := range []string{"Từ chối", "Đưa vào nhưng sửa mục 2", "Không duyệt, không đưa vào", "ko dc"} {
		if got := ReadAnswer(text, "", takeIn); got.Decision == Approve {
			t.Errorf("ReadAnswer(%q) = approve, want no approval", text)
		}
	}
}

// FuzzReadAnswer feeds any bytes as the two bodies of an answer to takeIn: reading must not
// panic, returns one of the three decisions with a reason, approves only written text, and reads
// the same bytes the same way every time.
func FuzzReadAnswer(f *testing.F) {
	for _, tc := range allCases() {
		f.Add(tc.plain, tc.html)
	}
	f.Add("Đồng ý đưa vào", "")
	f.Add("Không đưa vào\n> [TH BM.02.01/KH 2026-11 QLDN v4]", "<p>Không đưa vào</p>")
	f.Fuzz(func(t *testing.T, plain, html string) {
		got := ReadAnswer(plain, html, takeIn)
		switch got.Decision {
		case Approve, Revise, Unclear:
		default:
			t.Fatalf("Decision: got %q", got.Decision)
		}
		if got.Reason == "" || !utf8.ValidString(got.Comment) || !utf8.ValidString(got.Written) {
			t.Fatalf("result %+v: want a reason and valid UTF-8", got)
		}
		if got.Decision == Approve && strings.TrimSpace(got.Written) == "" {
			t.Fatalf("approved an empty answer: %+v", got)
		}
		if again := ReadAnswer(plain, html, takeIn); again != got {
			t.Fatalf("ReadAnswer is not deterministic: %+v then %+v", got, again)
		}
		if plain == "" && html == "" && got.Decision != Unclear {
			t.Fatalf("an empty answer read as %s", got.Decision)
		}
	})
}
