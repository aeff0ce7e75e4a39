package letters

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSafeText(t *testing.T) {
	long := strings.Repeat("Báo cáo ", 40)
	tests := []struct {
		name, in, want string
	}{
		{name: "Plain", in: "Báo cáo tháng 11", want: "Báo cáo tháng 11"},
		{name: "RightToLeftOverride", in: "bao-cao\u202Excod.exe", want: "bao-caoxcod.exe"},
		{name: "EveryBidiControl", in: "a\u202A\u202B\u202C\u202D\u202Eb\u2066\u2067\u2068\u2069c\u200E\u200F\u061Cd\uFEFF",
			want: "abcd"},
		{name: "C0Controls", in: "Báo\x00cáo\x07tháng\x1b11", want: "Báo cáo tháng 11"},
		{name: "C1Controls", in: "a\u0085b\u009Bc\x7Fd", want: "a b c d"},
		{name: "LinesAndTabs", in: "  Re:\r\n\tBáo   cáo\n", want: "Re: Báo cáo"},
		{name: "LineSeparator", in: "a\u2028b\u2029c", want: "a b c"},
		{name: "NFC", in: "Ba\u0301o ca\u0301o", want: "Báo cáo"},
		{name: "InvalidUTF8", in: "a\xffb", want: "a\uFFFDb"},
		{name: "Exactly150", in: strings.Repeat("x", 150), want: strings.Repeat("x", 150)},
		{name: "Cut151", in: strings.Repeat("x", 151), want: strings.Repeat("x", 149) + "…"},
		{name: "CutVietnamese", in: long, want: strings.TrimSpace(string([]rune(long)[:149])) + "…"},
		{name: "CutBeforeCombiningMark", in: strings.Repeat("x", 148) + "q\u0301\u0323yyy", want: strings.Repeat("x", 148) + "…"},
		{name: "OnlyHidden", in: "\u202E\u200F\x00", want: ""},
		{name: "CutNotCountingRemoved", in: strings.Repeat("\u202E", 200) + "ngắn", want: "ngắn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeText(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSafeLines(t *testing.T) {
	got := SafeLines("dòng\u202E 1\n\n  dòng 2\t\x00\n"+strings.Repeat("y", 50)+"\nthừa", 3, 20)
	want := []string{"dòng 1", "", "dòng 2", "…"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := SafeLines(strings.Repeat("y", 50), 3, 20); got[0] != strings.Repeat("y", 19)+"…" {
		t.Errorf("long line: got %q, want it cut at 20 characters", got[0])
	}
}

// hostile is outside text a sender controls: a subject, a file name, a display name.
const hostile = "Báo cáo\u202Egpj.exe\u2066\r\nBcc: x@y\x00\u0085"

// TestLetters_QuoteOutsideTextSafely: every letter that quotes a sender's subject, file name,
// address or display name quotes it through SafeText.
func TestLetters_QuoteOutsideTextSafely(t *testing.T) {
	long := strings.Repeat("Đề nghị xem xét ", 30)
	n := Notice{Office: sampleOffice, From: "ai\u202E@gmail.com", FromName: hostile, Subject: hostile + long,
		ReceivedAt: at(17, 9, 15), Files: []string{hostile + ".xlsx"}, Excerpt: hostile + "\n" + long, Folder: "Quarantine"}
	unit := n
	unit.Reason, unit.Unit = NoticeUnitMessage, sampleUnit
	rejection := Rejection{Office: sampleOffice, Unit: sampleUnit, Reason: RejectInvalid, OriginalSubject: hostile + long,
		Files: []string{hostile + ".xlsx"}, Problems: append(NoWorkbookProblems([]AttachedFile{{Name: hostile + ".zip", Kind: "zip"}}),
			ProblemEncrypted(hostile, hostile+".zip"), ProblemTooLarge(hostile, 40<<20), ProblemBadPeriod("BM.04.01/KH"))}
	rejection.Problems[0].Message = InFile(hostile+long, rejection.Problems[0].Message)
	for name, l := range map[string]Letter{
		"NoticeUnknownSender": NoticeLetter(n),
		"NoticeUnitMessage":   NoticeLetter(unit),
		"Rejection":           RejectionLetter(rejection),
		"Receipt":             ReceiptLetter(Receipt{Office: sampleOffice, Unit: sampleUnit, Files: []string{hostile + long}}),
		"RefusedReply":        RefusedReplyLetter(sampleOffice, "x\u202E@y", hostile+long, "không được xác thực"),
		"Revision":            RevisionLetter(Draft{Office: sampleOffice, Version: 2}, Person{Name: "A"}, hostile, hostile+".xlsx"),
		"Issue": IssueLetter(Draft{Office: sampleOffice, Version: 2},
			[]Decided{{Person: Person{Name: "A"}, At: at(17, 9, 0), Version: 2, MessageID: hostile}}),
	} {
		t.Run(name, func(t *testing.T) {
			for _, text := range []string{l.Subject, l.Body} {
				for _, r := range text {
					if isBidiControl(r) || r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F {
						t.Fatalf("got %U in\n%s", r, text)
					}
				}
				for _, q := range strings.Split(text, "“")[1:] {
					quote, _, _ := strings.Cut(q, "”")
					if n := utf8.RuneCountInString(quote); n > MaxQuoted {
						t.Errorf("got a quotation of %d characters, want at most %d: %q", n, MaxQuoted, quote)
					}
				}
			}
			if strings.Contains(l.Body, "\nBcc:") || strings.Contains(l.Subject, "\n") {
				t.Errorf("a sender's line break survived:\n%s", l.Body)
			}
		})
	}
}

// FuzzSafeText: whatever a sender writes, SafeText returns valid NFC on one line, without
// hidden characters, at most MaxQuoted characters, and cleaning it again changes nothing.
func FuzzSafeText(f *testing.F) {
	for _, s := range []string{hostile, "Báo cáo tháng 11", strings.Repeat("ế", 200), "a\u0301\u0323", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := SafeText(in)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("SafeText(%q) = %q: want valid NFC", in, got)
		}
		if n := utf8.RuneCountInString(got); n > MaxQuoted {
			t.Fatalf("SafeText(%q) has %d characters, want at most %d", in, n, MaxQuoted)
		}
		for _, r := range got {
			if isBidiControl(r) || r < 0x20 || r >= 0x7F && r <= 0x9F || r == '\u2028' || r == '\u2029' {
				t.Fatalf("SafeText(%q) = %q keeps %U", in, got, r)
			}
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("SafeText(%q) = %q: want whitespace collapsed and trimmed", in, got)
		}
		if again := SafeText(got); again != got {
			t.Fatalf("SafeText not idempotent: %q, then %q", got, again)
		}
	})
}
