package daemon

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/internal/officeapps"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/templates"
	"github.com/tonghop/tonghop/xlsconv"
)

// submission returns the one recorded submission of unit and its warning codes.
func submission(t *testing.T, e *env, unit string) (ledger.Submission, []string) {
	t.Helper()
	subs, err := e.ledger.Submissions(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.Unit != unit {
			continue
		}
		var p struct{ Warnings []form.Problem }
		if err := json.Unmarshal(s.Problems, &p); err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, w := range p.Warnings {
			codes = append(codes, w.Code)
		}
		return s, codes
	}
	t.Fatalf("no submission of %s; got %+v", unit, subs)
	return ledger.Submission{}, nil
}

func TestDaemon_IdentificationLost(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	wb := officetest.StripIdent(t, e.workbook(t, "QLDN", false))
	e.append(t, mail("qldn@kcn.example", "lost@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", wb))
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	sub, warnings := submission(t, e, "QLDN")
	if !sub.Valid || sub.Period != "2026-11" {
		t.Errorf("submission: got valid %v period %q, want valid for 2026-11", sub.Valid, sub.Period)
	}
	if strings.Join(warnings, ",") != "ident_guessed,period_guessed" {
		t.Errorf("warnings: got %v, want ident_guessed and period_guessed", warnings)
	}
	out, err := e.ledger.OutMail(ctx, "receipt:"+mustMailSHA(t, e, "lost@kcn"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.Body, "tháng 11/2026") || !strings.Contains(out.Body, "không còn") {
		t.Errorf("receipt should tell the unit the identification was guessed; got:\n%s", out.Body)
	}
}

func mustMailSHA(t *testing.T, e *env, id string) string {
	t.Helper()
	mails, err := e.ledger.Mails(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if m.MessageID == id {
			return m.SHA256
		}
	}
	t.Fatalf("mail %s not recorded", id)
	return ""
}

func TestDaemon_LegacyXLSConverted(t *testing.T) {
	t.Parallel()
	ssconvert := officeapps.Ssconvert(t)
	conv, err := xlsconv.New(ssconvert)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnvWith(t, func(o *Options) { o.Converter = conv })
	ctx := context.Background()
	xls := officeapps.SaveAsXLS(t, ssconvert, e.workbook(t, "QLDN", false))
	e.append(t, mail("qldn@kcn.example", "xls@kcn", "", "baocao.xls", xls))
	if err := e.d.Step(ctx); err != nil {
		t.Fatal(err)
	}
	sub, warnings := submission(t, e, "QLDN")
	if !sub.Valid || !strings.Contains(strings.Join(warnings, ","), templates.CodeConvertedXLS) {
		t.Errorf("submission: got valid %v warnings %v, want valid with %s", sub.Valid, warnings, templates.CodeConvertedXLS)
	}
	stored, err := e.ledger.Blob(sub.FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zip.NewReader(bytes.NewReader(stored), int64(len(stored))); err != nil {
		t.Errorf("stored workbook is not the .xlsx conversion: %v", err)
	}
	archived := filepath.Join(e.cfg.DataDir, "archive", "BM.02.01-KH", "2026-11", "QLDN", "v1_baocao.xlsx")
	if _, err := os.Stat(archived); err != nil {
		t.Errorf("archive copy: %v", err)
	}
}
