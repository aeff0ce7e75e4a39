package demo

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/document"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officeapps"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/xlsconv"
)

// Artifacts names the environment variable of the directory where the LibreOffice test of the
// issued documents keeps the first page of each as PDF (.ci/run sets it); unset, a temporary
// directory.
const Artifacts = "TONGHOP_ARTIFACTS"

// checkIssuedDocuments (issue 20, "Done when"): every report the demo issued went out as a .docx
// and, LibreOffice being installed, a .pdf beside the workbook; LibreOffice opens each .docx and
// reads back every element of the Decree 30/2020 layout, the consolidated figures, Times New Roman
// and the decree's margins; the first page of each is kept as a PDF artefact. LibreOffice converts
// every issued document in one run per format: starting it costs far more than a conversion.
func checkIssuedDocuments(t *testing.T, dir string) {
	t.Helper()
	soffice := officeapps.Soffice(t)
	ctx := context.Background()
	cfg, err := config.Load(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	of, err := office.Compile(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(ctx, cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	artefacts := os.Getenv(Artifacts)
	if artefacts == "" {
		artefacts = t.TempDir()
	}
	work := t.TempDir()
	var issued []issuedDocument
	for _, f := range of.Forms {
		rows, err := l.Periods(ctx, f.Code)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			is, err := l.LatestIssue(ctx, f.Code, row.Period)
			if err != nil {
				continue
			}
			d := issuedDocument{form: &f, period: row.Period, issue: is, name: form.Slug(f.Code) + "_" + row.Period}
			if is.DocSHA256 == "" || is.PDFSHA256 == "" {
				t.Fatalf("issue of %s: document %q, PDF %q: want both", d.name, is.DocSHA256, is.PDFSHA256)
			}
			docx, err := l.Blob(is.DocSHA256)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, d.name+".docx"), docx, 0o600); err != nil {
				t.Fatal(err)
			}
			issued = append(issued, d)
		}
	}
	if len(issued) < 2 {
		t.Errorf("issued reports: got %d, want both forms' (2)", len(issued))
	}
	var ins []string
	for _, d := range issued {
		ins = append(ins, filepath.Join(work, d.name+".docx"))
	}
	convert(t, soffice, work, ins, "txt:Text (encoded):UTF8")
	convert(t, soffice, work, ins, "fodt")
	convert(t, soffice, work, ins, `pdf:writer_pdf_Export:{"PageRange":{"type":"string","value":"1"}}`)
	for _, d := range issued {
		t.Run(d.name, func(t *testing.T) {
			checkIssuedDocument(t, ctx, of, l, d, filepath.Join(work, "out", d.name), artefacts)
		})
	}
	checkRegisterInSequence(t, ctx, l, len(issued))
}

// issuedDocument is one issue of the demo: its form and period, and name, the stem of its files.
type issuedDocument struct {
	form   *config.Form
	period string
	issue  ledger.Issue
	name   string
}

// checkRegisterInSequence checks that the demo's documents were numbered in the order they were
// issued, from 01, without a gap: one register entry per issue.
func checkRegisterInSequence(t *testing.T, ctx context.Context, l *ledger.Ledger, issued int) {
	t.Helper()
	entries, err := l.Register(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < issued {
		t.Fatalf("register: %d entries for %d issued reports", len(entries), issued)
	}
	for i, e := range entries {
		if want := fmt.Sprintf("%02d/", i+1); e.Sequence != i+1 || !strings.HasPrefix(e.Number, want) {
			t.Errorf("register entry %d: %s (sequence %d), want %s…", i+1, e.Number, e.Sequence, want)
		}
		if i > 0 && e.At.Before(entries[i-1].At) {
			t.Errorf("%s was numbered before %s but issued after it", entries[i-1].Number, e.Number)
		}
	}
}

// checkIssuedDocument checks one issue: its PDF and mail, and what LibreOffice read of its
// .docx, converted to out + ".txt", ".fodt" and ".pdf" (the first page).
func checkIssuedDocument(t *testing.T, ctx context.Context, of *office.Office, l *ledger.Ledger, d issuedDocument, out, artefacts string) {
	is := d.issue
	pdf, err := l.Blob(is.PDFSHA256)
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("issued PDF: %v, starts %q", err, pdf[:min(len(pdf), 8)])
	}
	checkPDFFonts(t, pdf)
	checkIssueMail(t, ctx, l, d.form.Code, d.period, is)
	text, flat, page := readOutput(t, out+".txt"), readOutput(t, out+".fodt"), readOutput(t, out+".pdf")
	keep := filepath.Join(artefacts, "van-ban_"+d.name+"_trang-1.pdf")
	if err := os.WriteFile(keep, page, 0o644); err != nil {
		t.Errorf("keep the first page: %v", err)
	}
	p, err := period.Parse(d.period)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range expectedTexts(t, ctx, of, l, d.form, p, is) {
		if !strings.Contains(string(text), want) {
			t.Errorf("LibreOffice's text lacks %q", want)
		}
	}
	checkFonts(t, string(flat))
	checkMargins(t, string(flat))
	if t.Failed() {
		t.Logf("text as LibreOffice reads it:\n%s", text)
	}
}

