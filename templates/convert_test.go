package templates

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tonghop/tonghop/xlsconv"
)

// TestReadAny_LegacyXLS saves every filled form as Excel 97–2003 with Gnumeric, as an old office
// computer would, and reads it back through the converter: the same data, and a warning.
func TestReadAny_LegacyXLS(t *testing.T) {
	ssconvert, err := exec.LookPath("ssconvert")
	if err != nil {
		t.Skip("ssconvert (Debian package gnumeric) not installed")
	}
	conv, err := xlsconv.New(ssconvert)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			want := sampleData(f)
			xls := saveAsXLS(t, ssconvert, fill(t, generate(t, f), f, want))
			if _, err := Read(xls, allForms(), testSecret, Limits{}); !errors.Is(err, ErrLegacy) {
				t.Fatalf("Read without converter: got %v, want ErrLegacy", err)
			}
			rep, xlsx, err := ReadAny(context.Background(), xls, allForms(), testSecret, Limits{}, conv)
			if err != nil {
				t.Fatalf("ReadAny: %v (%+v)", err, rep.Errors)
			}
			if len(rep.Errors) != 0 || len(rep.Warnings) == 0 || rep.Warnings[0].Code != CodeConvertedXLS {
				t.Errorf("got errors %v, warnings %v; want none and %s first", problemKeys(rep.Errors), problemKeys(rep.Warnings), CodeConvertedXLS)
			}
			if rep.Filled.Ident.Form != code || !rep.Filled.Ident.TagOK {
				t.Errorf("ident: got %+v, want %s with its tag", rep.Filled.Ident, code)
			}
			for _, d := range diffFilled(rep.Filled, want) {
				t.Error(d)
			}
			if len(xlsx) < 4 || string(xlsx[:2]) != "PK" {
				t.Error("ReadAny did not return the converted .xlsx")
			}
		})
	}
}

func saveAsXLS(t *testing.T, ssconvert string, xlsx []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xls")
	if err := os.WriteFile(in, xlsx, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ssconvert, "--export-type=Gnumeric_Excel:excel_biff8", in, out)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ssconvert: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
