package templates

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officeapps"
)

func soffice(t *testing.T) string { return officeapps.Soffice(t) }

// TestRead_LibreOffice saves filled workbooks through LibreOffice, as a unit using it would, and
// reads them back: same data, identification intact.
func TestRead_LibreOffice(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]form.Filled{}
	var args []string
	for _, code := range builtinCodes() {
		f := builtin(t, code)
		want[code] = sampleData(f)
		name := filepath.Join(in, FileName(f, "PKH", "2026-11"))
		if err := os.WriteFile(name, fill(t, generate(t, f), f, want[code]), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{
		"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out,
	}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, code := range builtinCodes() {
		t.Run(code, func(t *testing.T) {
			f := builtin(t, code)
			data, err := os.ReadFile(filepath.Join(out, FileName(f, "PKH", "2026-11")))
			if err != nil {
				t.Fatal(err)
			}
			rep := read(t, data)
			if len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
				t.Errorf("got errors %+v, warnings %+v; want none", rep.Errors, rep.Warnings)
			}
			if !rep.Filled.Ident.TagOK || rep.Filled.Ident.Guessed {
				t.Errorf("got ident %+v, want the hidden sheet's with a good tag", rep.Filled.Ident)
			}
			for _, d := range diffFilled(rep.Filled, want[code]) {
				t.Error(d)
			}
		})
	}
}
