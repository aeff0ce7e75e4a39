package daemon

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// forgedPeriodWorkbook is QLDN's workbook whose identification names period, signed as
// tonghop would sign it: only the period is hostile.
func forgedPeriodWorkbook(t *testing.T, e *env, period string) []byte {
	t.Helper()
	f, ok := e.cfg.Form("BM.02.01/KH")
	if !ok {
		t.Fatal("no BM.02.01/KH")
	}
	var tpl bytes.Buffer
	meta := templates.Meta{Office: e.cfg.Office.Name, UnitCode: "QLDN", UnitName: "QLDN", Period: period,
		PeriodLabel: "Tháng 11/2026", ReplyTo: e.cfg.SMTP.From, Secret: []byte(testKey)}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {}}, Narrative: map[string]string{}}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDaemon_ArchiveStaysInside: a workbook whose identification names a period that climbs out
// of the archive ("../../../x") is rejected and filed under the unknown period, inside the data
// directory; nothing is written beside it.
func TestDaemon_ArchiveStaysInside(t *testing.T) {
	t.Parallel()
	for _, hostile := range []string{"../../../x", "2026-11/../../../../x", "/tmp/x", "2026-11\x00"} {
		t.Run(strings.ReplaceAll(hostile, "/", "_"), func(t *testing.T) {
			e := newEnv(t)
			wb := forgedPeriodWorkbook(t, e, hostile)
			e.append(t, mail("qldn@kcn.example", "forged@kcn", "", "../../BM.02.01-KH.xlsx", wb))
			if err := e.d.Step(context.Background()); err != nil {
				t.Fatal(err)
			}
			base := filepath.Dir(e.cfg.DataDir)
			var outside []string
			err := filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if path == e.cfg.DataDir {
					return filepath.SkipDir
				}
				if !d.IsDir() && d.Name() != "tonghop.toml" {
					outside = append(outside, path)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(outside) > 0 {
				t.Errorf("files written outside the data directory: %v", outside)
			}
			archived, _ := filepath.Glob(filepath.Join(e.cfg.DataDir, "archive", "BM.02.01-KH", "khong-xac-dinh", "QLDN", "v1_*.xlsx"))
			if len(archived) != 1 {
				var all []string
				_ = filepath.WalkDir(filepath.Join(e.cfg.DataDir, "archive"), func(p string, d fs.DirEntry, _ error) error {
					all = append(all, p)
					return nil
				})
				t.Errorf("archive copy under the unknown period: got %v, want one; archive holds %v", archived, all)
			}
			if _, err := os.Stat(filepath.Join(base, "x")); err == nil {
				t.Errorf("%s exists", filepath.Join(base, "x"))
			}
		})
	}
}
