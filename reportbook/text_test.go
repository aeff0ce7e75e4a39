package reportbook

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

func TestSheetNamer(t *testing.T) {
	long := strings.Repeat("Phòng", 8) // 40 characters
	n := newSheetNamer(sheetSummary, sheetStatus)
	tests := []struct {
		name, want, fallback, got string
	}{
		{name: "Plain", want: "PKH", got: "PKH"},
		{name: "Forbidden", want: "P.KH/ĐT[1]:*?\\", got: "P.KH-ĐT-1-----"},
		{name: "Long", want: long, got: strings.Repeat("Phòng", 6) + "P"},
		{name: "LongAgain", want: long, got: strings.Repeat("Phòng", 5) + "Ph (2)"},
		{name: "CaseCollision", want: "pkh", got: "pkh (2)"},
		{name: "Reserved", want: "TỔNG HỢP", got: "TỔNG HỢP (2)"},
		{name: "History", want: "History", got: "History (2)"},
		{name: "Apostrophes", want: "'VP'", got: "VP"},
		{name: "Control", want: "V\x00P\tX", got: "VP X"},
		{name: "Empty", want: "  ", fallback: "Đơn vị 9", got: "Đơn vị 9"},
		{name: "NFD", want: norm.NFD.String("Phòng Tài chính"), got: "Phòng Tài chính"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := n.name(tt.want, tt.fallback)
			if got != tt.got {
				t.Errorf("got %q, want %q", got, tt.got)
			}
			if units := len(utf16.Encode([]rune(got))); units > maxSheetName {
				t.Errorf("got %d characters, want at most %d", units, maxSheetName)
			}
			f := excelize.NewFile()
			defer f.Close()
			if _, err := f.NewSheet(got); err != nil {
				t.Errorf("excelize refuses %q: %v", got, err)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ASCII", "Report 2026", "Report 2026"},
		{"Vietnamese", "Tồn tại, hạn chế", "Tồn tại, hạn chế"},
		{"NFD", norm.NFD.String("Tồn tại, hạn chế"), "Tồn tại, hạn chế"},
		{"Controls", "a\x00b\x01c\x1bd\x7fe", "abcde"},
		{"KeepTabNewline", "a\tb\nc", "a\tb\nc"},
		{"CRLF", "a\r\nb\rc", "a\nb\nc"},
		{"InvalidUTF8", "a\xffb", "a\ufffdb"},
		{"Noncharacters", "a\ufffeb\uffffc", "abc"},
		{"Astral", "a😀b", "a😀b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("Cap", func(t *testing.T) {
		for _, unit := range []string{"a", "ệ", "😀"} {
			got := cleanText(strings.Repeat(unit, maxCellChars+1))
			if n := len(utf16.Encode([]rune(got))); n > maxCellChars || n < maxCellChars-2 {
				t.Errorf("%q × %d: got %d UTF-16 units, want about %d", unit, maxCellChars, n, maxCellChars)
			}
			if !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
				t.Errorf("%q × %d: got no valid ending with …", unit, maxCellChars)
			}
		}
		if s := strings.Repeat("ệ", maxCellChars); cleanText(s) != s {
			t.Errorf("exactly the limit: got the text cut, want it whole")
		}
	})
}

func TestFormulaLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"=1+1", true}, {"+1", true}, {"-2", true}, {"@SUM(A1)", true}, {"\tx", true}, {"\rx", true},
		{"\nx", true}, {"   =A1", true}, {"", false}, {"Kế hoạch", false}, {"a=b", false}, {"1-2", false},
		{" x", false}, {"'=1", false},
	}
	for _, tt := range tests {
		if got := formulaLike(tt.in); got != tt.want {
			t.Errorf("formulaLike(%q): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestScanText_FastRanges checks what scanText takes for granted: every rune of its fast
// ranges is NFC, starts a new character and is left unchanged by NFC next to any other.
func TestScanText_FastRanges(t *testing.T) {
	var fast []rune
	for r := rune(0x20); r < 0x300; r++ {
		if r != 0x7f {
			fast = append(fast, r)
		}
	}
	for r := rune(0x1e00); r <= 0x1eff; r++ {
		fast = append(fast, r)
	}
	for _, r := range fast {
		p := norm.NFC.PropertiesString(string(r))
		if !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("U+%04X: not a starter that stays alone in NFC", r)
		}
		if !norm.NFC.IsNormalString(string(r)) {
			t.Errorf("U+%04X: not NFC", r)
		}
	}
}

func TestSplitLong(t *testing.T) {
	text := strings.Repeat("Rà soát hồ sơ dự án ", 300)
	pieces := splitLong(text, maxParagraph)
	if len(pieces) < 2 {
		t.Fatalf("got %d pieces, want several", len(pieces))
	}
	for _, p := range pieces {
		if len(p) > maxParagraph || !utf8.ValidString(p) {
			t.Errorf("piece of %d bytes (valid %v), want at most %d", len(p), utf8.ValidString(p), maxParagraph)
		}
	}
	if got := strings.TrimSpace(strings.Join(pieces, " ")); got != strings.TrimSpace(text) {
		t.Errorf("pieces joined: got %d bytes, want the text back", len(got))
	}
	unbroken := strings.Repeat("ệ", maxParagraph)
	for _, p := range splitLong(unbroken, maxParagraph) {
		if !utf8.ValidString(p) {
			t.Errorf("a text without spaces cut inside a letter")
		}
	}
}

func TestIsWhole(t *testing.T) {
	tests := []struct {
		v, scale float64
		want     bool
	}{
		{1234, 1000, true}, {1234.5, 1000, false}, {1.0004, 1000, true}, {1.0006, 1000, false},
		{-3, 1000, true}, {66.66, 10, false}, {99.96, 10, true}, {0, 10, true},
	}
	for _, tt := range tests {
		if got := isWhole(tt.v, tt.scale); got != tt.want {
			t.Errorf("isWhole(%v, %v): got %v, want %v", tt.v, tt.scale, got, tt.want)
		}
	}
}
