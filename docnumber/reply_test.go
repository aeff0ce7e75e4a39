package docnumber

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParseReply(t *testing.T) {
	date := time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		text   string
		seq    int
		symbol string
		date   time.Time
		err    error
	}{
		{name: "SoWithSymbol", text: "Số 125/BC-BQL", seq: 125, symbol: "BC-BQL"},
		{name: "Bare", text: "125", seq: 125},
		{name: "BareDot", text: " 125.\n", seq: 125},
		{name: "Dated", text: "số: 125/BC-BQL ngày 08/12/2026", seq: 125, symbol: "BC-BQL", date: date},
		{name: "DatedWords", text: "Số 125/BC-BQL ngày 08 tháng 12 năm 2026", seq: 125, symbol: "BC-BQL", date: date},
		{name: "Sentence", text: "Em cấp số 07/BC-BQL cho báo cáo này ạ.\nThanh Hương\nVăn thư", seq: 7, symbol: "BC-BQL"},
		{name: "Lowercase", text: "số 12/bc-bql", seq: 12, symbol: "bc-bql"},
		{name: "SoOnly", text: "Số văn bản: 42", seq: 42},
		{name: "Upper", text: "SỐ 42", seq: 42},
		{name: "QD", text: "15/QĐ-UBND", seq: 15, symbol: "QĐ-UBND"},
		{name: "DecomposedNFD", text: "So\u0302\u0301 9/BC-BQL", seq: 9, symbol: "BC-BQL"},
		{name: "SameTwice", text: "Số 125/BC-BQL.\nVâng, 125/BC-BQL", seq: 125, symbol: "BC-BQL"},
		{name: "DateOnly", text: "ngày 08/12/2026", err: ErrNoNumber},
		{name: "Nothing", text: "Chị đã nhận được, chiều chị cấp số.", err: ErrNoNumber},
		{name: "Empty", text: "", err: ErrNoNumber},
		{name: "TwoNumbers", text: "Số 125/BC-BQL hoặc 126/BC-BQL", err: ErrTwoNumbers},
		{name: "TwoSymbols", text: "125/BC-BQL, 125/TB-VP", err: ErrTwoNumbers},
		{name: "TwoBare", text: "125\n126", err: ErrTwoNumbers},
		{name: "Zero", text: "Số 0/BC-BQL", err: ErrOutOfRange},
		{name: "TooLarge", text: "Số 123456", err: ErrOutOfRange},
		{name: "Phone", text: "Có gì gọi chị 0912345678", err: ErrNoNumber},
		{name: "PastBudget", text: strings.Repeat("\n", maxReplyLines+1) + "Số 125", err: ErrNoNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ParseReply(tt.text)
			if !errors.Is(err, tt.err) {
				t.Fatalf("ParseReply(%q): got error %v, want %v", tt.text, err, tt.err)
			}
			if err != nil {
				return
			}
			if g.Sequence != tt.seq || g.Symbol != tt.symbol || !g.Date.Equal(tt.date) {
				t.Errorf("ParseReply(%q): got %d %q %v, want %d %q %v", tt.text, g.Sequence, g.Symbol, g.Date, tt.seq, tt.symbol, tt.date)
			}
		})
	}
}

// FuzzParseReply: whatever the clerk's mail says, the parser stays within its budget, and a
// number it returns is in range, with a symbol that is valid and that the text holds.
func FuzzParseReply(f *testing.F) {
	for _, s := range []string{"Số 125/BC-BQL", "125", "số: 125/BC-BQL ngày 08/12/2026", "08/12/2026", "125 126", "Số văn bản: 4",
		"15/QĐ-UBND", "0/A", "số 1/a/b-c", "ngày 31 tháng 02 năm 2026 số 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseReply(s)
		if err != nil {
			if g != (Given{}) {
				t.Fatalf("ParseReply(%q): error %v with a value %+v", s, err, g)
			}
			return
		}
		if g.Sequence < 1 || g.Sequence > MaxSequence {
			t.Fatalf("ParseReply(%q): sequence %d out of range", s, g.Sequence)
		}
		if g.Symbol != "" && (!ValidSymbol(g.Symbol) || !utf8.ValidString(g.Symbol)) {
			t.Fatalf("ParseReply(%q): symbol %q not valid", s, g.Symbol)
		}
		// Never a number the clerk did not write: its digits are in her text.
		if text := norm.NFC.String(s); !strings.Contains(text, strconv.Itoa(g.Sequence)) || !strings.Contains(text, g.Symbol) {
			t.Fatalf("ParseReply(%q): %d %q is not in the text", s, g.Sequence, g.Symbol)
		}
	})
}
