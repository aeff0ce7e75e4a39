package status

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sampleMatrix has four units and two weekly periods: W46 closed with every state, W47 open.
func sampleMatrix() Matrix {
	w46 := Period{Form: "BM.04.01/KH", Period: "2026-W46", Label: "Tuần 46 (09/11 – 15/11/2026)",
		Deadline: deadline.AddDate(0, 0, -7), Closed: true}
	w47 := Period{Form: "BM.04.01/KH", Period: "2026-W47", Label: "Tuần 47 (16/11 – 22/11/2026)", Deadline: deadline}
	units := []Unit{{Code: "PKH", Name: "Phòng Kế hoạch"}, {Code: "PQLDN"}, {Code: "VP"}, {Code: "TTDV"}}
	s := func(unit, period string, version int, valid bool, received time.Time) Submission {
		return Submission{Form: "BM.04.01/KH", Unit: unit, Period: period, Version: version, Valid: valid, ReceivedAt: received}
	}
	old := w46.Deadline
	subs := []Submission{
		s("PKH", "2026-W46", 1, true, old.Add(-time.Hour)),
		s("PQLDN", "2026-W46", 1, true, old.Add(51*time.Hour+10*time.Minute)),
		s("PQLDN", "2026-W46", 2, true, old.Add(60*time.Hour)),
		s("VP", "2026-W46", 1, false, old.Add(-time.Hour)),
		s("PKH", "2026-W47", 1, true, deadline.Add(-3*time.Hour)),
		s("VP", "2026-W47", 1, true, deadline.Add(-2*time.Hour)),
		s("VP", "2026-W47", 2, true, deadline.Add(-time.Hour)),
	}
	reminders := []Reminder{{Form: "BM.04.01/KH", Unit: "TTDV", Period: "2026-W46", Kind: "nag", N: 1, SentAt: old.Add(18 * time.Hour)}}
	return Build(units, []Period{w46, w47}, subs, reminders, deadline.Add(-30*time.Minute))
}

func TestMatrix_WriteText(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleMatrix().WriteText(&buf, ict); err != nil {
		t.Fatalf("WriteText: got error %v, want nil", err)
	}
	out := buf.String()
	t.Log("\n" + out)
	if !norm.NFC.IsNormalString(out) {
		t.Errorf("output is not NFC")
	}
	wantLines := []string{
		"Tình hình gửi báo cáo — biểu mẫu BM.04.01/KH — tính đến 14:30 ngày 19/11/2026",
		"| Đơn vị | Tuần 46         | Tuần 47         |",
		"| PKH    | đúng hạn        | đúng hạn        |",
		"| PQLDN  | trễ 2n3g, lần 2 | chưa đến hạn    |",
		"| VP     | không hợp lệ    | đúng hạn, lần 2 |",
		"| TTDV   | chưa gửi        | chưa đến hạn    |",
		"Tuần 46 (09/11 – 15/11/2026): thời hạn gửi 15:00 ngày 12/11/2026, thứ Năm; đã chốt số liệu. Tỷ lệ báo cáo 2/4 (50%), đúng hạn 1/4 (25%).",
		"Tuần 47 (16/11 – 22/11/2026): thời hạn gửi 15:00 ngày 19/11/2026, thứ Năm; chưa đến hạn. Tỷ lệ báo cáo 2/4 (50%), đúng hạn 2/4 (50%).",
		"Chú thích:",
	}
	lines := strings.Split(out, "\n")
	for _, want := range wantLines {
		if !containsLine(lines, want) {
			t.Errorf("got no line %q", want)
		}
	}
	checkAligned(t, lines)
}

