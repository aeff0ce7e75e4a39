package templates

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
)

// ssconvertPath is Gnumeric's command-line converter (Debian package gnumeric).
const ssconvertPath = "/usr/bin/ssconvert"

// ssconvert converts in to out (xlsx to xlsx) with Gnumeric, as a unit saving the file in
// Gnumeric would. HOME is a fresh directory so no user configuration is read or written.
func ssconvert(t *testing.T, in, out string) {
	t.Helper()
	home := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, ssconvertPath, "--export-type=Gnumeric_Excel:xlsx2", in, out)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ssconvert: %v\n%s", err, msg)
	}
}

// longValue matches a cell value written with more than 15 significant digits, the float noise
// Gnumeric writes (1234567.89099999999996 for 1234567.891).
var longValue = regexp.MustCompile(`<v>(-?[0-9]*\.[0-9]{12,})</v>`)

// floatNoise returns up to three values of data's sheets written with more digits than Excel keeps.
func floatNoise(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, name := range zipNames(t, data) {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		for _, m := range longValue.FindAllStringSubmatch(zipEntry(t, data, name), -1) {
			if significantDigits(m[1]) > 15 && len(out) < 3 {
				out = append(out, m[1])
			}
		}
	}
	return out
}

func significantDigits(s string) int {
	digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(s), "0")
	return len(digits)
}

// TestRead_Gnumeric fills every built-in form with excelize, saves it again through Gnumeric and
// reads back exactly what was filled, despite Gnumeric's float noise. Gnumeric may lose the very
// hidden identification sheet, its visibility or the defined names repeating it: whichever way
// the workbook is then identified is asserted and logged.
func TestRead_Gnumeric(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(ssconvertPath); err != nil {
		t.Skipf("Gnumeric's ssconvert is not installed (apt-get install gnumeric): %v", err)
	}
	dir := t.TempDir()
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			tpl := generate(t, f)
			lay := findLayout(t, tpl, f)
			want := relinedRows(noisyData(f), lay)
			in := filepath.Join(dir, "in_"+form.Slug(code)+".xlsx")
			out := filepath.Join(dir, "out_"+form.Slug(code)+".xlsx")
			if err := os.WriteFile(in, fill(t, tpl, f, want), 0o644); err != nil {
				t.Fatal(err)
			}
			ssconvert(t, in, out)
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("Gnumeric kept: %s; float noise %q", writerFacts(t, data, f, lay), floatNoise(t, data))
			rep := read(t, data)
			if len(rep.Errors) != 0 {
				t.Errorf("got errors %+v, want none", rep.Errors)
			}
			checkGnumericIdent(t, f, rep, identSheetState(t, data))
			for _, d := range diffFilled(rep.Filled, want) {
				t.Error(d)
			}
		})
	}
}

// checkGnumericIdent accepts the identification from the identification sheet or the defined
// names (signed, no warning) or from the cover's line (guessed, with exactly one ident_guessed
// warning), and logs which happened; sheetState is the identification sheet's state after
// conversion.
func checkGnumericIdent(t *testing.T, f form.Form, rep *form.Report, sheetState string) {
	t.Helper()
	id := rep.Filled.Ident
	signed := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", TagOK: true}
	guessed := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", Guessed: true}
	var wantWarns []string
	switch {
	case id == signed && sheetState == "dropped":
		t.Logf("identification sheet dropped; identified by the signed defined names")
	case id == signed:
		t.Logf("identified by the signed identification sheet, now %s", sheetState)
	case id == guessed:
		t.Logf("identification fell back to the cover's line (guessed)")
		wantWarns = problemKeys([]form.Problem{{Code: CodeIdentGuessed, Sheet: CoverSheet}})
	default:
		t.Errorf("ident: got %+v, want %+v or, guessed from the cover, %+v", id, signed, guessed)
	}
	if got := problemKeys(rep.Warnings); !reflect.DeepEqual(got, wantWarns) {
		t.Errorf("warnings: got %q, want %q\n(full: %+v)", got, wantWarns, rep.Warnings)
	}
}
