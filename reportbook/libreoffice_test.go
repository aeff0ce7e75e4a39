package reportbook

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officeapps"
)

func soffice(t *testing.T) string { return officeapps.Soffice(t) }

// csvAllSheets is LibreOffice's CSV filter: comma, double quote, UTF-8, values rather than
// formulas or formatted text, and (the last token, LibreOffice 7.2 and later) every sheet to
// a file of its own named <file>-<sheet>.csv.
const csvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// TestWrite_LibreOffice has LibreOffice open the workbooks of every built-in form and of
// hostile texts, and export every sheet: the files open, the texts come back as the units
// wrote them rather than evaluated.
func TestWrite_LibreOffice(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	work, report := hostileFixtures(t)
	books := map[string]*fixture{"work": work, "report": report}
	for _, code := range builtinCodes() {
		books["builtin-"+strings.NewReplacer("/", "-", ".", "-").Replace(code)] = newFixture(t, code, 3, 2, "U03")
	}
	var args []string
	for name, fx := range books {
		_, data := fx.write(t)
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	slices.Sort(args)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, bin, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", csvAllSheets, "--outdir", out}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for name := range books {
		if sheet := readCSV(t, out, name, sheetSummary); !strings.Contains(flatten(sheet), "DỰ THẢO lần 2") {
			t.Errorf("%s: summary as LibreOffice reads it lacks the draft line: %q", name, sheet)
		}
	}
	summary := flatten(readCSV(t, out, "work", sheetSummary))
	narrative := flatten(readCSV(t, out, "report", sheetNarrative))
	for _, text := range injections {
		want := cleanText(text)
		if !strings.Contains(summary, "|"+want+"|") {
			t.Errorf("work program summary: no cell %q", want)
		}
		if first, _, _ := strings.Cut(strings.TrimLeft(want, "\n"), "\n"); !strings.Contains(narrative, "|"+first+"|") {
			t.Errorf("narrative: no cell %q", first)
		}
	}
	if strings.Contains(summary, "|Bấm vào đây|") || strings.Contains(summary, "|#NAME?|") || strings.Contains(summary, "|Err:") {
		t.Errorf("work program summary: a text was evaluated: %q", summary)
	}
}

// readCSV reads the CSV LibreOffice wrote for one sheet of a workbook; older LibreOffice
// writes only the first sheet, to <file>.csv.
func readCSV(t *testing.T, dir, book, sheet string) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, book+"-"+sheet+".csv"))
	if os.IsNotExist(err) && sheet == sheetSummary {
		data, err = os.ReadFile(filepath.Join(dir, book+".csv"))
	}
	if os.IsNotExist(err) {
		t.Skipf("LibreOffice wrote no CSV for sheet %q of %s (older than 7.2?)", sheet, book)
	}
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(string(data)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	all, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s %s: %v", book, sheet, err)
	}
	return all
}

// flatten joins every cell of a sheet, each between bars, to search for whole cells.
func flatten(all [][]string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, r := range all {
		for _, c := range r {
			b.WriteString(c + "|")
		}
	}
	return b.String()
}
