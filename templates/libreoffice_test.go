package templates

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/internal/officeapps"
)

func soffice(t *testing.T) string { return officeapps.Soffice(t) }

// libreOfficeRun is what one soffice run saved for the tests that need LibreOffice.
var libreOfficeRun struct {
	sync.Once
	saved map[string][]byte
	err   error
}

// formulasFile is the name of the workbook of formulas given to LibreOffice among the forms.
const formulasFile = "formulas.xlsx"

// savedByLibreOffice has LibreOffice save, in one soffice run (starting LibreOffice is most of
// its time), every workbook the tests give it, and returns what it saved by file name: the
// built-in forms filled with their sample data under their FileName (TestRead_LibreOffice), and
// formulasWorkbook under formulasFile (TestSanitize_LibreOffice). It skips the test when
// LibreOffice is not installed.
func savedByLibreOffice(t *testing.T) map[string][]byte {
	t.Helper()
	bin := soffice(t)
	libreOfficeRun.Do(func() {
		libreOfficeRun.err = errors.New("the workbooks for LibreOffice were not made")
		in := map[string][]byte{formulasFile: formulasWorkbook(t)}
		for _, code := range builtinCodes() {
			f := builtin(t, code)
			in[FileName(f, "PKH", "2026-11")] = fill(t, generate(t, f), f, sampleData(f))
		}
		libreOfficeRun.saved, libreOfficeRun.err = saveWithLibreOffice(bin, in)
	})
	if libreOfficeRun.err != nil {
		t.Fatal(libreOfficeRun.err)
	}
	return libreOfficeRun.saved
}

// saveWithLibreOffice converts the workbooks in (by file name) to xlsx with LibreOffice, in a
// fresh profile, and returns them by the same names.
func saveWithLibreOffice(bin string, in map[string][]byte) (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "tonghop-soffice-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	inDir, outDir := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.Mkdir(inDir, 0o755); err != nil {
		return nil, err
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", outDir}
	for name, data := range in {
		if err := os.WriteFile(filepath.Join(inDir, name), data, 0o644); err != nil {
			return nil, err
		}
		args = append(args, filepath.Join(inDir, name))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if msg, err := exec.CommandContext(ctx, bin, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice: %w\n%s", err, msg)
	}
	out := map[string][]byte{}
	for name := range in {
		data, err := os.ReadFile(filepath.Join(outDir, name))
		if err != nil {
			return nil, fmt.Errorf("soffice saved no %s: %w", name, err)
		}
		out[name] = data
	}
	return out, nil
}

// formulasWorkbook is a workbook of formulas written with excelize, which stores no computed
// values, for LibreOffice to compute and save.
func formulasWorkbook(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	sheet := "Số liệu"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]any{"A1": 1, "A2": 2, "C1": "Hà Nội"} {
		if err := x.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for cell, f := range map[string]string{"A3": "SUM(A1:A2)", "B1": `HYPERLINK("http://x","y")`, "D1": "A3*2", "C2": "UPPER(C1)"} {
		if err := x.SetCellFormula(sheet, cell, f); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRead_LibreOffice saves filled workbooks through LibreOffice, as a unit using it would, and
// reads them back: same data, identification intact.
func TestRead_LibreOffice(t *testing.T) {
	t.Parallel()
	saved := savedByLibreOffice(t)
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			data, ok := saved[FileName(f, "PKH", "2026-11")]
			if !ok {
				t.Fatalf("LibreOffice saved no %s", FileName(f, "PKH", "2026-11"))
			}
			rep := read(t, data)
			if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
				t.Errorf("got errors %+v, warnings %+v; want none", rep.Errors, rep.Warnings)
			}
			if !rep.Filled.Ident.TagOK || rep.Filled.Ident.Guessed {
				t.Errorf("got ident %+v, want the hidden sheet's with a good tag", rep.Filled.Ident)
			}
			for _, d := range diffFilled(rep.Filled, sampleData(f)) {
				t.Error(d)
			}
		})
	}
}