// checkIssueMail: the issue mail to the recipients carries the .docx, the .pdf and the workbook
// (the appendix), in that order.
func checkIssueMail(t *testing.T, ctx context.Context, l *ledger.Ledger, formCode, per string, is ledger.Issue) {
	m, err := l.OutMail(ctx, ledger.IssueKey(formCode, per))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range m.Attachments {
		got = append(got, a.SHA256)
	}
	if want := []string{is.DocSHA256, is.PDFSHA256, is.FileSHA256}; !slices.Equal(got, want) {
		t.Errorf("issue mail's attachments: got %v, want the document, its PDF and the workbook %v", got, want)
	}
}

// expectedTexts are the elements the issued document must print: the header, number, place and
// date, type and summary, the narrative sections, the consolidated figures of this period, the
// list tables' tasks, the missing units, the signer, "Nơi nhận" and "Lưu".
func expectedTexts(t *testing.T, ctx context.Context, of *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, is ledger.Issue) []string {
	drafts, err := l.Drafts(ctx, f.Code, p.String())
	if err != nil {
		t.Fatal(err)
	}
	var built time.Time
	for _, d := range drafts {
		if d.Version == is.Version {
			built = d.BuiltAt
		}
	}
	in, _, err := report.ConsolidationInput(ctx, of, l, f, p, built)
	if err != nil {
		t.Fatal(err)
	}
	book, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	kind := document.Kind(f.DocumentKind())
	num, err := l.IssueNumber(ctx, f.Code, p.String(), is.Number)
	if err != nil || !strings.HasSuffix(num.Number, "/"+f.Symbol) {
		t.Fatalf("register entry of the issue: %+v, %v; want a number with the form's symbol %q", num, err, f.Symbol)
	}
	dated, err := time.ParseInLocation("2006-01-02", num.Dated, of.Location)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"UBND TỈNH HÒA BÌNH", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", document.NationalTitle, document.Motto,
		"Số: " + num.Number, // the register's number, on the register's date
		document.PlaceDate("Hòa Bình", dated), kind.Title(),
		f.DocumentSummary(of.PeriodLabel(f, p)),
		"TRƯỞNG BAN", "Nguyễn Văn An", // the approver, the head: no "KT."
		"Nơi nhận:", "- Trưởng Ban Nguyễn Văn An;", "- Phó Trưởng Ban Trần Thị Bình;", "- Lưu: VT, VP.",
		"NGUỒN SỐ LIỆU", office.IssuedFileName(f.Code, p.String()),
	}
	for _, sec := range book.Narrative {
		want = append(want, sec.Title)
		for _, e := range sec.Entries {
			want = append(want, e.Name+": ")
		}
	}
	for _, tb := range book.Summary {
		for _, r := range tb.Rows {
			want = append(want, r.Name)
			if r.Period.OK {
				want = append(want, "\n"+consolidate.FormatNumber(r.Period.V)+"\n")
			}
		}
	}
	for _, lt := range book.Lists { // a work program's tasks, as the units typed them
		want = append(want, lt.Title)
		for _, r := range lt.Rows {
			for _, c := range lt.Columns {
				v := strings.TrimSpace(lt.Value(r, c.Key))
				if d, err := time.Parse("2006-01-02", v); err == nil && c.Type == form.Date {
					v = d.Format("02/01/2006") // as the workbook shows a date
				}
				if v != "" && !strings.Contains(v, "\n") {
					want = append(want, v)
				}
			}
		}
	}
	for _, u := range book.Missing {
		want = append(want, "- "+u.Name)
	}
	return want
}

