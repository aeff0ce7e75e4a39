package receive

import (
	"context"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

func TestIdentProblems(t *testing.T) {
	o, cfg := testOffice(t)
	qldn, _ := cfg.Unit("QLDN")
	tests := []struct {
		name  string
		id    form.Ident
		codes string
	}{
		{"Right", form.Ident{Form: "BM.02.01/KH", Unit: "QLDN", Period: "2026-11"}, ""},
		{"GuessedUnit", form.Ident{Form: "BM.02.01/KH", Period: "2026-11"}, ""},
		{"OtherUnit", form.Ident{Form: "BM.02.01/KH", Unit: "QLDT", Period: "2026-11"}, "wrong_unit"},
		{"UnknownForm", form.Ident{Form: "BM.99", Unit: "QLDN", Period: "2026-11"}, "form_not_for_unit"},
		{"PeriodOfOtherKind", form.Ident{Form: "BM.02.01/KH", Unit: "QLDN", Period: "2026-Q4"}, "bad_period"},
		{"NoPeriod", form.Ident{Form: "BM.02.01/KH", Unit: "QLDN"}, "bad_period"},
		{"OtherUnitAndBadPeriod", form.Ident{Form: "BM.02.01/KH", Unit: "QLDT", Period: "2026"}, "wrong_unit,bad_period"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var codes []string
			for _, p := range IdentProblems(o, qldn, tc.id) {
				codes = append(codes, p.Code)
			}
			if got := strings.Join(codes, ","); got != tc.codes {
				t.Errorf("got %q, want %q", got, tc.codes)
			}
		})
	}
}

func TestArchiveName(t *testing.T) {
	zipped, ole := []byte("PK\x03\x04rest"), []byte("\xd0\xcf\x11\xe0rest")
	tests := []struct {
		name, file string
		stored     []byte
		want       string
	}{
		{"XLSX", "bao-cao.xlsx", zipped, "bao-cao.xlsx"},
		{"XLSConverted", "bao-cao.xls", zipped, "bao-cao.xlsx"},
		{"XLSKept", "bao-cao.xls", ole, "bao-cao.xls"},
		{"XLSMStripped", "Bao Cao.XLSM", zipped, "Bao Cao.xlsx"},
		{"NotAZip", "bao-cao.xlsm", []byte("garbage"), "bao-cao.xlsm"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ArchiveName(tc.file, tc.stored); got != tc.want {
				t.Errorf("ArchiveName(%q) = %q, want %q", tc.file, got, tc.want)
			}
		})
	}
}

// TestJudge_Workbook judges single workbooks as the check command does, with no ledger, and as
// the daemon does, with one: the period lost from a workbook is read from the subject, then the
// file name, then the collection under way.
func TestJudge_Workbook(t *testing.T) {
	o, cfg := testOffice(t)
	qldn, _ := cfg.Unit("QLDN")
	good := officetest.Workbook(t, cfg, "QLDN", []byte(testKey), false)
	lost := officetest.StripIdent(t, good)
	closed := &fakeLedger{periods: map[string]ledger.Period{"BM.02.01/KH 2026-11": {Status: ledger.PeriodClosed}}}
	tests := []struct {
		name, file, subject string
		data                []byte
		sender              office.Sender
		ledger              Ledger
		unit, period        string // of the submission
		errors, warnings    string // codes
	}{
		{"Valid", "a.xlsx", "", good, office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2026-11", "", ""},
		{"NoSender", "a.xlsx", "", good, office.Sender{}, NoLedger{}, "", "2026-11", "", ""},
		{"Mistakes", "a.xlsx", "", officetest.Workbook(t, cfg, "QLDN", []byte(testKey), true), office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2026-11", "subtotal_mismatch", ""},
		{"ClosedPeriod", "a.xlsx", "", good, office.Sender{Unit: &qldn}, closed, "QLDN", "2026-11", "", "period_closed"},
		{"PeriodNotOpen", "a.xlsx", "", officetest.WorkbookFor(t, cfg, "QLDN", []byte(testKey), "2027-03", false), office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2027-03", "period_not_open", ""},
		{"PeriodFromSubject", "BM.02.01-KH_2026-12_QLDN.xlsx", "Báo cáo tháng 10/2026", lost, office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2026-10", "", "ident_guessed,period_guessed"},
		{"PeriodFromFileName", "BM.02.01-KH_2026-10_QLDN.xlsx", "", lost, office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2026-10", "", "ident_guessed,period_guessed"},
		{"PeriodFromWindow", "bao-cao.xlsx", "", lost, office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "2026-11", "", "ident_guessed,period_guessed"},
		{"NotAWorkbook", "a.xlsx", "", []byte("PK\x03\x04 rác"), office.Sender{Unit: &qldn}, NoLedger{}, "QLDN", "", "unreadable", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			att := intake.Attachment{Name: tc.file, Data: tc.data, Size: int64(len(tc.data))}
			v, err := testJudge(o, tc.ledger).Workbook(context.Background(), tc.sender, att, tc.subject)
			if err != nil {
				t.Fatal(err)
			}
			sub := v.Submission
			if sub.Unit != tc.unit || sub.Period != tc.period || codes(v.Errors) != tc.errors || codes(v.Warnings) != tc.warnings {
				t.Errorf("got unit %q period %q errors %q warnings %q, want %q %q %q %q",
					sub.Unit, sub.Period, codes(v.Errors), codes(v.Warnings), tc.unit, tc.period, tc.errors, tc.warnings)
			}
			if sub.Valid != (tc.errors == "") || v.Usable != (tc.name != "NotAWorkbook") {
				t.Errorf("got valid %v usable %v", sub.Valid, v.Usable)
			}
		})
	}
}
