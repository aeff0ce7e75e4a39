package document

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestPlaceDate(t *testing.T) {
	for _, c := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"DayBelow10", time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC), "Ninh Bình, ngày 08 tháng 12 năm 2026"},
		{"January", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), "Ninh Bình, ngày 15 tháng 01 năm 2027"},
		{"February", time.Date(2027, 2, 3, 0, 0, 0, 0, time.UTC), "Ninh Bình, ngày 03 tháng 02 năm 2027"},
		{"MarchNoZero", time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), "Ninh Bình, ngày 31 tháng 3 năm 2027"},
		{"September", time.Date(2026, 9, 9, 0, 0, 0, 0, time.UTC), "Ninh Bình, ngày 09 tháng 9 năm 2026"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := PlaceDate("Ninh Bình", c.at); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDoc_NumberLine(t *testing.T) {
	for _, c := range []struct {
		name, number, symbol, want string
	}{
		{"Draft", "", "BC-BQL", "Số:      /BC-BQL"},
		{"Numbered", "125", "BC-BQL", "Số: 125/BC-BQL"},
		{"Whole", "07/TB-BQL", "BC-BQL", "Số: 07/TB-BQL"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (Doc{Number: c.number, Symbol: c.symbol}).NumberLine(); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// part reads the document part of a .docx.
func part(t *testing.T, docx []byte) string {
	t.Helper()
	_, parts, err := readTemplate(docx)
	if err != nil {
		t.Fatal(err)
	}
	return string(parts[documentPart])
}

// TestFinalize: the draft's document becomes the issued one — its number, date and signer
// written in, its draft mark gone — and a draft that lost its number line is refused.
func TestFinalize(t *testing.T) {
	draft := sampleDoc()
	draft.Number, draft.Draft, draft.DraftVersion = "", true, 3
	docx, err := Build(draft)
	if err != nil {
		t.Fatal(err)
	}
	issued := sampleDoc()
	issued.Date = draft.Date.AddDate(0, 0, 2)
	issued.Signer = Signer{Authority: "KT. Trưởng ban", Title: "Phó Trưởng ban", Name: "Trần Thị Bình"}
	out, err := Finalize(docx, IssueChanges(draft, issued))
	if err != nil {
		t.Fatal(err)
	}
	got := part(t, out)
	for _, want := range []string{"125/BC-BQL", "ngày 10 tháng 12 năm 2026", "Trần Thị Bình"} {
		if !strings.Contains(got, want) {
			t.Errorf("issued document lacks %q", want)
		}
	}
	for _, gone := range []string{"DỰ THẢO", "     /BC-BQL", "ngày 08 tháng 12", "Nguyễn Văn An"} {
		if strings.Contains(got, gone) {
			t.Errorf("issued document still has %q", gone)
		}
	}
	t.Run("ErrNumberLost", func(t *testing.T) {
		edited := rewritePart(t, docx, func(s string) string { return strings.Replace(s, "     /BC-BQL", "", 1) })
		if _, err := Finalize(edited, IssueChanges(draft, issued)); err == nil {
			t.Error("got no error for a draft without its number line")
		}
		missing, err := MissingForIssue(edited, IssueChanges(draft, issued))
		if err != nil || len(missing) != 1 {
			t.Errorf("MissingForIssue: got %q, %v; want the number line", missing, err)
		}
	})
}

// rewritePart returns docx with its document part changed by f.
func rewritePart(t *testing.T, docx []byte, f func(string) string) []byte {
	t.Helper()
	files, parts, err := readTemplate(docx)
	if err != nil {
		t.Fatal(err)
	}
	parts[documentPart] = []byte(f(string(parts[documentPart])))
	out, err := writeParts(files, parts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// letterhead is an office's template: a built-in document whose texts are the placeholders.
func letterhead(t *testing.T) []byte {
	t.Helper()
	d := Doc{Office: "Ban Quản lý", Number: "x", Summary: PhSummary, Place: "P", Kind: KindReport,
		Body:       []Block{{Paragraphs: []string{PhBody}}},
		Signer:     Signer{Title: "t", Name: PhSigner},
		Recipients: []string{"r"}}
	docx, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	return rewritePart(t, docx, func(s string) string {
		s = strings.Replace(s, "Số: x", "Số: "+PhNumber, 1)
		s = strings.Replace(s, PlaceDate("P", time.Time{}), PhDate, 1)
		return strings.Replace(s, "- r;", PhRecipients, 1)
	})
}

func TestTemplate(t *testing.T) {
	tpl := letterhead(t)
	if err := CheckTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	out, err := FillTemplate(tpl, sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	got := part(t, out)
	for _, want := range []string{"125/BC-BQL", "Ninh Bình, ngày 08 tháng 12 năm 2026", "Kết quả thực hiện nhiệm vụ tháng 11 năm 2026",
		"Ban Quản lý KCN Gián Khẩu: Thu hút 2 dự án mới.", "Vốn đăng ký", "1.250,5", "Nguyễn Văn An", "- Sở Kế hoạch và Đầu tư;", "- Lưu: VT, KHTH."} {
		if !strings.Contains(got, want) {
			t.Errorf("filled template lacks %q", want)
		}
	}
	if strings.Contains(got, "{{") {
		t.Error("filled template still has a placeholder")
	}
	for _, c := range []struct {
		name string
		tpl  []byte
		want string
	}{
		{"Missing", rewritePart(t, tpl, func(s string) string { return strings.Replace(s, PhSigner, "", 1) }), PhSigner + " is missing"},
		{"Split", rewritePart(t, tpl, func(s string) string {
			return strings.Replace(s, PhSummary, "{{trich</w:t></w:r><w:r><w:t>_yeu}}", 1)
		}), PhSummary + " is split"},
		{"NotZip", []byte("PK not really"), "not a .docx"},
		{"Macros", withEntry(t, tpl, "word/vbaProject.bin"), "macros"},
	} {
		t.Run("Err"+c.name, func(t *testing.T) {
			err := CheckTemplate(c.tpl)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error saying %q", err, c.want)
			}
		})
	}
}

func withEntry(t *testing.T, docx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(name)
	w.Write([]byte("macro"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzCheckTemplate: whatever the letterhead file holds, reading it ends within the budgets with
// a verdict, never a panic.
func FuzzCheckTemplate(f *testing.F) {
	docx, err := Build(sampleDoc())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(docx)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := CheckTemplate(data); err == nil {
			if _, err := FillTemplate(data, sampleDoc()); err != nil {
				t.Fatalf("a template that passed the check did not fill: %v", err)
			}
		}
	})
}

// FuzzFinalize: a leader's edited document (outside input, read by wordfile first) is checked
// and finalized within the budgets whatever it holds: a verdict or a package, never a panic, and
// a document that passes the check always finalizes.
func FuzzFinalize(f *testing.F) {
	draft := sampleDoc()
	draft.Number, draft.Draft, draft.DraftVersion = "", true, 1
	docx, err := Build(draft)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(docx)
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	changes := IssueChanges(draft, sampleDoc())
	f.Fuzz(func(t *testing.T, data []byte) {
		missing, err := MissingForIssue(data, changes)
		if err != nil || len(missing) > 0 {
			return
		}
		if _, err := Finalize(data, changes); err != nil {
			t.Fatalf("a document holding every line did not finalize: %v", err)
		}
	})
}

// TestFinalize_SplitRuns: Word split the number line and the date into runs, a spelling mark
// between them; the issue still writes the number and the date in.
func TestFinalize_SplitRuns(t *testing.T) {
	draft := sampleDoc()
	draft.Number, draft.Draft, draft.DraftVersion = "", true, 1
	docx, err := Build(draft)
	if err != nil {
		t.Fatal(err)
	}
	split := rewritePart(t, docx, func(s string) string {
		s = strings.Replace(s, "Số:      /BC-BQL", `Số:   </w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">   /BC-BQL`, 1)
		return strings.Replace(s, "ngày 08 tháng", `ngày 08 </w:t></w:r><w:r><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t>tháng`, 1)
	})
	issued := sampleDoc()
	issued.Date = draft.Date.AddDate(0, 0, 1)
	if missing, err := MissingForIssue(split, IssueChanges(draft, issued)); err != nil || len(missing) > 0 {
		t.Fatalf("MissingForIssue: %q, %v; want nothing missing", missing, err)
	}
	out, err := Finalize(split, IssueChanges(draft, issued))
	if err != nil {
		t.Fatal(err)
	}
	got := part(t, out)
	for _, want := range []string{"Số: 125/BC-BQL", "Ninh Bình, ngày 09 tháng 12 năm 2026"} {
		if !strings.Contains(got, want) {
			t.Errorf("issued document lacks %q", want)
		}
	}
	if _, err := zip.NewReader(bytes.NewReader(out), int64(len(out))); err != nil {
		t.Fatal(err)
	}
}