// convert has LibreOffice convert every file of ins to the filter's format, in one run, into
// dir/out, each output named after its input.
func convert(t *testing.T, soffice, dir string, ins []string, filter string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conf := filepath.Join(dir, "fonts.conf") // Times New Roman as the daemon's conversion prints it
	if err := os.WriteFile(conf, []byte(xlsconv.FontsConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", filter, "--outdir", filepath.Join(dir, "out")}
	cmd := exec.CommandContext(ctx, soffice, append(args, ins...)...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", filter, err, msg)
	}
}

// readOutput reads a file LibreOffice wrote.
func readOutput(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LibreOffice's output: %v", err)
	}
	return b
}

// checkPDFFonts: with fonts-liberation2 installed, the issued PDF prints Times New Roman as
// Liberation Serif alone, every Vietnamese letter in it (no fallback font for ơ, ư, ạ…).
func checkPDFFonts(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := os.Stat("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"); err != nil {
		return
	}
	fonts := pdfFontRE.FindAllSubmatch(pdf, -1)
	for _, f := range fonts {
		if !strings.HasPrefix(string(f[1]), "LiberationSerif") {
			t.Errorf("issued PDF uses %s, want Liberation Serif alone", f[1])
		}
	}
	if len(fonts) == 0 {
		t.Error("no font found in the issued PDF")
	}
}

var (
	pdfFontRE = regexp.MustCompile(`/BaseFont\s*/[A-Z]{6}\+([A-Za-z-]+)`)
	fontRE    = regexp.MustCompile(`style:font-name="([^"]*)"`)
	sizeRE    = regexp.MustCompile(`fo:font-size="([0-9.]+)pt"`)
)

// checkFonts: as LibreOffice reads it, every text of the document and its default paragraph are
// in Times New Roman, at sizes of the decree (11 to 14 pt; the rules' empty paragraphs 3 pt).
func checkFonts(t *testing.T, fodt string) {
	t.Helper()
	auto := between(fodt, "<office:automatic-styles>", "</office:automatic-styles>")
	def := between(fodt, `<style:default-style style:family="paragraph">`, "</style:default-style>")
	fonts := fontRE.FindAllStringSubmatch(auto+def, -1)
	if len(fonts) == 0 {
		t.Error("no font named in the document's styles")
	}
	for _, m := range fonts {
		if m[1] != document.Font {
			t.Errorf("font %q, want %q", m[1], document.Font)
		}
	}
	for _, m := range sizeRE.FindAllStringSubmatch(auto+def, -1) {
		// 3 pt: the empty paragraphs that carry the short rules, no text in them.
		if size, _ := strconv.ParseFloat(m[1], 64); size != 3 && (size < 11 || size > 14) {
			t.Errorf("font size %spt, want 11 to 14", m[1])
		}
	}
}

var marginRE = regexp.MustCompile(`fo:(page-width|page-height|margin-top|margin-bottom|margin-left|margin-right)="([0-9.]+)in"`)

// checkMargins: A4 and the decree's margins, as LibreOffice reads the page: top and bottom 20–25
// mm, left 30–35 mm, right 15–20 mm.
func checkMargins(t *testing.T, fodt string) {
	t.Helper()
	layout := ""
	for _, part := range strings.Split(fodt, "<style:page-layout-properties ")[1:] {
		if strings.Contains(part, "fo:page-width") {
			layout = part[:strings.Index(part, ">")]
			break
		}
	}
	mm := map[string]float64{}
	for _, m := range marginRE.FindAllStringSubmatch(layout, -1) {
		in, _ := strconv.ParseFloat(m[2], 64)
		mm[m[1]] = in * 25.4
	}
	for _, c := range []struct {
		key      string
		min, max float64
	}{
		{"page-width", 209.5, 210.5}, {"page-height", 296.5, 297.5},
		{"margin-top", 19.9, 25.1}, {"margin-bottom", 19.9, 25.1},
		{"margin-left", 29.9, 35.1}, {"margin-right", 14.9, 20.1},
	} {
		if v, ok := mm[c.key]; !ok || v < c.min || v > c.max {
			t.Errorf("%s: got %s mm, want %.0f–%.0f", c.key, fmt.Sprintf("%.1f", v), c.min, c.max)
		}
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}