func TestMatrix_WriteText_Large(t *testing.T) {
	var units []Unit
	var periods []Period
	var subs []Submission
	for p := range 8 {
		per := fmt.Sprintf("2026-%02d", p+1)
		dl := time.Date(2026, time.Month(p+1), 20, 17, 0, 0, 0, ict)
		periods = append(periods, Period{Form: "BM.02.01/KH", Period: per, Deadline: dl})
		for u := range 20 {
			code := fmt.Sprintf("PHƯỜNG-%02d", u)
			if p == 0 {
				units = append(units, Unit{Code: code})
			}
			if (u+p)%4 != 0 {
				subs = append(subs, Submission{Form: "BM.02.01/KH", Unit: code, Period: per, Version: 1 + u%3,
					Valid: u%5 != 0, ReceivedAt: dl.Add(time.Duration(u-10) * 7 * time.Hour)})
			}
		}
	}
	m := Build(units, periods, subs, nil, time.Date(2026, 8, 1, 0, 0, 0, 0, ict))
	var buf bytes.Buffer
	if err := m.WriteText(&buf, ict); err != nil {
		t.Fatalf("WriteText: got error %v, want nil", err)
	}
	lines := strings.Split(buf.String(), "\n")
	if rows := checkAligned(t, lines); rows != 22 {
		t.Errorf("table rows: got %d, want 22 (header, rule, 20 units)", rows)
	}
	// The cells say "lần 3" where they once said "v3": eight months still fit a wide terminal.
	if width := utf8.RuneCountInString(lines[2]); width > 170 {
		t.Errorf("table width: got %d columns, want at most 170 for 8 periods", width)
	}
}

func TestMatrix_WriteText_MixedForms(t *testing.T) {
	periods := []Period{{Form: "A", Period: "2026-11"}, {Form: "B", Period: "2026-11"}}
	m := Build([]Unit{{Code: "X"}}, periods, nil, nil, deadline)
	var buf bytes.Buffer
	if err := m.WriteText(&buf, nil); err != nil {
		t.Fatalf("WriteText: got error %v, want nil", err)
	}
	lines := strings.Split(buf.String(), "\n")
	if !strings.Contains(lines[0], "biểu mẫu A, B") {
		t.Errorf("title: got %q, want it to name both forms", lines[0])
	}
	if !containsLine(lines, "| Đơn vị | A 2026-11    | B 2026-11    |") {
		t.Errorf("got no header naming the form of each column in:\n%s", buf.String())
	}
	checkAligned(t, lines)
}

func TestMatrix_WriteText_Empty(t *testing.T) {
	var buf bytes.Buffer
	if err := Build(nil, nil, nil, nil, deadline).WriteText(&buf, ict); err != nil {
		t.Fatalf("WriteText: got error %v, want nil", err)
	}
	if !containsLine(strings.Split(buf.String(), "\n"), "| Đơn vị |") {
		t.Errorf("got no lone header row in:\n%s", buf.String())
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// checkAligned checks that every table line (starting with "|") has the same rune width and
// its column separators at the same rune offsets; it returns how many table lines there are.
func checkAligned(t *testing.T, lines []string) int {
	t.Helper()
	var table []string
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			table = append(table, l)
		}
	}
	if len(table) == 0 {
		t.Fatalf("got no table lines, want some")
	}
	want := pipeOffsets(table[0])
	for _, l := range table {
		if got := pipeOffsets(l); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("line %q: separators at %v, want %v", l, got, want)
		}
		if got, w := utf8.RuneCountInString(l), utf8.RuneCountInString(table[0]); got != w {
			t.Errorf("line %q: width %d, want %d", l, got, w)
		}
	}
	return len(table)
}

func pipeOffsets(line string) []int {
	var offsets []int
	for i, r := range []rune(line) {
		if r == '|' {
			offsets = append(offsets, i)
		}
	}
	return offsets
}

func TestMessagesAreNFC(t *testing.T) {
	texts := append([]string{labelOnTime, labelLate, labelInvalid, labelMissing, labelPending, labelUnitColumn}, legend...)
	for _, s := range []State{OnTime, Late, Invalid, Missing, Pending} {
		texts = append(texts, s.Label())
	}
	for _, s := range texts {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q: got not NFC, want NFC", s)
		}
	}
}
